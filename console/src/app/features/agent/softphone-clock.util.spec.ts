import { formatClock, secondsSince, wrapUpCountdown } from './softphone-clock.util';

describe(formatClock.name, () => {
  it('shows minutes and seconds with two digits each', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(7)).toBe('00:07');
    expect(formatClock(247)).toBe('04:07');
    expect(formatClock(3599)).toBe('59:59');
  });

  it('adds the hours once the timer passes one hour', () => {
    expect(formatClock(3600)).toBe('1:00:00');
    expect(formatClock(3729)).toBe('1:02:09');
  });

  it('never shows a negative or fractional time', () => {
    expect(formatClock(-5)).toBe('00:00');
    expect(formatClock(61.9)).toBe('01:01');
  });
});

describe(secondsSince.name, () => {
  const now = Date.parse('2026-03-09T15:00:30Z');

  it('counts whole seconds from the instant', () => {
    expect(secondsSince('2026-03-09T15:00:00Z', now, 0)).toBe(30);
    expect(secondsSince('2026-03-09T15:00:00.600Z', now, 0)).toBe(29);
  });

  it("corrects the browser's clock by the measured skew", () => {
    // The browser runs 10 s ahead of the server.
    expect(secondsSince('2026-03-09T15:00:00Z', now, 10_000)).toBe(20);
  });

  it('is zero for a missing, unreadable or future instant', () => {
    expect(secondsSince(null, now, 0)).toBe(0);
    expect(secondsSince('not a date', now, 0)).toBe(0);
    expect(secondsSince('2026-03-09T15:01:00Z', now, 0)).toBe(0);
  });
});

describe(wrapUpCountdown.name, () => {
  it('counts down the seconds left of the limit', () => {
    expect(wrapUpCountdown(90, 0)).toEqual({ seconds: 90, overdue: false });
    expect(wrapUpCountdown(90, 75)).toEqual({ seconds: 15, overdue: false });
    expect(wrapUpCountdown(90, 90)).toEqual({ seconds: 0, overdue: false });
  });

  it('says how long ago the limit passed once it is overdue', () => {
    expect(wrapUpCountdown(90, 102)).toEqual({ seconds: 12, overdue: true });
  });

  it('has no countdown when the campaign sets no limit', () => {
    expect(wrapUpCountdown(null, 30)).toBeNull();
    expect(wrapUpCountdown(0, 30)).toBeNull();
  });
});
