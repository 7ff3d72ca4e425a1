import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'landline';

export interface NormalizedPhone {
  e164: string;
  kind: PhoneKind;
}

/**
 * Normalises a phone written the way debtors' files write it ("(55) 1234-5678", "+57 300 123 4567",
 * "3001234567") to E.164 for the portfolio's country. Returns null when it is not a possible number.
 */
export function normalizePhone(raw: string, region: CountryCode): NormalizedPhone | null {
  const cleaned = raw.trim();
  if (!cleaned) return null;
  const parsed = parsePhoneNumberFromString(cleaned, region);
  if (!parsed || !parsed.isValid()) return null;
  const type = parsed.getType();
  return { e164: parsed.number, kind: type === 'FIXED_LINE' ? 'landline' : 'mobile' };
}
