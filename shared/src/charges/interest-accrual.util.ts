import { addDays, daysBetween, type IsoDate } from '../domain/dates.util';
import type { AccountStatus } from '../domain/enums.constant';
import { CHARGEABLE_STATUSES, RATE_SCALE, type InterestPeriod } from './charge-rules.constant';

/**
 * lcm(28, 29, 30, 31): every month's length divides it, so a day's share of a monthly rate is a
 * whole number of these parts and a day's interest is an exact fraction with one fixed denominator.
 */
export const MONTH_LENGTHS_LCM = 377_580;
/** A day's interest is principal × dayWeight ÷ ACCRUAL_DENOMINATOR, exactly (3.7758·10¹¹). */
export const ACCRUAL_DENOMINATOR = RATE_SCALE * MONTH_LENGTHS_LCM;
const DENOMINATOR = BigInt(ACCRUAL_DENOMINATOR);

/** The rate an account's rule gives it, and its jurisdiction's cap (a monthly rate, or none). */
export interface InterestTerms {
  ratePpm: number;
  period: InterestPeriod;
  monthlyCapPpm: number | null;
}

export function daysInMonthOf(day: IsoDate): number {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The monthly rate (ppm) a day of a month of `monthDays` days accrues at: a daily rate counts
 * `monthDays` times, and the cap clips the result. So a month's interest never exceeds the cap,
 * whatever the month's length.
 */
export function effectiveMonthlyPpm(terms: InterestTerms, monthDays: number): number {
  const monthly = terms.period === 'daily' ? terms.ratePpm * monthDays : terms.ratePpm;
  return terms.monthlyCapPpm === null ? monthly : Math.min(monthly, terms.monthlyCapPpm);
}

/**
 * One day's share of the month's rate, in ACCRUAL_DENOMINATOR parts: the month's rate spread evenly
 * over the calendar month's days (a 2 % monthly rate accrues 2 %/31 a day in January, 2 %/29 in a
 * leap February). Holidays and weekends accrue like any day: interest runs on calendar days.
 */
export function dayWeight(terms: InterestTerms, day: IsoDate): number {
  const monthDays = daysInMonthOf(day);
  return effectiveMonthlyPpm(terms, monthDays) * (MONTH_LENGTHS_LCM / monthDays);
}

export interface DayAccrual {
  interestMinor: number;
  /** The fraction of a minor unit not charged yet, in ACCRUAL_DENOMINATOR parts (0 ≤ carry < it). */
  carry: number;
}

/**
 * Rounding: each day adds its exact interest to the carried fraction and charges the whole minor
 * units of the sum, keeping the rest for the next day. So the interest charged through any day is
 * the exact interest through that day rounded down, never more: a month at 2 % on 1 000 000
 * charges exactly 20 000 over its days, however they split.
 */
export function accrueDay(principalMinor: number, carry: number, weight: number): DayAccrual {
  if (principalMinor <= 0 || weight <= 0) return { interestMinor: 0, carry };
  const total = BigInt(carry) + BigInt(principalMinor) * BigInt(weight);
  return { interestMinor: Number(total / DENOMINATOR), carry: Number(total % DENOMINATOR) };
}

/** Every day from `from` through `through` (inclusive), one at a time. */
export function accrueDays(
  principalMinor: number,
  carry: number,
  terms: InterestTerms,
  from: IsoDate,
  through: IsoDate,
): DayAccrual & { days: number } {
  let interestMinor = 0;
  let left = carry;
  let days = 0;
  for (let day = from; day <= through; day = addDays(day, 1)) {
    const accrued = accrueDay(principalMinor, left, dayWeight(terms, day));
    interestMinor += accrued.interestMinor;
    left = accrued.carry;
    days += 1;
  }
  return { interestMinor, carry: left, days };
}

/**
 * Running sums of the day weights from `from` through `through`, starting with the day before
 * `from` at 0: the days `a`…`b` weigh cumulative(b) − cumulative(a − 1). The database job accrues a
 * whole gap as principal × that difference on top of the carry, which is exactly what accruing the
 * days one at a time gives (the carry makes the charge the rounded-down running total either way).
 */
export function cumulativeWeights(
  terms: InterestTerms,
  from: IsoDate,
  through: IsoDate,
): { day: IsoDate; cumulative: bigint }[] {
  const sums = [{ day: addDays(from, -1), cumulative: 0n }];
  let running = 0n;
  for (let day = from; day <= through; day = addDays(day, 1)) {
    running += BigInt(dayWeight(terms, day));
    sums.push({ day, cumulative: running });
  }
  return sums;
}

/** What the daily job reads of an account. */
export interface ChargeableAccount {
  status: AccountStatus;
  dueDate: IsoDate | null;
  daysPastDue: number;
  /** The day the account was created (its UTC date): interest before it came with the import. */
  createdOn: IsoDate;
  balanceMinor: number;
  interestMinor: number;
  feesMinor: number;
}

export function principalOf(
  account: Pick<ChargeableAccount, 'balanceMinor' | 'interestMinor' | 'feesMinor'>,
): number {
  return account.balanceMinor - account.interestMinor - account.feesMinor;
}

/**
 * Days past due at the end of `day`: from the due date, unless an agreement replaced the schedule
 * (then the payments' own count, from the oldest unpaid installment) or there is no due date.
 */
export function overdueDaysAt(
  account: Pick<ChargeableAccount, 'status' | 'dueDate' | 'daysPastDue'>,
  day: IsoDate,
): number {
  if (account.status !== 'in_agreement' && account.dueDate !== null)
    return Math.max(0, daysBetween(account.dueDate, day));
  return account.daysPastDue;
}

/** Where the daily job left an account: the last day it passed and the carried fraction. */
export interface AccrualState {
  accruedThrough: IsoDate;
  carry: number;
}

export interface AccountAccrual {
  /** The first day this run passes (the day after the last one passed, or the account's first). */
  fromDay: IsoDate;
  /** The first day that accrues: never before the account fell due. */
  accrualFrom: IsoDate;
  /** Whether the account accrues at all (chargeable, overdue, principal left). */
  accrues: boolean;
  interestMinor: number;
  carry: number;
}

/**
 * One run of the daily job for one account, through `through`: every day not passed yet, from the
 * day after the last one passed (or, the first time, from the later of the rule's start and the
 * account's creation). The account's status, standing and principal as they are now hold for all
 * of those days (a run after downtime charges the missed days as the account stands today); days
 * passed while the account was not overdue are passed for good. Null when there is nothing to pass.
 * The database job computes exactly this, set-based (charge-accrual.repository.ts).
 */
export function accrueAccount(
  account: ChargeableAccount,
  state: AccrualState | null,
  terms: InterestTerms,
  accrueFrom: IsoDate,
  through: IsoDate,
): AccountAccrual | null {
  if (!CHARGEABLE_STATUSES.includes(account.status)) return null;
  const next = state ? addDays(state.accruedThrough, 1) : account.createdOn;
  const fromDay = next > accrueFrom ? next : accrueFrom;
  if (fromDay > through) return null;
  const carry = state?.carry ?? 0;
  const dueNext = account.status !== 'in_agreement' && account.dueDate ? addDays(account.dueDate, 1) : null;
  const accrualFrom = dueNext && dueNext > fromDay ? dueNext : fromDay;
  const principal = principalOf(account);
  const accrues = principal > 0 && overdueDaysAt(account, through) > 0 && accrualFrom <= through;
  if (!accrues) return { fromDay, accrualFrom, accrues, interestMinor: 0, carry };
  const accrued = accrueDays(principal, carry, terms, accrualFrom, through);
  return { fromDay, accrualFrom, accrues, interestMinor: accrued.interestMinor, carry: accrued.carry };
}
