import { RATE_SCALE } from '@recupera/shared';

/** A rate in ppm as a ratio for the percent formatter: 18 769 ppm → 0.018769 (1.8769 %). */
export function ppmRatio(ppm: number): number {
  return ppm / RATE_SCALE;
}

/** The ledger kinds the console has words for; any other kind is shown as stored. */
export const KNOWN_LEDGER_KINDS = [
  'interest_accrual',
  'fee_charge',
  'waiver',
  'writeoff',
  'writeoff_reversal',
] as const;
export type KnownLedgerKind = (typeof KNOWN_LEDGER_KINDS)[number];

export function knownLedgerKind(kind: string): KnownLedgerKind | null {
  return (KNOWN_LEDGER_KINDS as readonly string[]).includes(kind) ? (kind as KnownLedgerKind) : null;
}
