import { perSecondSlots, slotAt, summarizePerSecond, worstWindowRate } from './run-metrics.util';

describe(worstWindowRate.name, () => {
  it('finds the window with the highest share of hits', () => {
    // Three 2-second windows: 1/4, 2/4 (seconds 1–2), 1/3.
    const hits = Int32Array.from([0, 1, 1, 0]);
    const totals = Int32Array.from([2, 2, 2, 1]);
    expect(worstWindowRate(hits, totals, 2)).toBeCloseTo(0.5);
  });

  it('takes the whole series when it is shorter than a window, and skips empty windows', () => {
    expect(worstWindowRate(Int32Array.from([1, 0]), Int32Array.from([3, 1]), 3_600)).toBeCloseTo(0.25);
    expect(worstWindowRate(Int32Array.from([0, 0, 0]), Int32Array.from([0, 0, 0]), 2)).toBe(0);
  });
});

describe(summarizePerSecond.name, () => {
  it('gives the mean, the 99th percentile and the busiest second apart from the warm-up', () => {
    const counts = perSecondSlots(100_000);
    counts[slotAt(counts, 500)] = 40; // a start-up burst
    for (let second = 5; second < 100; second++) counts[second] = 1;
    counts[50] = 9;
    counts[80] = 7;
    // Sorted: 4 zeros, 93 ones, 7, 9, 40 → the 99th of 100 (nearest rank) is 9.
    expect(summarizePerSecond(counts, 5)).toEqual({
      mean: (40 + 93 + 7 + 9) / 100,
      p99: 9,
      peak: 9,
      warmUpPeak: 40,
    });
  });

  it('keeps a partial last second and instants past the end in the last slot', () => {
    const counts = perSecondSlots(2_500);
    expect(counts.length).toBe(3);
    expect(slotAt(counts, 9_999)).toBe(2);
  });
});
