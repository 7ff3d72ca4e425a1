import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import metadataJson from 'libphonenumber-js/metadata.max.json';

export type PhoneKind = 'mobile' | 'landline';

export interface NormalizedPhone {
  e164: string;
  kind: PhoneKind;
}

/** The part of libphonenumber's numbering plan the fast path reads (its typings omit these methods). */
interface NumberingPlanView {
  callingCode(): string;
  type(name: 'MOBILE' | 'FIXED_LINE'): { pattern(): string } | undefined;
}

interface RegionPlan {
  callingCode: string;
  mobile: RegExp;
  fixed: RegExp;
}

const plans = new Map<CountryCode, RegionPlan | null>();

function planFor(region: CountryCode): RegionPlan | null {
  let plan = plans.get(region);
  if (plan === undefined) {
    const metadata = new Metadata(metadataJson as unknown as MetadataJson);
    metadata.selectNumberingPlan(region);
    const numbering = metadata.numberingPlan as unknown as NumberingPlanView | undefined;
    const mobile = numbering?.type('MOBILE')?.pattern();
    const fixed = numbering?.type('FIXED_LINE')?.pattern();
    plan =
      numbering && mobile && fixed
        ? {
            callingCode: numbering.callingCode(),
            mobile: new RegExp(`^(?:${mobile})$`),
            fixed: new RegExp(`^(?:${fixed})$`),
          }
        : null;
    plans.set(region, plan);
  }
  return plan;
}

/**
 * The common case of a debtor file: a national number written with or without separators, or
 * +<country code> and the national number. Matching the region's own mobile and fixed-line patterns
 * is what the full parser does for these, at a tenth of its cost (an import sees millions of them);
 * anything else goes to the full parser. phone.util.spec.ts checks both agree.
 */
function fastNormalize(raw: string, region: CountryCode): NormalizedPhone | null {
  const plan = planFor(region);
  if (!plan) return null;
  let digits = raw.replace(/[\s().\-/]/g, '');
  if (digits.startsWith('+')) {
    if (!digits.startsWith(`+${plan.callingCode}`)) return null;
    digits = digits.slice(plan.callingCode.length + 1);
  }
  if (!/^\d{4,17}$/.test(digits)) return null;
  if (plan.mobile.test(digits)) return { e164: `+${plan.callingCode}${digits}`, kind: 'mobile' };
  if (plan.fixed.test(digits)) return { e164: `+${plan.callingCode}${digits}`, kind: 'landline' };
  return null;
}

/**
 * Normalises a phone written the way debtors' files write it ("(55) 1234-5678", "+57 300 123 4567",
 * "3001234567") to E.164 for the portfolio's country. Returns null when it is not a valid number.
 */
export function normalizePhone(raw: string, region: CountryCode): NormalizedPhone | null {
  const cleaned = raw.trim();
  if (!cleaned) return null;
  const fast = fastNormalize(cleaned, region);
  if (fast) return fast;
  return slowNormalizePhone(cleaned, region);
}

/** The full libphonenumber parse (national prefixes, international dialling prefixes, other types). */
export function slowNormalizePhone(raw: string, region: CountryCode): NormalizedPhone | null {
  const parsed = parsePhoneNumberFromString(raw, region);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, kind: parsed.getType() === 'FIXED_LINE' ? 'landline' : 'mobile' };
}

/** An E.164 number as stored and as carriers take it: + and 8 to 15 digits, no leading zero. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

export function isE164(text: string): boolean {
  return E164_PATTERN.test(text);
}
