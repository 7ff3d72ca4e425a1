import {
  PAYMENT_DATE_FORMATS,
  PAYMENT_FILE_FIELDS,
  REQUIRED_PAYMENT_FILE_FIELDS,
  MAX_FIXED_WIDTH_LINE,
  type FixedWidthPaymentLayout,
  type PaymentFileField,
  type PaymentFileLayout,
} from './payment-file-layout.type';

function isPaymentFileField(value: unknown): value is PaymentFileField {
  return (PAYMENT_FILE_FIELDS as readonly unknown[]).includes(value);
}

const positiveInt = (value: unknown, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;

/**
 * What stops a layout from reading any file: required fields missing, unknown fields, and for fixed
 * width, fields outside the line or overlapping one another. Empty when the layout is usable.
 */
export function checkPaymentLayout(layout: PaymentFileLayout): string[] {
  const problems: string[] = [];
  if (!(PAYMENT_DATE_FORMATS as readonly string[]).includes(layout.dateFormat))
    problems.push(`unknown date format "${String(layout.dateFormat)}"`);
  if (layout.decimalSeparator !== '.' && layout.decimalSeparator !== ',')
    problems.push('the decimal separator must be "." or ","');
  if (layout.format === 'csv') {
    for (const field of REQUIRED_PAYMENT_FILE_FIELDS)
      if (!layout.columns[field]?.trim()) problems.push(`required field "${field}" is not mapped`);
    for (const field of Object.keys(layout.columns))
      if (!isPaymentFileField(field)) problems.push(`unknown field "${field}"`);
    return problems;
  }
  return [...problems, ...checkFixedWidth(layout)];
}

function checkFixedWidth(layout: FixedWidthPaymentLayout): string[] {
  const problems: string[] = [];
  const seen = new Set<PaymentFileField>();
  for (const { field, start, length } of layout.fields) {
    if (!isPaymentFileField(field)) {
      problems.push(`unknown field "${String(field)}"`);
      continue;
    }
    if (seen.has(field)) problems.push(`field "${field}" is defined twice`);
    seen.add(field);
    if (!positiveInt(start, MAX_FIXED_WIDTH_LINE) || !positiveInt(length, MAX_FIXED_WIDTH_LINE))
      problems.push(`field "${field}" needs a start and a length from 1 to ${MAX_FIXED_WIDTH_LINE}`);
    else if (start + length - 1 > MAX_FIXED_WIDTH_LINE)
      problems.push(`field "${field}" ends past column ${MAX_FIXED_WIDTH_LINE}`);
  }
  for (const field of REQUIRED_PAYMENT_FILE_FIELDS)
    if (!seen.has(field)) problems.push(`required field "${field}" is not mapped`);
  const sorted = layout.fields
    .filter((f) => positiveInt(f.start, MAX_FIXED_WIDTH_LINE) && positiveInt(f.length, MAX_FIXED_WIDTH_LINE))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    if (sorted[i].start < before.start + before.length)
      problems.push(`fields "${before.field}" and "${sorted[i].field}" overlap`);
  }
  if (!Number.isInteger(layout.skipLines) || layout.skipLines < 0 || layout.skipLines > 100)
    problems.push('skipLines must be a whole number from 0 to 100');
  const rule = layout.detailRecord;
  if (rule && (!positiveInt(rule.start, MAX_FIXED_WIDTH_LINE) || rule.value.length !== rule.length))
    problems.push('the detail record marker needs a start and a value as long as its length');
  return problems;
}

/** The columns a CSV layout names that the file's header lacks. */
export function missingCsvColumns(layout: PaymentFileLayout, header: readonly string[]): string[] {
  if (layout.format !== 'csv') return [];
  return Object.entries(layout.columns)
    .filter(([, column]) => column && !header.includes(column))
    .map(([field, column]) => `column "${column}" (for ${field}) is not in the file`);
}

