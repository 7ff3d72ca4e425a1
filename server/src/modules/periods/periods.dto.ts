import { Matches } from 'class-validator';

/** `:month` of /periods/:month: a month of the agency's calendar. */
export class PeriodMonthParamDto {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month!: string;
}
