import { businessDaysBetween } from './business-days.util';
import { changeOverPrevious, goalAttainment, occupancy, projectedAttainment, ratio } from './kpi.util';

describe('KPI formulas', () => {
  it('has no ratio without a denominator', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('counts business days of November 2026 (it starts on a Sunday), with and without a holiday', () => {
    // Mondays to Fridays: 2–6, 9–13, 16–20, 23–27 and the 30th = 21.
    expect(businessDaysBetween('2026-11-01', '2026-12-01')).toBe(21);
    expect(businessDaysBetween('2026-11-01', '2026-12-01', new Set(['2026-11-16']))).toBe(20);
    // Up to (not including) Wednesday the 11th: 2–6 and 9–10 = 7.
    expect(businessDaysBetween('2026-11-01', '2026-11-11')).toBe(7);
  });

  it('projects attainment from the run-rate per business day', () => {
    // 700 000 in 7 business days = 100 000 a day; × 21 days = 2 100 000 of a 3 000 000 goal = 70 %.
    expect(projectedAttainment(700_000, 3_000_000, 7, 21)).toBeCloseTo(0.7, 12);
    expect(goalAttainment(700_000, 3_000_000)).toBeCloseTo(0.2333333, 6);
    expect(projectedAttainment(700_000, 3_000_000, 0, 21)).toBeNull();
    expect(projectedAttainment(700_000, null, 7, 21)).toBeNull();
    expect(goalAttainment(1, null)).toBeNull();
  });

  it('measures occupancy against the time logged off break', () => {
    // (3 600 talk + 900 wrap) ÷ (8 h − 1 h) = 4 500 ÷ 25 200.
    expect(occupancy(3_600, 900, 28_800, 3_600)).toBeCloseTo(4_500 / 25_200, 12);
  });

  it('compares a month with the previous one', () => {
    expect(changeOverPrevious(125, 100)).toBe(0.25);
    expect(changeOverPrevious(10, 0)).toBeNull();
  });
});
