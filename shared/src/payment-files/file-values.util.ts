import { isIsoDate, parseCivilDate, type IsoDate } from '../domain/dates.util';
import { minorDigits, parseMajorToMinor } from '../domain/money.util';
import type { PaymentDateFormat } from './payment-file-layout.type';

export interface AmountOptions {
  decimalSeparator: '.' | ',';
  impliedDecimals: boolean;
}

/**
 * An amount as a bank writes it, exactly in minor units: "1.500,50" (decimal comma), "1,500.50",
 * or with implied decimals "000000150050" (the last digits of the currency are the cents). Null
 * when it is not a number or has more decimals than the currency allows.
 */
export function parseFileAmount(text: string, currency: string, options: AmountOptions): number | null {
  const compact = text.trim().replace(/\s/g, '');
  if (options.impliedDecimals) {
    if (!/^[+-]?\d{1,18}$/.test(compact)) return null;
    const value = Number(compact);
    return Number.isSafeInteger(value) ? value : null;
  }
  const [thousands, decimal] = options.decimalSeparator === ',' ? ['.', ','] : [',', '.'];
  const normalized = compact.split(thousands).join('').replace(decimal, '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(normalized)) return null;
  return parseMajorToMinor(normalized, currency);
}

const FORMAT_HINTS: Readonly<Record<PaymentDateFormat, string>> = {
  auto: 'AAAA-MM-DD, DD/MM/AAAA, AAAAMMDD',
  YYYYMMDD: 'AAAAMMDD',
  DDMMYYYY: 'DDMMAAAA',
};

export function dateFormatHint(format: PaymentDateFormat): string {
  return FORMAT_HINTS[format];
}

/** A civil date in one of the layout's formats, or null. */
export function parseFileDate(text: string, format: PaymentDateFormat): IsoDate | null {
  const value = text.trim();
  const compact = /^\d{8}$/.test(value) ? value : null;
  const iso = (y: string, m: string, d: string): IsoDate | null => {
    const candidate = `${y}-${m}-${d}`;
    return isIsoDate(candidate) ? candidate : null;
  };
  switch (format) {
    case 'YYYYMMDD':
      return compact ? iso(compact.slice(0, 4), compact.slice(4, 6), compact.slice(6, 8)) : null;
    case 'DDMMYYYY':
      return compact
        ? iso(compact.slice(4, 8), compact.slice(2, 4), compact.slice(0, 2))
        : parseCivilDate(value);
    case 'auto':
      return compact
        ? iso(compact.slice(0, 4), compact.slice(4, 6), compact.slice(6, 8))
        : parseCivilDate(value);
  }
}

/** Minor units as a bank file writes them with a decimal point ("150050" COP → "1500.50"). */
export function minorToFileAmount(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const unit = 10 ** digits;
  const whole = Math.floor(amountMinor / unit);
  return digits === 0 ? String(whole) : `${whole}.${String(amountMinor % unit).padStart(digits, '0')}`;
}

/** One CSV field for a machine reader: quoted only when it holds the delimiter, a quote or a newline. */
export function fileCsvCell(value: string | number, delimiter: string): string {
  const text = String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Splits one line of a small CSV (response and withheld files), honouring double quotes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** The delimiter that splits a header line into the most columns (LatAm files often use ';'). */
export function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** The lines of a small text file, without a BOM or line endings. */
export function textLines(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r?\n/);
}

export const PAYMENT_REFERENCE_PATTERN = /^[\w.:/#-]{1,80}$/;
export const FILE_ACCOUNT_NUMBER_PATTERN = /^[\w.\-/]{1,40}$/;
