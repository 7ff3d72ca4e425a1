import {
  conditionalCompletion,
  earliestAt,
  survivalAt,
  talkThenWrapCompletion,
} from './duration-histogram.util';
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
  /** Dials that cannot be abandoned (see `sureDials`). */
  readonly sureDials: number;
  /**
   * The most n with n·p + z·√(Σ_in-flight q(1 − q) + n·p(1 − p)) ≤ uncovered (⌊uncovered / p⌋
   * when z = 0), or the sure dials when more; at least 0.
   */
  readonly dials: number;
}

/**
 * The most new dials whose expected answers, plus `margin` standard deviations of all the answers
 * still to come (lines in flight and the new dials), fit in the uncovered agents. The plain rule
 * (margin 0) spends the same c whether two lines or twenty are ringing; twenty can bring four
 * answers more than expected at once, which on a 10-agent floor is most of an hour's abandons.
 * Solved in closed form: with y = √(V + n·p(1 − p)), y² + z(1 − p)·y ≤ U(1 − p) + V.
 */
export function dialsWithinMargin(
  uncovered: number,
  p: number,
  varianceInFlight: number,
  margin: number,
): number {
  if (!(p > 0)) return 0;
  // A tiny epsilon keeps ⌊2.9999999 / 1⌋ from losing a dial to floating-point sums.
  if (margin <= 0 || p >= 1) return Math.max(0, Math.floor(uncovered / p + 1e-9));
  const q = 1 - p;
  const bound = uncovered * q + varianceInFlight;
  const y = (-margin * q + Math.sqrt(margin * margin * q * q + 4 * bound)) / 2;
  if (!(y > 0)) return 0;
  return Math.max(0, Math.floor((y * y - varianceInFlight) / (p * q) + 1e-9));
}

/**
 * Dials that no person can be abandoned on: agents free now or sure to be free before any answer
 * could miss them (remaining wrap-up ≤ the shortest answer time measured + the 2 s grace), minus
 * waiting calls and every line that may still reach a person. Each of these lines has an agent
 * even if every line in flight is answered, so they cost no abandon whatever c says. On a small
 * floor the offset c (in agents) otherwise leaves a lone free agent waiting for others to free;
 * with a fixed wrap-up (or an agent's "ready in N seconds") the last seconds of wrap count too.
 */
export function sureDials(snapshot: PacingSnapshot, now: number): number {
  const { statistics } = snapshot;
  const reachMs =
    earliestAt(statistics.answerTime) + (snapshot.settings.abandonAfterMs ?? PACING_DEFAULTS.abandonAfterMs);
  let sureAgents = snapshot.freeAgents - snapshot.answeredWaiting;
  for (const startedAt of snapshot.wrapStartedAt) {
    // 1 − ε: the histogram's sums need not land exactly on 1.
    if (conditionalCompletion(statistics.wrapTime, now - startedAt, reachMs) >= 1 - 1e-9) sureAgents++;
  }
  let liveLines = 0;
  for (const startedAt of snapshot.dialsInFlightStartedAt) {
    // A line ringing past every answer time measured will not reach a person.
    if (survivalAt(statistics.answerTime, now - startedAt) > 0) liveLines++;
  }
  return Math.max(0, sureAgents - liveLines);
}

/**
 * DESIGN.md §4's rule: launch ⌊(F − Q + Σ_wrap P(rem ≤ τ) + Σ_talk P(rem talk + wrap ≤ τ) + c
 * − Σ_in-flight q(age)) / p⌋. The wrap term is a probability rather than 1[remaining ≤ τ] because
 * wrap-ups vary; with a fixed wrap time it is the indicator. Never fewer than the sure dials.
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
  let answerVarianceInFlight = 0;
  for (const startedAt of snapshot.dialsInFlightStartedAt) {
    const q = inFlightAnswerProbability(p, statistics.answerTime, now - startedAt);
    expectedAnswersInFlight += q;
    answerVarianceInFlight += q * (1 - q);
  }

  const uncoveredAgents =
    snapshot.freeAgents -
    snapshot.answeredWaiting +
    expectedWrapFrees +
    expectedTalkFrees +
    snapshot.offset -
    expectedAnswersInFlight;
  const margin = snapshot.settings.answerSpreadMargin ?? PACING_DEFAULTS.answerSpreadMargin;
  const formulaDials = dialsWithinMargin(uncoveredAgents, p, answerVarianceInFlight, margin);
  const sure = sureDials(snapshot, now);
  return {
    answerProbability: p,
    expectedWrapFrees,
    expectedTalkFrees,
    expectedAnswersInFlight,
    uncoveredAgents,
    sureDials: sure,
    dials: Math.max(formulaDials, sure),
  };
}
