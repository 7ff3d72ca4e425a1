import type { WithheldLine } from './payroll-files.util';

export interface RequestedDeduction {
  lineId: string;
  reference: string;
  accountNumber: string;
  nationalId: string;
  requestedMinor: number;
}

export const RECONCILIATION_KINDS = [
  'matched',
  'withheld_less',
  'withheld_more',
  'missing',
  'unknown_employee',
] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

export interface ReconciliationRow {
  kind: ReconciliationKind;
  /** The deduction line (null for a withheld line nobody on the file matches). */
  lineId: string | null;
  /** The withheld file's lines behind this row. */
  withheldLines: number[];
  requestedMinor: number;
  withheldMinor: number;
  /** withheld − requested: negative when the employer withheld less. */
  differenceMinor: number;
}

export interface Reconciliation {
  rows: ReconciliationRow[];
  totals: {
    requestedMinor: number;
    withheldMinor: number;
    /** Withheld on lines of the file: what is applied as payments. */
    matchedMinor: number;
    /** Withheld for people not on the file: not applied. */
    unknownMinor: number;
  };
}

/**
 * Matches what an employer withheld against what it was asked to: by the line's reference, else
 * the account number, else the national id (when exactly one line has it). Several withheld lines
 * for one deduction add up. Every deduction line gets a row — matched, withheld less or more, or
 * missing from the withheld file — and every withheld line nobody matches is an unknown employee.
 */
export function reconcilePayroll(
  requested: readonly RequestedDeduction[],
  withheld: readonly WithheldLine[],
): Reconciliation {
  const byReference = new Map(requested.map((r) => [r.reference, r]));
  const byAccount = new Map(requested.map((r) => [r.accountNumber, r]));
  const byNationalId = new Map<string, RequestedDeduction[]>();
  for (const r of requested) byNationalId.set(r.nationalId, [...(byNationalId.get(r.nationalId) ?? []), r]);

  const found = new Map<string, { minor: number; lines: number[] }>();
  const unknown: WithheldLine[] = [];
  for (const w of withheld) {
    const sameId = w.nationalId ? byNationalId.get(w.nationalId) : undefined;
    const match =
      (w.reference ? byReference.get(w.reference) : undefined) ??
      (w.accountNumber ? byAccount.get(w.accountNumber) : undefined) ??
      (sameId?.length === 1 ? sameId[0] : undefined);
    if (!match) {
      unknown.push(w);
      continue;
    }
    const sum = found.get(match.lineId) ?? { minor: 0, lines: [] };
    sum.minor += w.amountMinor;
    sum.lines.push(w.line);
    found.set(match.lineId, sum);
  }

  const rows: ReconciliationRow[] = requested.map((r) => {
    const sum = found.get(r.lineId);
    const withheldMinor = sum?.minor ?? 0;
    const difference = withheldMinor - r.requestedMinor;
    const kind: ReconciliationKind = !sum
      ? 'missing'
      : difference === 0
        ? 'matched'
        : difference < 0
          ? 'withheld_less'
          : 'withheld_more';
    return {
      kind,
      lineId: r.lineId,
      withheldLines: sum?.lines ?? [],
      requestedMinor: r.requestedMinor,
      withheldMinor,
      differenceMinor: difference,
    };
  });
  for (const w of unknown)
    rows.push({
      kind: 'unknown_employee',
      lineId: null,
      withheldLines: [w.line],
      requestedMinor: 0,
      withheldMinor: w.amountMinor,
      differenceMinor: w.amountMinor,
    });
  const matchedMinor = [...found.values()].reduce((sum, f) => sum + f.minor, 0);
  const unknownMinor = unknown.reduce((sum, w) => sum + w.amountMinor, 0);
  return {
    rows,
    totals: {
      requestedMinor: requested.reduce((sum, r) => sum + r.requestedMinor, 0),
      withheldMinor: matchedMinor + unknownMinor,
      matchedMinor,
      unknownMinor,
    },
  };
}
