import { bucketIndex } from './duration-histogram.util';
import type { DurationHistogram } from './pacing.type';

/**
 * The last `capacity` duration samples as a histogram. Old samples drop out so the pacer follows
 * a campaign whose talk times drift (a new script, a different portfolio).
 */
export class RollingHistogram {
  private readonly samples: number[] = [];
  private next = 0;
  private readonly counts: number[];
  private snapshot: DurationHistogram | null = null;

  constructor(
    private readonly bucketMs: number,
    private readonly bucketCount: number,
    private readonly capacity: number,
  ) {
    this.counts = new Array<number>(bucketCount).fill(0);
  }

  add(sampleMs: number): void {
    const bucket = bucketIndex(sampleMs, this.bucketMs, this.bucketCount);
    if (this.samples.length < this.capacity) {
      this.samples.push(bucket);
    } else {
      this.counts[this.samples[this.next]]--;
      this.samples[this.next] = bucket;
      this.next = (this.next + 1) % this.capacity;
    }
    this.counts[bucket]++;
    this.snapshot = null;
  }

  get size(): number {
    return this.samples.length;
  }

  /** An immutable copy, reused until the next sample so pacing can cache its cumulative sums. */
  toHistogram(): DurationHistogram {
    this.snapshot ??= Object.freeze({ bucketMs: this.bucketMs, counts: Object.freeze([...this.counts]) });
    return this.snapshot;
  }
}

/** The share of true outcomes among the last `capacity` (answered by a person, abandoned…). */
export class RollingRate {
  private readonly outcomes: boolean[] = [];
  private next = 0;
  private hits = 0;

  constructor(private readonly capacity: number) {}

  add(hit: boolean): void {
    if (this.outcomes.length < this.capacity) {
      this.outcomes.push(hit);
    } else {
      if (this.outcomes[this.next]) this.hits--;
      this.outcomes[this.next] = hit;
      this.next = (this.next + 1) % this.capacity;
    }
    if (hit) this.hits++;
  }

  get total(): number {
    return this.outcomes.length;
  }

  get count(): number {
    return this.hits;
  }
}

/**
 * The share of true outcomes over the last `windowMs` of time (abandons in the last hour…), for
 * limits stated over a time window rather than a number of calls.
 */
export class TimeWindowRate {
  private readonly at: number[] = [];
  private readonly outcome: boolean[] = [];
  private head = 0;
  private hits = 0;

  constructor(private readonly windowMs: number) {}

  /** Outcomes must be added in time order. */
  add(atMs: number, hit: boolean): void {
    this.at.push(atMs);
    this.outcome.push(hit);
    if (hit) this.hits++;
  }

  /** Hits and total over (now − window, now]. */
  measure(now: number): { count: number; total: number } {
    while (this.head < this.at.length && this.at[this.head] <= now - this.windowMs) {
      if (this.outcome[this.head]) this.hits--;
      this.head++;
    }
    // Drop the expired prefix now and then, so a long run keeps only about a window of outcomes.
    if (this.head > 4_096 && this.head * 2 > this.at.length) {
      this.at.splice(0, this.head);
      this.outcome.splice(0, this.head);
      this.head = 0;
    }
    return { count: this.hits, total: this.at.length - this.head };
  }
}
