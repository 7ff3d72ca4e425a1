import { addDays } from '../domain/dates.util';
import {
  ACCRUAL_DENOMINATOR,
  accrueAccount,
  accrueDay,
  accrueDays,
  cumulativeWeights,
  dayWeight,
  daysInMonthOf,
  effectiveMonthlyPpm,
  overdueDaysAt,
  type ChargeableAccount,
  type InterestTerms,
} from './interest-accrual.util';

const MONTHLY_2: InterestTerms = { ratePpm: 20_000, period: 'monthly', monthlyCapPpm: null };
/** 25 % effective a year is at most 1.8769 % a month (interest-cap.util.spec.ts). */
const CO_CAP = 18_769;

/** Each day's charge, day by day, carrying the remainder. */
function perDay(principal: number, terms: InterestTerms, from: string, days: number): number[] {
  const charged: number[] = [];
  let carry = 0;
  for (let i = 0; i < days; i += 1) {
    const day = accrueDay(principal, carry, dayWeight(terms, addDays(from, i)));
    charged.push(day.interestMinor);
    carry = day.carry;
  }
  return charged;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('Late interest accrual', () => {
  it('spreads a monthly rate over the calendar days and charges exactly the month in total', () => {
    // 2 % a month on 1 000 000 in January 2027: 20 000 / 31 = 645.16… a day. Day 1 charges 645 and
    // carries 5/31 of a unit (5 × 377 580 000 000 / 31 = 60 900 000 000 parts); the 31 days charge
    // exactly 20 000.
    const first = accrueDay(1_000_000, 0, dayWeight(MONTHLY_2, '2027-01-01'));
    expect(first).toEqual({ interestMinor: 645, carry: 60_900_000_000 });
    const january = perDay(1_000_000, MONTHLY_2, '2027-01-01', 31);
    expect(sum(january)).toBe(20_000);
    // Days of 645 and 646: the carry tops a day up whenever it passes a whole unit.
    expect(new Set(january)).toEqual(new Set([645, 646]));
    expect(accrueDays(1_000_000, 0, MONTHLY_2, '2027-01-01', '2027-01-31')).toEqual({
      interestMinor: 20_000,
      carry: 0,
      days: 31,
    });
  });

  it('gives a leap February 29 shares of the month and a common one 28', () => {
    // 20 000 / 29 = 689.65… a day in February 2028, 20 000 / 28 = 714.28… in February 2027.
    expect(daysInMonthOf('2028-02-10')).toBe(29);
    expect(daysInMonthOf('2027-02-10')).toBe(28);
    expect(perDay(1_000_000, MONTHLY_2, '2028-02-01', 1)).toEqual([689]);
    expect(perDay(1_000_000, MONTHLY_2, '2027-02-01', 1)).toEqual([714]);
    expect(sum(perDay(1_000_000, MONTHLY_2, '2028-02-01', 29))).toBe(20_000);
    expect(sum(perDay(1_000_000, MONTHLY_2, '2027-02-01', 28))).toBe(20_000);
    // 29 February itself accrues like any other day of the month.
    expect(dayWeight(MONTHLY_2, '2028-02-29')).toBe(dayWeight(MONTHLY_2, '2028-02-01'));
  });

  it('crosses a month end at the rate of each month', () => {
    // 30 and 31 January at 20 000/31, 1 and 2 February at 20 000/28:
    // running totals 645.16, 1 290.32, 2 004.61, 2 718.89 → 645, 645, 714, 714 (2 718 in all).
    expect(perDay(1_000_000, MONTHLY_2, '2027-01-30', 4)).toEqual([645, 645, 714, 714]);
    const gap = accrueDays(1_000_000, 0, MONTHLY_2, '2027-01-30', '2027-02-02');
    expect(gap.interestMinor).toBe(2_718);
    // 0.894… of a unit left: 2 × 20 000/31 + 2 × 20 000/28 − 2 718, in parts of the denominator.
    expect(gap.carry).toBe(
      2 * 20_000 * 12_180_000_000 + 2 * 20_000 * 13_485_000_000 - 2_718 * ACCRUAL_DENOMINATOR,
    );
  });

  it('accrues a daily rate every calendar day, rounding down and carrying the rest', () => {
    // 0.05 % a day on 1 234 567: 617.2835 a day. Ten days: 6 172.835 → 6 172; the fourth day is
    // the first to reach the next unit (4 × 617.2835 = 2 469.13 after 1 851.85).
    const daily: InterestTerms = { ratePpm: 500, period: 'daily', monthlyCapPpm: null };
    expect(perDay(1_234_567, daily, '2026-11-01', 4)).toEqual([617, 617, 617, 618]);
    expect(accrueDays(1_234_567, 0, daily, '2026-11-01', '2026-11-10').interestMinor).toBe(6_172);
    // The same daily rate whatever the month's length.
    expect(perDay(1_234_567, daily, '2027-02-01', 1)).toEqual([617]);
    expect(perDay(1_234_567, daily, '2027-01-01', 1)).toEqual([617]);
  });

  it('does not care about holidays or weekends', () => {
    // Christmas 2026 (a public holiday everywhere) and Sunday 27 December weigh like the 24th.
    expect(dayWeight(MONTHLY_2, '2026-12-25')).toBe(dayWeight(MONTHLY_2, '2026-12-24'));
    expect(dayWeight(MONTHLY_2, '2026-12-27')).toBe(dayWeight(MONTHLY_2, '2026-12-24'));
  });

  it('clips a rate above the legal cap to the cap, month by month', () => {
    // 0.2 % a day is 6 % over November's 30 days, above 1.8769 %: each day accrues 18 769/30 of a
    // percent-millionth, 625.63 on 1 000 000, and the month 18 769 exactly.
    const steep: InterestTerms = { ratePpm: 2_000, period: 'daily', monthlyCapPpm: CO_CAP };
    expect(effectiveMonthlyPpm(steep, 30)).toBe(CO_CAP);
    expect(perDay(1_000_000, steep, '2026-11-01', 2)).toEqual([625, 626]);
    expect(sum(perDay(1_000_000, steep, '2026-11-01', 30))).toBe(18_769);
    // Uncapped it would be 2 000 a day, 60 000 in the month.
    expect(sum(perDay(1_000_000, { ...steep, monthlyCapPpm: null }, '2026-11-01', 30))).toBe(60_000);
    // 0.061 % a day is 1.891 % over 31 days (clipped) but 1.708 % over 28 (not clipped).
    const near: InterestTerms = { ratePpm: 610, period: 'daily', monthlyCapPpm: CO_CAP };
    expect(effectiveMonthlyPpm(near, 31)).toBe(CO_CAP);
    expect(effectiveMonthlyPpm(near, 28)).toBe(17_080);
    // A monthly rate under the cap is left alone.
    expect(effectiveMonthlyPpm({ ...MONTHLY_2, ratePpm: 15_000, monthlyCapPpm: CO_CAP }, 31)).toBe(15_000);
  });

  it('charges nothing on no principal and keeps the carry', () => {
    expect(accrueDay(0, 123, dayWeight(MONTHLY_2, '2027-01-01'))).toEqual({ interestMinor: 0, carry: 123 });
    expect(accrueDay(-500, 123, dayWeight(MONTHLY_2, '2027-01-01'))).toEqual({
      interestMinor: 0,
      carry: 123,
    });
  });

  it('accrues a whole gap at once from running sums exactly as day by day', () => {
    // 28 January to 3 March 2028 (a leap February) at 0.07 % a day, capped at 1.8769 % a month
    // (clipped in 31-day months: 0.07 % × 31 = 2.17 %; not in February: 2.03 % → clipped too; so
    // every day here is at the cap), on 987 654 with a carry of 123 456 789 parts.
    const terms: InterestTerms = { ratePpm: 700, period: 'daily', monthlyCapPpm: CO_CAP };
    const sums = cumulativeWeights(terms, '2028-01-28', '2028-03-03');
    expect(sums[0]).toEqual({ day: '2028-01-27', cumulative: 0n });
    expect(sums).toHaveLength(36 + 1);
    const span = sums[sums.length - 1].cumulative - sums[0].cumulative;
    const total = 123_456_789n + 987_654n * span;
    const dayByDay = accrueDays(987_654, 123_456_789, terms, '2028-01-28', '2028-03-03');
    expect({
      interestMinor: Number(total / BigInt(ACCRUAL_DENOMINATOR)),
      carry: Number(total % BigInt(ACCRUAL_DENOMINATOR)),
    }).toEqual({
      interestMinor: dayByDay.interestMinor,
      carry: dayByDay.carry,
    });
    // By hand: 4 January days at 18 769/31, 29 at 18 769/29, 3 March days at 18 769/31, on 987 654:
    // (4/31 + 1 + 3/31) × 18 769 × 987 654 / 10^6 = 1.225806 × 18 537.28 = 22 723.11 → 22 723
    // (the carry adds 0.0003 of a unit).
    expect(dayByDay.interestMinor).toBe(22_723);
  });

  it('stays exact on balances far beyond 2^53 parts', () => {
    // 9 000 000 000 000 000 minor units (a safe integer) at 2 % for one January day:
    // 9·10^15 × 0.02 / 31 = 5 806 451 612 903.2258… → 5 806 451 612 903.
    expect(accrueDay(9e15, 0, dayWeight(MONTHLY_2, '2027-01-01')).interestMinor).toBe(5_806_451_612_903);
  });
});

describe('One run of the daily job for an account', () => {
  // 3 % a month on 1 000 000 in November (30 days): exactly 1 000 a day.
  const terms: InterestTerms = { ratePpm: 30_000, period: 'monthly', monthlyCapPpm: null };
  const account: ChargeableAccount = {
    status: 'active',
    dueDate: '2026-10-15',
    daysPastDue: 0,
    createdOn: '2026-11-10',
    balanceMinor: 1_050_000,
    interestMinor: 30_000,
    feesMinor: 20_000,
  };

  it('starts a new account on the day it was created, not before the rule', () => {
    expect(accrueAccount(account, null, terms, '2026-11-01', '2026-11-12')).toEqual({
      fromDay: '2026-11-10',
      accrualFrom: '2026-11-10',
      accrues: true,
      interestMinor: 3_000,
      carry: 0,
    });
    // A rule from the 11th: the 11th and 12th only.
    expect(accrueAccount(account, null, terms, '2026-11-11', '2026-11-12')?.interestMinor).toBe(2_000);
    // A rule not started yet: nothing to pass.
    expect(accrueAccount(account, null, terms, '2026-11-13', '2026-11-12')).toBeNull();
  });

  it('passes only the days after the last one passed, once', () => {
    const state = { accruedThrough: '2026-11-12', carry: 7 };
    expect(accrueAccount(account, state, terms, '2026-11-01', '2026-11-12')).toBeNull();
    expect(accrueAccount(account, state, terms, '2026-11-01', '2026-11-15')).toMatchObject({
      fromDay: '2026-11-13',
      interestMinor: 3_000,
      carry: 7,
    });
  });

  it('accrues from the day after the due date when it fell due during the gap', () => {
    const due = { ...account, dueDate: '2026-11-13' };
    const state = { accruedThrough: '2026-11-10', carry: 0 };
    // 11–15 passed, 14 and 15 accrue.
    expect(accrueAccount(due, state, terms, '2026-11-01', '2026-11-15')).toMatchObject({
      fromDay: '2026-11-11',
      accrualFrom: '2026-11-14',
      accrues: true,
      interestMinor: 2_000,
    });
    // Not due yet: the days are passed without interest, the carry kept.
    expect(
      accrueAccount(
        { ...due, dueDate: '2026-11-20' },
        { ...state, carry: 9 },
        terms,
        '2026-11-01',
        '2026-11-15',
      ),
    ).toEqual({
      fromDay: '2026-11-11',
      accrualFrom: '2026-11-21',
      accrues: false,
      interestMinor: 0,
      carry: 9,
    });
  });

  it('follows the agreement standing, not the original due date, for an account in agreement', () => {
    const inAgreement = { ...account, status: 'in_agreement' as const, daysPastDue: 0 };
    expect(accrueAccount(inAgreement, null, terms, '2026-11-01', '2026-11-12')?.accrues).toBe(false);
    const late = { ...inAgreement, daysPastDue: 5 };
    expect(accrueAccount(late, null, terms, '2026-11-01', '2026-11-12')?.interestMinor).toBe(3_000);
    expect(overdueDaysAt(late, '2026-11-12')).toBe(5);
    expect(overdueDaysAt(account, '2026-11-12')).toBe(28);
  });

  it('skips accounts no longer collected and accrues nothing without principal', () => {
    expect(accrueAccount({ ...account, status: 'paid' }, null, terms, '2026-11-01', '2026-11-12')).toBeNull();
    const onlyCharges = { ...account, balanceMinor: 50_000 };
    expect(accrueAccount(onlyCharges, null, terms, '2026-11-01', '2026-11-12')?.accrues).toBe(false);
  });
});
