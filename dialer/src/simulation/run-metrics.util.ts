/**
 * Figures computed over per-second counts of a simulated run. Counting per second keeps the
 * memory flat (8 hours are 28,800 slots) and makes "any hour" and "any second" exact to a second.
 */

/** One slot per second of a run lasting `durationMs` (a partial last second gets its own slot). */
export function perSecondSlots(durationMs: number): Int32Array {
  return new Int32Array(Math.max(1, Math.ceil(durationMs / 1_000)));
}

export function slotAt(slots: Int32Array, atMs: number): number {
  return Math.min(slots.length - 1, Math.max(0, Math.floor(atMs / 1_000)));
}

/**
 * The highest Σhits ÷ Σtotals over any `windowSeconds` consecutive slots (the whole series when it
 * is shorter); windows without any total are skipped, so an idle stretch is not a 0 % hour.
 */
export function worstWindowRate(hits: Int32Array, totals: Int32Array, windowSeconds: number): number {
  const window = Math.min(windowSeconds, totals.length);
  let hitSum = 0;
  let totalSum = 0;
  let worst = 0;
  for (let i = 0; i < totals.length; i++) {
    hitSum += hits[i];
    totalSum += totals[i];
    if (i >= window) {
      hitSum -= hits[i - window];
      totalSum -= totals[i - window];
    }
    if (i >= window - 1 && totalSum > 0) worst = Math.max(worst, hitSum / totalSum);
  }
  return worst;
}

export interface PerSecondSummary {
  readonly mean: number;
  /** Nearest-rank 99th percentile over every slot. */
  readonly p99: number;
  /** The busiest slot after the first `warmUpSlots`. */
  readonly peak: number;
  /** The busiest of the first `warmUpSlots`. */
  readonly warmUpPeak: number;
}

export function summarizePerSecond(counts: Int32Array, warmUpSlots = 0): PerSecondSummary {
  const sorted = Int32Array.from(counts).sort();
  let total = 0;
  let peak = 0;
  let warmUpPeak = 0;
  counts.forEach((count, slot) => {
    total += count;
    if (slot < warmUpSlots) warmUpPeak = Math.max(warmUpPeak, count);
    else peak = Math.max(peak, count);
  });
  const rank = Math.max(0, Math.ceil(0.99 * sorted.length) - 1);
  return { mean: total / counts.length, p99: sorted[rank], peak, warmUpPeak };
}
