import type { IsoDate } from '../domain/dates.util';
import { CHARGEABLE_STATUSES, MAX_RATE_PPM, RATE_SCALE, type FeePeriod } from './charge-rules.constant';
import { overdueDaysAt, principalOf, type ChargeableAccount } from './interest-accrual.util';

/**
 * One tranche of a fee schedule: `ratePpm` of the part of the debt between `lowerMinor` and
 * `upperMinor` (null: no upper bound). Chile's art. 37 of Ley 19.496: 9 % up to 10 UF, 6 % from 10
 * to 50 UF, 3 % above.
 */
export interface FeeTranche {
  lowerMinor: number;
  upperMinor: number | null;
  ratePpm: number;
}

const SCALE = BigInt(RATE_SCALE);

/**
 * The fee on a debt: each tranche's rate on the part of the debt inside it, summed exactly and
 * rounded down once at the end, so the fee never exceeds the legal schedule.
 */
export function trancheFee(debtMinor: number, tranches: readonly FeeTranche[]): number {
  if (debtMinor <= 0) return 0;
  let total = 0n;
  for (const t of tranches) {
    const top = t.upperMinor === null ? debtMinor : Math.min(debtMinor, t.upperMinor);
    if (top > t.lowerMinor) total += BigInt(top - t.lowerMinor) * BigInt(t.ratePpm);
  }
  return Number(total / SCALE);
}

/** What fees are charged on: the debt that is overdue, principal and late interest, never fees on fees. */
export function feeBaseOf(account: Pick<ChargeableAccount, 'balanceMinor' | 'feesMinor'>): number {
  return account.balanceMinor - account.feesMinor;
}

/** Fees are charged once per account, rule and period: 'once' ever, or once per calendar month. */
export function feePeriodKey(period: FeePeriod, day: IsoDate): string {
  return period === 'once' ? 'once' : day.slice(0, 7);
}

/** Whether the daily job charges the fee on `day` (the period's charge not made yet is the caller's check). */
export function feeDue(account: ChargeableAccount, feeAfterDays: number, day: IsoDate): boolean {
  return (
    CHARGEABLE_STATUSES.includes(account.status) &&
    principalOf(account) > 0 &&
    overdueDaysAt(account, day) > feeAfterDays
  );
}

export type TrancheProblem =
  | 'empty'
  | 'first_not_zero'
  | 'gap_or_overlap'
  | 'empty_tranche'
  | 'last_bounded'
  | 'rate_out_of_range'
  | 'not_whole';

/**
 * A schedule is tranches in order, from 0, each starting where the previous one ends, the last one
 * open-ended; rates between 0 and 100 %.
 */
export function validateTranches(tranches: readonly FeeTranche[]): TrancheProblem[] {
  const problems = new Set<TrancheProblem>();
  if (tranches.length === 0) return ['empty'];
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  tranches.forEach((t, i) => {
    if (!whole(t.lowerMinor) || (t.upperMinor !== null && !whole(t.upperMinor)) || !whole(t.ratePpm))
      problems.add('not_whole');
    if (t.ratePpm > MAX_RATE_PPM) problems.add('rate_out_of_range');
    if (t.upperMinor !== null && t.upperMinor <= t.lowerMinor) problems.add('empty_tranche');
    if (i === 0 && t.lowerMinor !== 0) problems.add('first_not_zero');
    if (i > 0 && tranches[i - 1].upperMinor !== t.lowerMinor) problems.add('gap_or_overlap');
    if (i === tranches.length - 1 && t.upperMinor !== null) problems.add('last_bounded');
  });
  return [...problems];
}
