import { addDays, addMonths, daysBetween, isIsoDate, monthStart, parseCivilDate } from './dates.util';

describe('civil dates', () => {
  it('parses ISO and day-first Latin American dates, and refuses impossible ones', () => {
    expect(parseCivilDate('2026-02-28')).toBe('2026-02-28');
    expect(parseCivilDate('5/3/2026')).toBe('2026-03-05');
    expect(parseCivilDate('05-03-2026')).toBe('2026-03-05');
    expect(parseCivilDate('2026-02-30')).toBeNull();
    expect(parseCivilDate('31/04/2026')).toBeNull();
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('20a6-01-01')).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('moves by months, clamping to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(monthStart('2026-11-23')).toBe('2026-11-01');
  });
});
