import { localParts } from '../compliance/local-time.util';
import { addMonths } from '../domain/dates.util';
import { monthPeriod } from '../metrics/period.util';

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' with a real month. */
export function isMonthKey(text: string): boolean {
  return MONTH_KEY.test(text);
}

/** The month ('YYYY-MM') an instant falls in, in the agency's calendar. */
export function monthOfInstant(at: Date, timeZone: string): string {
  return localParts(at, timeZone).date.slice(0, 7);
}

export function nextMonth(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

/** The first day of a month as the database keeps it ('YYYY-MM-01'). */
export function monthFirstDay(month: string): string {
  return `${month}-01`;
}

/** Whether the month is over in the zone: its last local day has passed by `now`. */
export function hasMonthEnded(month: string, timeZone: string, now: Date): boolean {
  return now.getTime() >= monthPeriod(month, timeZone).end.getTime();
}

/** The month itself when open, otherwise the earliest open month after it. */
export function bookingMonth(month: string, closed: ReadonlySet<string>): string {
  let candidate = month;
  while (closed.has(candidate)) candidate = nextMonth(candidate);
  return candidate;
}

/**
 * Where a movement dated `at` is booked: at `at` when its month is open, otherwise at the first
 * instant (local midnight of the 1st) of the earliest open month after it, so a closed month's
 * figures never move.
 */
export function bookingInstantOf(
  at: Date,
  timeZone: string,
  closed: ReadonlySet<string>,
): { at: Date; rebooked: boolean } {
  const month = monthOfInstant(at, timeZone);
  const open = bookingMonth(month, closed);
  if (open === month) return { at, rebooked: false };
  return { at: monthPeriod(open, timeZone).start, rebooked: true };
}

/**
 * The months a period list shows: every month known (with figures or closed) up to the current
 * one, and the current and previous months even before anything happened in them; newest first.
 */
export function listedMonths(known: readonly string[], current: string): string[] {
  const months = new Set(known.filter((month) => month <= current));
  months.add(current);
  months.add(addMonths(`${current}-01`, -1).slice(0, 7));
  return [...months].sort().reverse();
}
