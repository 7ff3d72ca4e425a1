import {
  cdfAt,
  conditionalCompletion,
  earliestAt,
  histogramFromSamples,
  sampleCount,
  survivalAt,
  talkThenWrapCompletion,
} from './duration-histogram.util';
import type { DurationHistogram } from './pacing.type';
import { TALK_UNIFORM_0_TO_180_S, UNIFORM_4_TO_14_S, WRAP_30_S } from './pacing-snapshot.factory';

const EMPTY: DurationHistogram = { bucketMs: 1_000, counts: [0, 0, 0] };
/** Every wrap-up fell in [4 s, 5 s). */
const WRAP_4_S: DurationHistogram = histogramFromSamples([4_200, 4_800], 1_000, 60);

describe('duration histograms', () => {
  it('counts samples past the last bucket in the last bucket', () => {
    const histogram = histogramFromSamples([500, 1_500, 99_000], 1_000, 3);
    expect(histogram.counts).toEqual([1, 1, 1]);
    expect(sampleCount(histogram)).toBe(3);
  });

  it('finds the start of the first bucket with a sample', () => {
    expect(earliestAt(UNIFORM_4_TO_14_S)).toBe(4_000);
    expect(earliestAt(EMPTY)).toBe(0);
  });

  it('spreads samples evenly inside their bucket', () => {
    // Uniform over [4 s, 14 s): P(A ≤ 9 s) = 5/10, P(A ≤ 4.5 s) = 0.5/10.
    expect(cdfAt(UNIFORM_4_TO_14_S, 9_000)).toBeCloseTo(0.5);
    expect(cdfAt(UNIFORM_4_TO_14_S, 4_500)).toBeCloseTo(0.05);
    expect(survivalAt(UNIFORM_4_TO_14_S, 0)).toBe(1);
    expect(survivalAt(UNIFORM_4_TO_14_S, 14_000)).toBe(0);
  });

  it('takes nothing as finished when nothing has been measured', () => {
    expect(survivalAt(EMPTY, 5_000)).toBe(1);
    expect(conditionalCompletion(EMPTY, 5_000, 10_000)).toBe(0);
    expect(talkThenWrapCompletion(TALK_UNIFORM_0_TO_180_S, EMPTY, 60_000, 10_000)).toBe(0);
  });

  it('conditions the chance of finishing on the time already elapsed', () => {
    // 30 s wrap-ups (spread over [30, 31) s), horizon 10 s:
    // elapsed 25 s → remaining ≤ 6 s → 1; elapsed 15 s → remaining ≥ 15 s → 0;
    // elapsed 20.5 s → finishes by 30.5 s with (S(20.5) − S(30.5)) / S(20.5) = (1 − 0.5) / 1.
    expect(conditionalCompletion(WRAP_30_S, 25_000, 10_000)).toBe(1);
    expect(conditionalCompletion(WRAP_30_S, 15_000, 10_000)).toBe(0);
    expect(conditionalCompletion(WRAP_30_S, 20_500, 10_000)).toBeCloseTo(0.5);
    // Talk uniform on [0, 180) s, 120 s elapsed: remaining uniform on (0, 60] → P(≤ 10 s) = 1/6.
    expect(conditionalCompletion(TALK_UNIFORM_0_TO_180_S, 120_000, 10_000)).toBeCloseTo(1 / 6);
  });

  it('does not count on an agent who has outlasted every duration measured', () => {
    expect(conditionalCompletion(WRAP_30_S, 45_000, 10_000)).toBe(0);
  });

  it('needs both the call and a short wrap-up to end within the horizon for a talking agent', () => {
    // Talk uniform on [0, 180) s, 120 s elapsed, wrap-up ≈ 4.5 s, horizon 10 s:
    // the call must end within 10 − 4.5 = 5.5 s of a remaining uniform on (0, 60] → 5.5 / 60.
    expect(talkThenWrapCompletion(TALK_UNIFORM_0_TO_180_S, WRAP_4_S, 120_000, 10_000)).toBeCloseTo(5.5 / 60);
    // A 30 s wrap-up cannot end within 10 s whatever the call does.
    expect(talkThenWrapCompletion(TALK_UNIFORM_0_TO_180_S, WRAP_30_S, 175_000, 10_000)).toBe(0);
  });
});
