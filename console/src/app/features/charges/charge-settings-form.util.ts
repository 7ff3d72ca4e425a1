import { MAX_RATE_PPM, minorToMajorString, parseMajorToMinor, type FeeTranche } from '@recupera/shared';

/**
 * A percentage typed by a person ("1,8769", "0.2", "9") as whole ppm, exactly: the digits are
 * shifted, never multiplied as a float. Up to four decimals (1 ppm = 0.0001 %), at most 100 %.
 */
export function parsePercentPpm(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,4}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const ppm = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  return ppm <= MAX_RATE_PPM ? ppm : null;
}

/** Whole ppm back as the text a person would type (18 769 → "1.8769"). */
export function ppmToPercentText(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** One row of the schedule editor: where the tranche ends (empty on the last) and its rate. */
export interface TrancheRow {
  upTo: string;
  rate: string;
}

/**
 * The editor's rows as tranches in minor units: each starts where the previous ended, the first at
 * 0; null when a number is not one (the server checks the schedule's shape).
 */
export function tranchesFromRows(rows: readonly TrancheRow[], currency: string): FeeTranche[] | null {
  const tranches: FeeTranche[] = [];
  let lower = 0;
  for (const row of rows) {
    const ratePpm = parsePercentPpm(row.rate);
    const upperMinor = row.upTo.trim() === '' ? null : parseMajorToMinor(row.upTo, currency);
    if (ratePpm === null || (row.upTo.trim() !== '' && upperMinor === null)) return null;
    tranches.push({ lowerMinor: lower, upperMinor, ratePpm });
    if (upperMinor === null) break;
    lower = upperMinor;
  }
  return tranches;
}

export function rowsFromTranches(tranches: readonly FeeTranche[], currency: string): TrancheRow[] {
  return tranches.map((t) => ({
    upTo: t.upperMinor === null ? '' : minorToMajorString(t.upperMinor, currency),
    rate: ppmToPercentText(t.ratePpm),
  }));
}
