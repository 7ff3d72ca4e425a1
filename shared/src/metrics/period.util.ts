import { zonedInstant } from '../compliance/local-time.util';
import { addDays, addMonths, type IsoDate } from '../domain/dates.util';

/**
 * A reporting period in the agency's calendar: civil days [firstDay, endDay) and the UTC instants
 * of their local midnights. A payment at 23:30 in Bogotá on 31 January is January's, though it is
 * already 1 February in UTC.
 */
export interface ReportPeriod {
  firstDay: IsoDate;
  /** The day after the last one. */
  endDay: IsoDate;
  start: Date;
  end: Date;
}

export function periodOfDays(firstDay: IsoDate, endDay: IsoDate, timeZone: string): ReportPeriod {
  return {
    firstDay,
    endDay,
    start: zonedInstant(firstDay, '00:00', timeZone),
    end: zonedInstant(endDay, '00:00', timeZone),
  };
}

/** The month of `month` ('YYYY-MM') in the agency's zone. */
export function monthPeriod(month: string, timeZone: string): ReportPeriod {
  const firstDay = `${month}-01`;
  return periodOfDays(firstDay, addMonths(firstDay, 1), timeZone);
}

/** The calendar year of `year` in the agency's zone. */
export function yearPeriod(year: number, timeZone: string): ReportPeriod {
  return periodOfDays(`${year}-01-01`, `${year + 1}-01-01`, timeZone);
}

export function previousMonth(month: string): string {
  return addMonths(`${month}-01`, -1).slice(0, 7);
}

export function isInPeriod(instant: Date, period: ReportPeriod): boolean {
  return instant >= period.start && instant < period.end;
}

export function isDayInPeriod(day: IsoDate, period: ReportPeriod): boolean {
  return day >= period.firstDay && day < period.endDay;
}

/** Every civil day of the period, for trends by day. */
export function daysOf(period: ReportPeriod): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = period.firstDay; day < period.endDay; day = addDays(day, 1)) days.push(day);
  return days;
}
