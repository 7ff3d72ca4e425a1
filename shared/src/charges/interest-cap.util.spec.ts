import { monthlyCapPpm } from './interest-cap.util';

describe('Legal interest caps as a monthly rate', () => {
  it('takes a monthly cap as it is', () => {
    expect(monthlyCapPpm('monthly', 18_000)).toBe(18_000);
  });

  it('divides a nominal annual rate by twelve, rounding down', () => {
    // 36 % a year nominal = 3 % a month; 25.0001 % → 20 833.41… → 20 833.
    expect(monthlyCapPpm('annual_nominal', 360_000)).toBe(30_000);
    expect(monthlyCapPpm('annual_nominal', 250_001)).toBe(20_833);
  });

  it('turns an annual effective rate into the monthly rate that compounds to it', () => {
    // 1.25^(1/12) = e^(ln 1.25 / 12) = e^(0.2231436 / 12) = e^0.0185953 = 1.0187693 → 18 769 ppm:
    // 1.018769^12 = 1.249996 ≤ 1.25 < 1.018770^12 = 1.250011.
    expect(monthlyCapPpm('annual_effective', 250_000)).toBe(18_769);
    // 1.12^(1/12) = 1.0094888 → 9 488.
    expect(monthlyCapPpm('annual_effective', 120_000)).toBe(9_488);
    expect(monthlyCapPpm('annual_effective', 0)).toBe(0);
  });

  it('refuses a rate that is not a whole number of ppm', () => {
    expect(() => monthlyCapPpm('monthly', 1.5)).toThrow(RangeError);
    expect(() => monthlyCapPpm('monthly', -1)).toThrow(RangeError);
  });
});
