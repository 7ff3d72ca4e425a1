import type { DurationHistogram } from './pacing.type';

interface Cumulative {
  /** below[i] = samples in buckets before i. */
  readonly below: Float64Array;
  readonly total: number;
}

// Pacing asks for many survival values per decision against the same histogram; the cumulative
// sums depend only on the (immutable) counts array, so they are computed once per histogram.
const cumulativeCache = new WeakMap<readonly number[], Cumulative>();

function cumulativeOf(histogram: DurationHistogram): Cumulative {
  const cached = cumulativeCache.get(histogram.counts);
  if (cached) return cached;
  const counts = histogram.counts;
  const below = new Float64Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) below[i + 1] = below[i] + counts[i];
  const cumulative = { below, total: below[counts.length] };
  cumulativeCache.set(histogram.counts, cumulative);
  return cumulative;
}

/** Builds a histogram of `bucketCount` buckets; longer samples land in the last bucket. */
export function histogramFromSamples(
  samplesMs: readonly number[],
  bucketMs: number,
  bucketCount: number,
): DurationHistogram {
  const counts = new Array<number>(bucketCount).fill(0);
  for (const sample of samplesMs) counts[bucketIndex(sample, bucketMs, bucketCount)]++;
  return { bucketMs, counts };
}

export function bucketIndex(sampleMs: number, bucketMs: number, bucketCount: number): number {
  return Math.min(bucketCount - 1, Math.max(0, Math.floor(sampleMs / bucketMs)));
}

/** The start of the first bucket holding a sample: no duration measured was shorter. 0 when empty. */
export function earliestAt(histogram: DurationHistogram): number {
  const index = histogram.counts.findIndex((count) => count > 0);
  return index < 0 ? 0 : index * histogram.bucketMs;
}

export function sampleCount(histogram: DurationHistogram): number {
  return cumulativeOf(histogram).total;
}

/**
 * P(X ≤ t). Samples are taken as spread evenly inside their bucket, so the CDF is piecewise
 * linear rather than a staircase: a one-second bucket should not make an agent jump from
 * "surely busy" to "surely free" at a bucket edge.
 */
export function cdfAt(histogram: DurationHistogram, tMs: number): number {
  const { below, total } = cumulativeOf(histogram);
  if (total === 0 || tMs <= 0) return 0;
  const buckets = histogram.counts.length;
  const position = tMs / histogram.bucketMs;
  if (position >= buckets) return 1;
  const i = Math.floor(position);
  return (below[i] + histogram.counts[i] * (position - i)) / total;
}

/** S(t) = P(X > t); 1 for an empty histogram (nothing has been seen to finish). */
export function survivalAt(histogram: DurationHistogram, tMs: number): number {
  if (sampleCount(histogram) === 0) return 1;
  return 1 - cdfAt(histogram, tMs);
}

/**
 * P(X ≤ elapsed + within | X > elapsed): the chance something already running for `elapsedMs`
 * finishes within the next `withinMs`.
 */
export function conditionalCompletion(
  histogram: DurationHistogram,
  elapsedMs: number,
  withinMs: number,
): number {
  if (sampleCount(histogram) === 0) return 0;
  const alive = survivalAt(histogram, elapsedMs);
  // Past every duration ever observed there is no evidence of when it ends (an agent on an
  // unlogged break, a call that went long); counting such an agent as about to free would spend
  // the abandon budget on a guess, so it does not count.
  if (alive <= 0) return 0;
  return Math.min(1, Math.max(0, (alive - survivalAt(histogram, elapsedMs + withinMs)) / alive));
}

interface WrapSlice {
  readonly probability: number;
  readonly wrapMs: number;
}

// Keyed by the wrap counts, then by the horizon: the short wrap-ups are the same for every
// talking agent in a decision, and for most decisions (wrap-ups rarely change).
const shortWrapCache = new WeakMap<readonly number[], Map<number, readonly WrapSlice[]>>();

/** The wrap-time mass below `withinMs`, as slices taken at their middle. */
function shortWraps(wrap: DurationHistogram, withinMs: number): readonly WrapSlice[] {
  let byHorizon = shortWrapCache.get(wrap.counts);
  if (!byHorizon) {
    byHorizon = new Map();
    shortWrapCache.set(wrap.counts, byHorizon);
  }
  const cached = byHorizon.get(withinMs);
  if (cached) return cached;
  const total = sampleCount(wrap);
  const slices: WrapSlice[] = [];
  const lastBucket = Math.min(wrap.counts.length, Math.ceil(withinMs / wrap.bucketMs));
  for (let j = 0; j < lastBucket && total > 0; j++) {
    const start = j * wrap.bucketMs;
    const end = Math.min(withinMs, start + wrap.bucketMs);
    if (wrap.counts[j] === 0 || end <= start) continue;
    slices.push({
      probability: (wrap.counts[j] * (end - start)) / wrap.bucketMs / total,
      wrapMs: (start + end) / 2,
    });
  }
  byHorizon.set(withinMs, slices);
  return slices;
}

/**
 * P(remaining talk + wrap ≤ within | talk has lasted elapsed): a talking agent frees only after
 * the call and then the wrap-up, so only wrap-ups shorter than the horizon leave room for the
 * call to end inside it; their mass is convolved with the conditional talk-time distribution.
 */
export function talkThenWrapCompletion(
  talk: DurationHistogram,
  wrap: DurationHistogram,
  elapsedTalkMs: number,
  withinMs: number,
): number {
  const slices = shortWraps(wrap, withinMs);
  if (slices.length === 0 || sampleCount(talk) === 0) return 0;
  const alive = survivalAt(talk, elapsedTalkMs);
  if (alive <= 0) return 0;
  let probability = 0;
  for (const slice of slices) {
    const talkEnds = alive - survivalAt(talk, elapsedTalkMs + withinMs - slice.wrapMs);
    probability += (slice.probability * talkEnds) / alive;
  }
  return Math.min(1, Math.max(0, probability));
}
