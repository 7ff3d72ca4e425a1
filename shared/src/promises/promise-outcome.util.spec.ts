import { PUBLIC_HOLIDAYS } from '../compliance/holidays.constant';
import {
  promiseDeadline,
  promiseOutcome,
  reminderDate,
  type InstallmentPromise,
} from './promise-outcome.util';

// Bogotá is UTC−5 all year: local midnight of day D is D 05:00 UTC.
const BOGOTA = { graceDays: 3, timeZone: 'America/Bogota' };
const MEXICO = { graceDays: 3, timeZone: 'America/Mexico_City' };
const unpaid = (dueDate: string, amountMinor = 100_000): InstallmentPromise => ({
  dueDate,
  amountMinor,
  paidMinor: 0,
  paidAt: null,
});

describe(promiseOutcome.name, () => {
  it('stays open through the last grace day and breaks at the local midnight after it', () => {
    // Due Tue 1 Dec 2026 + 3 calendar days = Fri 4 Dec, the last day to pay.
    const installment = unpaid('2026-12-01');
    // 23:59 on 4 Dec in Bogotá is 04:59 UTC on the 5th.
    expect(promiseOutcome(installment, BOGOTA, new Date('2026-12-05T04:59:00Z'))).toBe('open');
    // 00:00 on 5 Dec in Bogotá.
    expect(promiseOutcome(installment, BOGOTA, new Date('2026-12-05T05:00:00Z'))).toBe('broken');
  });

  it('is kept when paid in full on the last grace day, by the agency’s calendar', () => {
    // 23:30 on Fri 4 Dec in Bogotá (04:30 UTC on the 5th): still the 4th there.
    const paid = { ...unpaid('2026-12-01'), paidMinor: 100_000, paidAt: new Date('2026-12-05T04:30:00Z') };
    expect(promiseOutcome(paid, BOGOTA, new Date('2026-12-20T12:00:00Z'))).toBe('kept');
    // 00:30 on Sat 5 Dec in Bogotá: a day late, so broken though the money is all there.
    const late = { ...paid, paidAt: new Date('2026-12-05T05:30:00Z') };
    expect(promiseOutcome(late, BOGOTA, new Date('2026-12-20T12:00:00Z'))).toBe('broken');
  });

  it('is kept the moment it is paid in full, even before the due date', () => {
    const early = { ...unpaid('2026-12-01'), paidMinor: 100_000, paidAt: new Date('2026-11-20T15:00:00Z') };
    expect(promiseOutcome(early, BOGOTA, new Date('2026-11-20T16:00:00Z'))).toBe('kept');
  });

  it('breaks a partial payment short by one minor unit, and leaves it open while there is time', () => {
    // 99,999 of 100,000 paid: 1 short.
    const short = { ...unpaid('2026-12-01'), paidMinor: 99_999 };
    expect(promiseOutcome(short, BOGOTA, new Date('2026-12-04T15:00:00Z'))).toBe('open');
    expect(promiseOutcome(short, BOGOTA, new Date('2026-12-05T15:00:00Z'))).toBe('broken');
    // Partial payments that add up to the amount, the last one on time: kept.
    const topped = { ...short, paidMinor: 100_000, paidAt: new Date('2026-12-04T15:00:00Z') };
    expect(promiseOutcome(topped, BOGOTA, new Date('2026-12-05T15:00:00Z'))).toBe('kept');
  });

  it('counts grace days as calendar days: a weekend does not move the deadline', () => {
    // Due Fri 4 Dec 2026 + 3 = Mon 7 Dec (Sat and Sun count).
    expect(promiseDeadline('2026-12-04', 3)).toBe('2026-12-07');
    // Tue 8 Dec, 10:00 in Bogotá.
    expect(promiseOutcome(unpaid('2026-12-04'), BOGOTA, new Date('2026-12-08T15:00:00Z'))).toBe('broken');
  });

  it('does not move the deadline off a public holiday either', () => {
    // Mexico's Revolution Day 2026 is observed Mon 16 Nov (LFT art. 74).
    expect(PUBLIC_HOLIDAYS.MX[2026]).toContain('2026-11-16');
    // Due Fri 13 Nov + 3 = Mon 16 Nov, the holiday itself, still the last day.
    expect(promiseDeadline('2026-11-13', 3)).toBe('2026-11-16');
    const paidTuesday = {
      ...unpaid('2026-11-13'),
      paidMinor: 100_000,
      // Tue 17 Nov, 09:00 in Mexico City (UTC−6).
      paidAt: new Date('2026-11-17T15:00:00Z'),
    };
    expect(promiseOutcome(paidTuesday, MEXICO, new Date('2026-11-18T15:00:00Z'))).toBe('broken');
    const paidOnHoliday = { ...paidTuesday, paidAt: new Date('2026-11-16T23:00:00Z') };
    expect(promiseOutcome(paidOnHoliday, MEXICO, new Date('2026-11-18T15:00:00Z'))).toBe('kept');
  });

  it('runs the grace days over month and year ends, February and leap years', () => {
    expect(promiseDeadline('2026-01-31', 3)).toBe('2026-02-03');
    // 2027 is not a leap year: 28 Feb + 3 = 3 Mar; 2028 is: 28 Feb + 3 = 2 Mar.
    expect(promiseDeadline('2027-02-28', 3)).toBe('2027-03-03');
    expect(promiseDeadline('2028-02-28', 3)).toBe('2028-03-02');
    // A due date on the 31st of December: the deadline is in the next year.
    expect(promiseDeadline('2026-12-31', 3)).toBe('2027-01-03');
    // 23:59 on 3 Jan 2027 in Bogotá: open; 00:00 on 4 Jan: broken.
    expect(promiseOutcome(unpaid('2026-12-31'), BOGOTA, new Date('2027-01-04T04:59:00Z'))).toBe('open');
    expect(promiseOutcome(unpaid('2026-12-31'), BOGOTA, new Date('2027-01-04T05:00:00Z'))).toBe('broken');
  });

  it('uses the client’s grace days, none at all included', () => {
    const none = { ...BOGOTA, graceDays: 0 };
    // Due 1 Dec, no grace: open all of 1 Dec, broken on the 2nd.
    expect(promiseOutcome(unpaid('2026-12-01'), none, new Date('2026-12-02T04:59:00Z'))).toBe('open');
    expect(promiseOutcome(unpaid('2026-12-01'), none, new Date('2026-12-02T05:00:00Z'))).toBe('broken');
    const week = { ...BOGOTA, graceDays: 7 };
    expect(promiseOutcome(unpaid('2026-12-01'), week, new Date('2026-12-08T15:00:00Z'))).toBe('open');
  });

  it('gives a payment recorded without an instant the benefit of the doubt', () => {
    const paid = { ...unpaid('2026-12-01'), paidMinor: 100_000, paidAt: null };
    expect(promiseOutcome(paid, BOGOTA, new Date('2027-06-01T12:00:00Z'))).toBe('kept');
  });

  it('refuses malformed dates, amounts and grace days', () => {
    expect(() => promiseDeadline('2026-02-30', 3)).toThrow(RangeError);
    expect(() => promiseDeadline('2026-12-01', -1)).toThrow(RangeError);
    expect(() => promiseOutcome({ ...unpaid('2026-12-01'), paidMinor: 0.5 }, BOGOTA, new Date())).toThrow(
      RangeError,
    );
  });
});

describe(reminderDate.name, () => {
  it('goes out N calendar days before the due date, across month and year ends', () => {
    expect(reminderDate('2026-12-10', 3)).toBe('2026-12-07');
    expect(reminderDate('2027-03-02', 3)).toBe('2027-02-27');
    expect(reminderDate('2028-03-02', 3)).toBe('2028-02-28');
    expect(reminderDate('2027-01-01', 3)).toBe('2026-12-29');
    expect(reminderDate('2026-12-31', 0)).toBe('2026-12-31');
    expect(() => reminderDate('2026-12-31', -2)).toThrow(RangeError);
  });
});
