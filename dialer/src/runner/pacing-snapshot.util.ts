import { histogramFromSamples } from '../pacing/duration-histogram.util';
import { PACING_DEFAULTS } from '../pacing/pacing.constant';
import type { PacingSettings, PacingSnapshot } from '../pacing/pacing.type';
import type { CampaignMeasurements } from '../live/campaign-live.store';
import type { TeamFloor } from '../live/agent-pool.store';

export interface LiveLines {
  inFlightStartedAt: number[];
  waiting: number;
  campaignLines: number;
  carrierLines: number;
  recentDialsAt: number[];
}

/** Bucket sizes and ranges as the virtual-time simulator keeps them, so live and bench pace alike. */
const ANSWER_BUCKETS = { bucketMs: 250, buckets: 240 };
const TALK_BUCKETS = { bucketMs: 1_000, buckets: 3_600 };
const WRAP_BUCKETS = { bucketMs: 500, buckets: 1_200 };

/**
 * The live floor in the shape `decideDials` reads, from what Redis holds. An agent in wrap-up who
 * said they will be ready within the pacer's horizon counts as wrapping up since long ago, so the
 * wrap-time distribution gives them as good as free.
 */
export function buildPacingSnapshot(
  floor: TeamFloor,
  lines: LiveLines,
  measured: CampaignMeasurements,
  settings: PacingSettings,
  offset: number,
  now: number,
): PacingSnapshot {
  const horizon = settings.horizonMs ?? PACING_DEFAULTS.horizonMs;
  const soonReady = floor.readyAt.filter((at) => at - now <= horizon).length;
  const wrapStartedAt = [...floor.wrapStartedAt];
  wrapStartedAt.sort((a, b) => a - b);
  for (let i = 0; i < soonReady && i < wrapStartedAt.length; i++) wrapStartedAt[i] = 0;
  return {
    freeAgents: floor.free,
    wrapStartedAt,
    talkStartedAt: floor.talkStartedAt,
    answeredWaiting: lines.waiting,
    dialsInFlightStartedAt: lines.inFlightStartedAt,
    recentDialsAt: lines.recentDialsAt,
    otherLinesInUse: Math.max(0, lines.carrierLines - lines.campaignLines),
    statistics: {
      completedDials: measured.outcomes.length,
      personAnswers: measured.outcomes.filter(Boolean).length,
      answerTime: histogramFromSamples(measured.answerMs, ANSWER_BUCKETS.bucketMs, ANSWER_BUCKETS.buckets),
      talkTime: histogramFromSamples(measured.talkMs, TALK_BUCKETS.bucketMs, TALK_BUCKETS.buckets),
      wrapTime: histogramFromSamples(measured.wrapMs, WRAP_BUCKETS.bucketMs, WRAP_BUCKETS.buckets),
      abandon: { abandoned: measured.abandons.filter(Boolean).length, answered: measured.abandons.length },
    },
    settings,
    offset,
  };
}
