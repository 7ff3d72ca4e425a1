import { localParts } from '../compliance/local-time.util';
import { addDays, isIsoDate, type IsoDate } from '../domain/dates.util';

/**
 * Where an installment stands against its promise: still open (there is time to pay), kept (paid in
 * full by the deadline) or broken (the deadline passed short of it).
 */
export const PROMISE_OUTCOMES = ['open', 'kept', 'broken'] as const;
export type PromiseOutcome = (typeof PROMISE_OUTCOMES)[number];

export interface InstallmentPromise {
  dueDate: IsoDate;
  amountMinor: number;
  /** Everything paid towards it so far (partial payments add up). */
  paidMinor: number;
  /** When the payment that completed it was made; null while it is not paid in full. */
  paidAt: Date | null;
}

export interface PromiseCalendar {
  /** The client's grace days (`clients.grace_days`): calendar days after the due date. */
  graceDays: number;
  /** The agency's IANA zone: the calendar due dates, payment instants and "today" are read in. */
  timeZone: string;
}

/**
 * The last day an installment may be paid and still be kept: its due date plus the grace days, as
 * **calendar** days of the agency's calendar. Weekends and holidays do not move it: this is the very
 * deadline the dashboards' kept rate counts (DESIGN.md §3, KEPT_GRACE_DAYS in the rollups), so an
 * installment the daily check breaks is exactly one the kept rate counts as not kept. The grace days
 * are what absorbs a weekend or a bank holiday; a client who wants more gives more of them.
 */
export function promiseDeadline(dueDate: IsoDate, graceDays: number): IsoDate {
  if (!isIsoDate(dueDate)) throw new RangeError(`Invalid due date ${dueDate}`);
  if (!Number.isSafeInteger(graceDays) || graceDays < 0)
    throw new RangeError('grace days must be a whole number ≥ 0');
  return addDays(dueDate, graceDays);
}

/**
 * Kept when paid in full on or before the deadline (by the agency's calendar date of the payment);
 * broken once the agency's today is past the deadline and it was not — short by a single minor unit,
 * or completed only after the deadline; open until then. An installment paid in full without a
 * recorded instant has nothing to say it was late, and counts as kept.
 */
export function promiseOutcome(
  installment: InstallmentPromise,
  calendar: PromiseCalendar,
  now: Date,
): PromiseOutcome {
  const { amountMinor, paidMinor, paidAt } = installment;
  if (!Number.isSafeInteger(amountMinor) || !Number.isSafeInteger(paidMinor))
    throw new RangeError('amounts must be whole minor units');
  const deadline = promiseDeadline(installment.dueDate, calendar.graceDays);
  if (paidMinor >= amountMinor && (paidAt === null || localParts(paidAt, calendar.timeZone).date <= deadline))
    return 'kept';
  return localParts(now, calendar.timeZone).date > deadline ? 'broken' : 'open';
}

/** The day a reminder goes out: `daysBefore` calendar days before the due date. */
export function reminderDate(dueDate: IsoDate, daysBefore: number): IsoDate {
  if (!isIsoDate(dueDate)) throw new RangeError(`Invalid due date ${dueDate}`);
  if (!Number.isSafeInteger(daysBefore) || daysBefore < 0)
    throw new RangeError('reminder days must be a whole number ≥ 0');
  return addDays(dueDate, -daysBefore);
}
