import {
  bookingInstantOf,
  bookingMonth,
  hasMonthEnded,
  isMonthKey,
  listedMonths,
  monthOfInstant,
  nextMonth,
} from './period-calendar.util';

const BOGOTA = 'America/Bogota'; // UTC−5 all year
const SANTIAGO = 'America/Santiago'; // UTC−3 in summer (September to April), UTC−4 in winter

describe('period calendar', () => {
  it('knows a month key from anything else', () => {
    expect(isMonthKey('2026-11')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-00')).toBe(false);
    expect(isMonthKey('2026-1')).toBe(false);
    expect(isMonthKey('2026-11-01')).toBe(false);
  });

  it('steps to the next month across a year end', () => {
    expect(nextMonth('2026-11')).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });

  it('puts an instant in the month of the agency calendar, not of UTC', () => {
    // 1 December 03:00 UTC is 30 November 22:00 in Bogotá.
    expect(monthOfInstant(new Date('2026-12-01T03:00:00Z'), BOGOTA)).toBe('2026-11');
    // 05:00 UTC is Bogotá's midnight: December.
    expect(monthOfInstant(new Date('2026-12-01T05:00:00Z'), BOGOTA)).toBe('2026-12');
  });

  it('ends a month at the local midnight after its last day', () => {
    // November ends at 1 December 00:00 in Bogotá = 05:00 UTC.
    expect(hasMonthEnded('2026-11', BOGOTA, new Date('2026-12-01T04:59:59.999Z'))).toBe(false);
    expect(hasMonthEnded('2026-11', BOGOTA, new Date('2026-12-01T05:00:00Z'))).toBe(true);
    // Santiago is on summer time in December (UTC−3): midnight is 03:00 UTC.
    expect(hasMonthEnded('2026-11', SANTIAGO, new Date('2026-12-01T02:59:59Z'))).toBe(false);
    expect(hasMonthEnded('2026-11', SANTIAGO, new Date('2026-12-01T03:00:00Z'))).toBe(true);
    // February of a leap year has a 29th.
    expect(hasMonthEnded('2028-02', BOGOTA, new Date('2028-02-29T23:00:00Z'))).toBe(false);
    expect(hasMonthEnded('2028-02', BOGOTA, new Date('2028-03-01T05:00:00Z'))).toBe(true);
  });

  it('books into the month itself when open, else the earliest open month after it', () => {
    const closed = new Set(['2026-09', '2026-10', '2026-12']);
    expect(bookingMonth('2026-08', closed)).toBe('2026-08');
    // September and October are closed, November open.
    expect(bookingMonth('2026-09', closed)).toBe('2026-11');
    // December is closed: January of the next year.
    expect(bookingMonth('2026-12', closed)).toBe('2027-01');
  });

  it('books a payment dated in a closed month at the first instant of the next open one', () => {
    const closed = new Set(['2026-10']);
    // 15 October, closed → 1 November 00:00 in Bogotá = 05:00 UTC.
    expect(bookingInstantOf(new Date('2026-10-15T17:00:00Z'), BOGOTA, closed)).toEqual({
      at: new Date('2026-11-01T05:00:00Z'),
      rebooked: true,
    });
    // 1 November 02:00 UTC is still 31 October in Bogotá: rebooked too.
    expect(bookingInstantOf(new Date('2026-11-01T02:00:00Z'), BOGOTA, closed).rebooked).toBe(true);
    // 1 November 06:00 UTC is November: kept as it came.
    const november = new Date('2026-11-01T06:00:00Z');
    expect(bookingInstantOf(november, BOGOTA, closed)).toEqual({ at: november, rebooked: false });
  });

  it('books across a closed year end into January, at midnight of the agency zone', () => {
    const closed = new Set(['2026-11', '2026-12']);
    // Santiago in January is UTC−3: 1 January 00:00 = 03:00 UTC.
    expect(bookingInstantOf(new Date('2026-11-20T15:00:00Z'), SANTIAGO, closed)).toEqual({
      at: new Date('2027-01-01T03:00:00Z'),
      rebooked: true,
    });
  });

  it('lists the known months up to the current one, with the current and previous, newest first', () => {
    expect(listedMonths(['2026-09', '2026-10', '2027-01'], '2026-12')).toEqual([
      '2026-12',
      '2026-11',
      '2026-10',
      '2026-09',
    ]);
    expect(listedMonths([], '2027-01')).toEqual(['2027-01', '2026-12']);
  });
});
