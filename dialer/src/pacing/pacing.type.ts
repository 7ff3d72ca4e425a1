import type { DialMode } from '@recupera/shared';

/**
 * An empirical duration distribution as a histogram: `counts[i]` samples fell in
 * [i·bucketMs, (i+1)·bucketMs). Samples past the last bucket are counted in the last one, so
 * the histogram's range should cover the longest plausible duration.
 */
export interface DurationHistogram {
  readonly bucketMs: number;
  readonly counts: readonly number[];
}

/** Abandons counted over the campaign's rolling window (answered = answered by a person). */
export interface AbandonMeasurement {
  readonly abandoned: number;
  readonly answered: number;
}

/** What the campaign has measured so far; every figure comes from its own recent calls. */
export interface CampaignStatistics {
  /** Dials with a known outcome in the measuring window. */
  readonly completedDials: number;
  /** Of those, dials answered by a person: p = personAnswers / completedDials. */
  readonly personAnswers: number;
  /** Time from dialling to a person answering (A in DESIGN.md §4). */
  readonly answerTime: DurationHistogram;
  readonly talkTime: DurationHistogram;
  readonly wrapTime: DurationHistogram;
  readonly abandon: AbandonMeasurement;
}

export interface PacingSettings {
  readonly mode: DialMode;
  /** Progressive ratio: lines kept ringing per free agent. */
  readonly linesPerAgent: number;
  /** Highest acceptable abandon rate, e.g. 0.03; the abandon controller holds the offset under it. */
  readonly abandonCap: number;
  /** Ceiling on dials in flight per staffed agent, whatever the formula says. */
  readonly maxLinesPerAgent: number;
  /** The carrier account's concurrent-call limit (ringing and connected calls alike). */
  readonly concurrentLineLimit: number;
  /** The carrier account's calls-per-second limit (Twilio's default is 1). */
  readonly callsPerSecondLimit: number;
  /** τ: how far ahead an agent counts as about to free. Default PACING_DEFAULTS.horizonMs. */
  readonly horizonMs?: number;
  /** Person-answered calls needed before the measured p and A are trusted. */
  readonly minAnsweredSamples?: number;
  /**
   * z: standard deviations of the answers still to come kept in hand besides c (0 is DESIGN.md
   * §4's plain rule). Default PACING_DEFAULTS.answerSpreadMargin.
   */
  readonly answerSpreadMargin?: number;
  /** How long an answered person may wait for an agent. Default PACING_DEFAULTS.abandonAfterMs. */
  readonly abandonAfterMs?: number;
}

/**
 * A campaign's floor at one instant. Durations are given as start instants (epoch ms) so the
 * same snapshot can be judged against any injected `now`.
 */
export interface PacingSnapshot {
  readonly freeAgents: number;
  /** When each agent in wrap-up started it. */
  readonly wrapStartedAt: readonly number[];
  /** When each talking agent's call was bridged. */
  readonly talkStartedAt: readonly number[];
  /** Calls answered by a person still waiting for an agent (Q). */
  readonly answeredWaiting: number;
  /** When each dial still ringing was placed. */
  readonly dialsInFlightStartedAt: readonly number[];
  /** When recent dials on the same carrier account were placed (any campaign), for the CPS limit. */
  readonly recentDialsAt: readonly number[];
  /** Lines of the same carrier account used outside this campaign (other campaigns, manual calls). */
  readonly otherLinesInUse: number;
  readonly statistics: CampaignStatistics;
  readonly settings: PacingSettings;
  /** c, the offset the abandon controller moves (in agents). */
  readonly offset: number;
}

export type PacingReason = 'predictive' | 'ramp-up' | 'progressive' | 'preview' | 'manual' | 'no-agents';

export type PacingLimit = 'lines-per-agent' | 'concurrent-lines' | 'calls-per-second';

/** The figures behind a decision, shown on the supervisor's floor. */
export interface PacingExplanation {
  readonly reason: PacingReason;
  readonly freeAgents: number;
  readonly answeredWaiting: number;
  /** Σ_wrap P(remaining wrap ≤ τ). */
  readonly expectedWrapFrees: number;
  /** Σ_talk P(remaining talk + wrap ≤ τ). */
  readonly expectedTalkFrees: number;
  /** Σ_in-flight q(age): dials still ringing that are expected to reach a person. */
  readonly expectedAnswersInFlight: number;
  /** Dials that cannot be abandoned: an agent is sure to be free for each even if all are answered. */
  readonly sureDials: number;
  readonly offset: number;
  /** p as used (measured, or null when the mode does not need it). */
  readonly answerProbability: number | null;
  /** Dials the mode's rule asked for, before the limits. */
  readonly requestedDials: number;
  /** The limit that cut the request, if any. */
  readonly limitedBy: PacingLimit | null;
}

export interface PacingDecision {
  /** New dials to place now (integer ≥ 0). */
  readonly dials: number;
  readonly explanation: PacingExplanation;
}