/** How a reject names where a field sits: the CSV column, or "field@start-end" in a fixed-width line. */
export function fieldLabels(layout: PaymentFileLayout): Partial<Record<PaymentFileField, string>> {
  if (layout.format === 'csv') return { ...layout.columns };
  return Object.fromEntries(
    layout.fields.map((f) => [f.field, `${f.field}@${f.start}-${f.start + f.length - 1}`]),
  );
}

export type FixedWidthSlice =
  | { kind: 'detail'; cells: Partial<Record<PaymentFileField, string>>; tooShort: PaymentFileField[] }
  | { kind: 'other' };

/**
 * Cuts one fixed-width line into its fields (trimmed). Lines that are not detail records (by the
 * layout's marker) or are blank are 'other'. A field starting past the end of the line is reported,
 * since some banks trim trailing blanks: a field that only runs short is read as far as it goes.
 */
export function sliceFixedWidth(line: string, layout: FixedWidthPaymentLayout): FixedWidthSlice {
  if (line.trim() === '') return { kind: 'other' };
  const rule = layout.detailRecord;
  if (rule && line.slice(rule.start - 1, rule.start - 1 + rule.length) !== rule.value)
    return { kind: 'other' };
  const cells: Partial<Record<PaymentFileField, string>> = {};
  const tooShort: PaymentFileField[] = [];
  for (const { field, start, length } of layout.fields) {
    if (line.length < start) {
      if (REQUIRED_PAYMENT_FILE_FIELDS.includes(field)) tooShort.push(field);
      cells[field] = '';
    } else cells[field] = line.slice(start - 1, start - 1 + length).trim();
  }
  return { kind: 'detail', cells, tooShort };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a layout sent over the wire (any JSON) into a typed one, keeping only the known keys;
 * the problems say what is wrong with it, structurally and by checkPaymentLayout.
 */
export function parsePaymentLayout(
  raw: unknown,
): { ok: true; layout: PaymentFileLayout } | { ok: false; problems: string[] } {
  if (!isRecord(raw)) return { ok: false, problems: ['the layout must be an object'] };
  const options = {
    dateFormat: (raw['dateFormat'] ?? 'auto') as FixedWidthPaymentLayout['dateFormat'],
    decimalSeparator: (raw['decimalSeparator'] ?? '.') as '.' | ',',
    impliedDecimals: raw['impliedDecimals'] === true,
  };
  let layout: PaymentFileLayout;
  if (raw['format'] === 'csv') {
    const columns = raw['columns'];
    if (!isRecord(columns) || Object.values(columns).some((c) => typeof c !== 'string' || c.length > 120))
      return { ok: false, problems: ['columns must map fields to column names'] };
    layout = {
      format: 'csv',
      columns: Object.fromEntries(
        Object.entries(columns as Record<string, string>)
          .map(([field, column]) => [field, column.trim()])
          .filter(([, column]) => column !== ''),
      ),
      ...options,
    };
  } else if (raw['format'] === 'fixed') {
    const fields = raw['fields'];
    if (!Array.isArray(fields) || fields.length > PAYMENT_FILE_FIELDS.length || !fields.every(isRecord))
      return { ok: false, problems: ['fields must be a list of { field, start, length }'] };
    const rule = raw['detailRecord'];
    if (rule !== undefined && rule !== null && !(isRecord(rule) && typeof rule['value'] === 'string'))
      return { ok: false, problems: ['detailRecord must be { start, length, value }'] };
    layout = {
      format: 'fixed',
      fields: fields.map((f) => ({
        field: f['field'] as PaymentFileField,
        start: f['start'] as number,
        length: f['length'] as number,
      })),
      skipLines: (raw['skipLines'] ?? 0) as number,
      detailRecord: isRecord(rule)
        ? {
            start: rule['start'] as number,
            length: (rule['value'] as string).length,
            value: rule['value'] as string,
          }
        : null,
      ...options,
    };
  } else return { ok: false, problems: ['format must be "csv" or "fixed"'] };
  const problems = checkPaymentLayout(layout);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, layout };
}
