import { RollingHistogram, RollingRate } from './rolling-statistics.util';

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
