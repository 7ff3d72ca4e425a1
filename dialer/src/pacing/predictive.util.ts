import { conditionalCompletion, survivalAt, talkThenWrapCompletion } from './duration-histogram.util';
import { PACING_DEFAULTS } from './pacing.constant';
import type { CampaignStatistics, DurationHistogram, PacingSnapshot } from './pacing.type';

/** p: the measured chance that a dial reaches a person. */
export function answerProbability(statistics: CampaignStatistics): number {
  if (statistics.completedDials <= 0) return 0;
  return Math.min(1, statistics.personAnswers / statistics.completedDials);
}

/**
 * q(age) = p·S_A(age) ÷ (p·S_A(age) + 1 − p): Bayes' rule for a dial still ringing after `age`.
 * Only person answers leave the ringing state early, so the longer it rings the less likely a
 * person is behind it.
 */
export function inFlightAnswerProbability(p: number, answerTime: DurationHistogram, ageMs: number): number {
  const stillPossible = p * survivalAt(answerTime, ageMs);
  const denominator = stillPossible + 1 - p;
  return denominator <= 0 ? 0 : stillPossible / denominator;
}

export interface PredictiveTerms {
  readonly answerProbability: number;
  readonly expectedWrapFrees: number;
  readonly expectedTalkFrees: number;
  readonly expectedAnswersInFlight: number;
  /** F − Q + wrap frees + talk frees + c − answers in flight: agents still uncovered. */
  readonly uncoveredAgents: number;
  /** ⌊uncovered / p⌋, at least 0. */
  readonly dials: number;
}

/**
 * DESIGN.md §4's rule: launch ⌊(F − Q + Σ_wrap P(rem ≤ τ) + Σ_talk P(rem talk + wrap ≤ τ) + c
 * − Σ_in-flight q(age)) / p⌋. The wrap term is a probability rather than 1[remaining ≤ τ] because
 * wrap-ups vary; with a fixed wrap time it is the indicator.
 */
export function predictiveTerms(snapshot: PacingSnapshot, now: number): PredictiveTerms {
  const { statistics } = snapshot;
  const horizonMs = snapshot.settings.horizonMs ?? PACING_DEFAULTS.horizonMs;
  const p = answerProbability(statistics);

  let expectedWrapFrees = 0;
  for (const startedAt of snapshot.wrapStartedAt) {
    expectedWrapFrees += conditionalCompletion(statistics.wrapTime, now - startedAt, horizonMs);
  }
  let expectedTalkFrees = 0;
  for (const startedAt of snapshot.talkStartedAt) {
    expectedTalkFrees += talkThenWrapCompletion(
      statistics.talkTime,
      statistics.wrapTime,
      now - startedAt,
      horizonMs,
    );
  }
  let expectedAnswersInFlight = 0;
  for (const startedAt of snapshot.dialsInFlightStartedAt) {
    expectedAnswersInFlight += inFlightAnswerProbability(p, statistics.answerTime, now - startedAt);
  }

  const uncoveredAgents =
    snapshot.freeAgents -
    snapshot.answeredWaiting +
    expectedWrapFrees +
    expectedTalkFrees +
    snapshot.offset -
    expectedAnswersInFlight;
  // A tiny epsilon keeps ⌊2.9999999 / 1⌋ from losing a dial to floating-point sums.
  const dials = p > 0 ? Math.max(0, Math.floor(uncoveredAgents / p + 1e-9)) : 0;
  return {
    answerProbability: p,
    expectedWrapFrees,
    expectedTalkFrees,
    expectedAnswersInFlight,
    uncoveredAgents,
    dials,
  };
}
