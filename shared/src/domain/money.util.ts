/** Amounts are integers in minor units with an ISO 4217 currency. */
export interface Money {
  amountMinor: number;
  currency: string;
}

const MINOR_DIGITS: Readonly<Record<string, number>> = {
  CLP: 0,
  COP: 2,
  MXN: 2,
  USD: 2,
  PEN: 2,
  TWD: 2,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/**
 * Parses a decimal amount written in major units ("1234.5", "1.00E+05", "-12") into integer minor
 * units without going through binary floating point for the fraction, so "0.29" is exactly 29.
 * Returns null for anything that is not a finite number or has more decimals than the currency allows.
 */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const trimmed = text.trim().replace(/^\+/, '');
  const scientific = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(trimmed);
  let normalized = trimmed;
  if (scientific) {
    const [, sign, int, frac = '', expText] = scientific;
    const exp = Number(expText);
    let all = int + frac;
    let point = int.length + exp;
    if (point < 0) {
      all = '0'.repeat(-point) + all;
      point = 0;
    }
    if (point > all.length) all = all + '0'.repeat(point - all.length);
    normalized = `${sign}${all.slice(0, point) || '0'}${point < all.length ? '.' + all.slice(point) : ''}`;
  }
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(normalized);
  if (!match) return null;
  const [, sign, intPart, fracRaw = ''] = match;
  const frac = fracRaw.replace(/0+$/, '');
  if (frac.length > digits) return null;
  const value = Number(intPart) * 10 ** digits + Number((frac + '0'.repeat(digits)).slice(0, digits) || '0');
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/** Formats minor units as a plain decimal string in major units ("123456" MXN → "1234.56"). */
export function minorToMajorString(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats exactly from minor units (the decimal string, never a float division), with cached formatters. */
export function formatMoney(money: Money, locale = 'es'): string {
  const key = `${locale}|${money.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = minorDigits(money.currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (moneyFormats.size < 500) moneyFormats.set(key, format);
  }
  return format.format(minorToMajorString(money.amountMinor, money.currency) as `${number}`);
}
