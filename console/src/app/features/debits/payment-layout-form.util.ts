import {
  PAYMENT_FILE_FIELDS,
  checkPaymentLayout,
  type PaymentDateFormat,
  type PaymentFileField,
  type PaymentFileFormat,
  type PaymentFileLayout,
} from '@recupera/shared';

/** The layout editor's flat model: one column name, start and length per field. */
export interface LayoutFormModel {
  format: PaymentFileFormat;
  columns: Record<PaymentFileField, string>;
  starts: Record<PaymentFileField, number | null>;
  lengths: Record<PaymentFileField, number | null>;
  decimalSeparator: '.' | ',';
  impliedDecimals: boolean;
  dateFormat: PaymentDateFormat;
  skipLines: number;
  detailStart: number | null;
  detailValue: string;
}

const perField = <T>(value: T): Record<PaymentFileField, T> =>
  Object.fromEntries(PAYMENT_FILE_FIELDS.map((field) => [field, value])) as Record<PaymentFileField, T>;

export function emptyLayoutForm(): LayoutFormModel {
  return {
    format: 'csv',
    columns: perField(''),
    starts: perField<number | null>(null),
    lengths: perField<number | null>(null),
    decimalSeparator: '.',
    impliedDecimals: false,
    dateFormat: 'auto',
    skipLines: 0,
    detailStart: null,
    detailValue: '',
  };
}

/** A saved layout back into the editor. */
export function layoutFormOf(layout: PaymentFileLayout): LayoutFormModel {
  const form = emptyLayoutForm();
  form.format = layout.format;
  form.decimalSeparator = layout.decimalSeparator;
  form.impliedDecimals = layout.impliedDecimals;
  form.dateFormat = layout.dateFormat;
  if (layout.format === 'csv') {
    for (const field of PAYMENT_FILE_FIELDS) form.columns[field] = layout.columns[field] ?? '';
  } else {
    for (const f of layout.fields) {
      form.starts[f.field] = f.start;
      form.lengths[f.field] = f.length;
    }
    form.skipLines = layout.skipLines;
    form.detailStart = layout.detailRecord?.start ?? null;
    form.detailValue = layout.detailRecord?.value ?? '';
  }
  return form;
}

/**
 * The layout the editor describes, checked by the same rules the server applies; a field with no
 * column (CSV) or no start and length (fixed width) is not in the file.
 */
export function toPaymentLayout(
  form: LayoutFormModel,
): { ok: true; layout: PaymentFileLayout } | { ok: false; problems: string[] } {
  const options = {
    decimalSeparator: form.decimalSeparator,
    impliedDecimals: form.impliedDecimals,
    dateFormat: form.dateFormat,
  };
  let layout: PaymentFileLayout;
  if (form.format === 'csv') {
    const columns: Partial<Record<PaymentFileField, string>> = {};
    for (const field of PAYMENT_FILE_FIELDS) {
      const column = form.columns[field].trim();
      if (column) columns[field] = column;
    }
    layout = { format: 'csv', columns, ...options };
  } else {
    const fields = PAYMENT_FILE_FIELDS.filter((f) => form.starts[f] !== null || form.lengths[f] !== null).map(
      (field) => ({
        field,
        start: Number(form.starts[field] ?? 0),
        length: Number(form.lengths[field] ?? 0),
      }),
    );
    const value = form.detailValue;
    layout = {
      format: 'fixed',
      fields,
      skipLines: Number(form.skipLines) || 0,
      detailRecord:
        value && form.detailStart !== null
          ? { start: Number(form.detailStart), length: value.length, value }
          : null,
      ...options,
    };
  }
  const problems = checkPaymentLayout(layout);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, layout };
}
