import { histogramFromSamples } from './duration-histogram.util';
import type { CampaignStatistics, DurationHistogram, PacingSettings, PacingSnapshot } from './pacing.type';

const SECOND = 1_000;

/** Answer times spread evenly over [4 s, 14 s): ten samples in each one-second bucket. */
export const UNIFORM_4_TO_14_S: DurationHistogram = {
  bucketMs: SECOND,
  counts: [0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0],
};

/** Every wrap-up lasted 30 s (spread over [30 s, 31 s) by the bucket). */
export const WRAP_30_S: DurationHistogram = histogramFromSamples([30 * SECOND], SECOND, 60);

/** Talk times spread evenly over [0, 180 s). */
export const TALK_UNIFORM_0_TO_180_S: DurationHistogram = {
  bucketMs: 10 * SECOND,
  counts: new Array<number>(18).fill(1),
};

const SETTINGS: PacingSettings = {
  mode: 'predictive',
  linesPerAgent: 1,
  abandonCap: 0.03,
  maxLinesPerAgent: 10,
  concurrentLineLimit: 100,
  callsPerSecondLimit: 50,
  // The hand-computed examples follow DESIGN.md §4's plain formula; the margin has its own tests.
  answerSpreadMargin: 0,
};

const STATISTICS: CampaignStatistics = {
  completedDials: 500,
  personAnswers: 100,
  answerTime: UNIFORM_4_TO_14_S,
  talkTime: TALK_UNIFORM_0_TO_180_S,
  wrapTime: WRAP_30_S,
  abandon: { abandoned: 0, answered: 100 },
};

/**
 * Builds pacing snapshots for tests at a fixed instant, with durations given as elapsed times:
 * `PacingSnapshotFactory.at(NOW).free(3).inWrap(22_000, 25_000).ringing(0, 9_000).build()`.
 * By default: no agents, p = 0.2 from 100 answers, answer times uniform 4–14 s, 30 s wrap-ups,
 * limits that do not bind, and no answer-spread margin (the plain formula).
 */
export class PacingSnapshotFactory {
  private snapshot: { -readonly [K in keyof PacingSnapshot]: PacingSnapshot[K] };

  private constructor(private readonly now: number) {
    this.snapshot = {
      freeAgents: 0,
      wrapStartedAt: [],
      talkStartedAt: [],
      answeredWaiting: 0,
      dialsInFlightStartedAt: [],
      recentDialsAt: [],
      otherLinesInUse: 0,
      statistics: STATISTICS,
      settings: SETTINGS,
      offset: 0,
    };
  }

  static at(now: number): PacingSnapshotFactory {
    return new PacingSnapshotFactory(now);
  }

  free(agents: number): this {
    this.snapshot.freeAgents = agents;
    return this;
  }

  waiting(calls: number): this {
    this.snapshot.answeredWaiting = calls;
    return this;
  }

  inWrap(...elapsedMs: number[]): this {
    this.snapshot.wrapStartedAt = elapsedMs.map((elapsed) => this.now - elapsed);
    return this;
  }

  talking(...elapsedMs: number[]): this {
    this.snapshot.talkStartedAt = elapsedMs.map((elapsed) => this.now - elapsed);
    return this;
  }

  ringing(...agesMs: number[]): this {
    this.snapshot.dialsInFlightStartedAt = agesMs.map((age) => this.now - age);
    return this;
  }

  dialledAgo(...agesMs: number[]): this {
    this.snapshot.recentDialsAt = agesMs.map((age) => this.now - age);
    return this;
  }

  otherLines(lines: number): this {
    this.snapshot.otherLinesInUse = lines;
    return this;
  }

  offset(offset: number): this {
    this.snapshot.offset = offset;
    return this;
  }

  settings(settings: Partial<PacingSettings>): this {
    this.snapshot.settings = { ...this.snapshot.settings, ...settings };
    return this;
  }

  statistics(statistics: Partial<CampaignStatistics>): this {
    this.snapshot.statistics = { ...this.snapshot.statistics, ...statistics };
    return this;
  }

  build(): PacingSnapshot {
    return { ...this.snapshot };
  }
}
