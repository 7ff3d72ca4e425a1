import { RollingHistogram, RollingRate, TimeWindowRate } from './rolling-statistics.util';

describe(RollingHistogram.name, () => {
  it('forgets the oldest samples beyond its capacity', () => {
    const window = new RollingHistogram(1_000, 6, 3);
    [1_000, 2_000, 3_000, 4_000].forEach((sample) => window.add(sample));
    expect(window.size).toBe(3);
    expect(window.toHistogram().counts).toEqual([0, 0, 1, 1, 1, 0]);
  });

  it('hands out the same immutable histogram until a new sample arrives', () => {
    const window = new RollingHistogram(1_000, 3, 10);
    window.add(500);
    const before = window.toHistogram();
    expect(window.toHistogram()).toBe(before);
    window.add(1_500);
    expect(before.counts).toEqual([1, 0, 0]);
    expect(window.toHistogram().counts).toEqual([1, 1, 0]);
  });
});

describe(RollingRate.name, () => {
  it('counts hits among the last outcomes only', () => {
    const rate = new RollingRate(3);
    [true, true, false, false].forEach((hit) => rate.add(hit));
    expect({ count: rate.count, total: rate.total }).toEqual({ count: 1, total: 3 });
  });
});

describe(TimeWindowRate.name, () => {
  it('counts hits over the last window of time only', () => {
    const rate = new TimeWindowRate(60_000);
    rate.add(0, true);
    rate.add(30_000, false);
    rate.add(59_000, true);
    expect(rate.measure(59_000)).toEqual({ count: 2, total: 3 });
    // At 60 s the outcome at 0 is a full window old and drops out.
    expect(rate.measure(60_000)).toEqual({ count: 1, total: 2 });
    expect(rate.measure(200_000)).toEqual({ count: 0, total: 0 });
  });

  it('keeps counting right across the clean-up of old outcomes', () => {
    const rate = new TimeWindowRate(1_000);
    for (let at = 0; at < 20_000; at++) {
      rate.add(at, at % 4 === 0);
      // Every window of 1,000 ms holds 1,000 outcomes, a quarter of them hits.
      if (at % 1_000 === 999) expect(rate.measure(at)).toEqual({ count: 250, total: 1_000 });
    }
  });
});
