import { addDays, type IsoDate } from '../domain/dates.util';

/** Monday to Friday, not a holiday. */
export function isBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** Business days in [from, to): the run-rate's elapsed days (to = today) and the period's length. */
export function businessDaysBetween(
  from: IsoDate,
  toExclusive: IsoDate,
  holidays: ReadonlySet<IsoDate> = new Set(),
): number {
  let count = 0;
  for (let day = from; day < toExclusive; day = addDays(day, 1)) if (isBusinessDay(day, holidays)) count++;
  return count;
}
