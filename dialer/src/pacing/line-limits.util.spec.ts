import { callsPerSecondHeadroom } from './line-limits.util';

const NOW = 1_700_000_000_000;

describe(callsPerSecondHeadroom.name, () => {
  it('counts only the dials of the last second', () => {
    expect(callsPerSecondHeadroom(3, [NOW - 999, NOW - 1_000, NOW - 5_000], NOW)).toBe(2);
  });

  it('stretches the window below one call per second', () => {
    // 0.5 CPS: one dial per 2 s.
    expect(callsPerSecondHeadroom(0.5, [NOW - 1_500], NOW)).toBe(0);
    expect(callsPerSecondHeadroom(0.5, [NOW - 2_500], NOW)).toBe(1);
  });

  it('allows nothing without a positive limit', () => {
    expect(callsPerSecondHeadroom(0, [], NOW)).toBe(0);
  });
});
