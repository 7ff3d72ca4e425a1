import { assertNever } from '@recupera/shared';
import { applyLineLimits } from './line-limits.util';
import { PACING_DEFAULTS } from './pacing.constant';
import type { PacingDecision, PacingExplanation, PacingReason, PacingSnapshot } from './pacing.type';
import { answerProbability, predictiveTerms } from './predictive.util';

type Request = Omit<PacingExplanation, 'limitedBy'>;

function simpleRequest(snapshot: PacingSnapshot, reason: PacingReason, requestedDials: number): Request {
  return {
    reason,
    freeAgents: snapshot.freeAgents,
    answeredWaiting: snapshot.answeredWaiting,
    expectedWrapFrees: 0,
    expectedTalkFrees: 0,
    expectedAnswersInFlight: 0,
    sureDials: 0,
    offset: snapshot.offset,
    answerProbability: null,
    requestedDials,
  };
}

/** Keeps `ratio` lines ringing per agent who is free and not already owed a waiting call. */
function progressiveRequest(snapshot: PacingSnapshot, reason: PacingReason, ratio: number): Request {
  const available = Math.max(0, snapshot.freeAgents - snapshot.answeredWaiting);
  const target = Math.floor(ratio * available + 1e-9);
  return simpleRequest(snapshot, reason, Math.max(0, target - snapshot.dialsInFlightStartedAt.length));
}

function predictiveRequest(snapshot: PacingSnapshot, now: number): Request {
  const minSamples = snapshot.settings.minAnsweredSamples ?? PACING_DEFAULTS.minAnsweredSamples;
  if (snapshot.statistics.personAnswers < minSamples) {
    // Until p and the answer times are measured, dialling ahead is a guess; 1:1 cannot abandon.
    return {
      ...progressiveRequest(snapshot, 'ramp-up', 1),
      answerProbability: answerProbability(snapshot.statistics),
    };
  }
  const terms = predictiveTerms(snapshot, now);
  return {
    reason: 'predictive',
    freeAgents: snapshot.freeAgents,
    answeredWaiting: snapshot.answeredWaiting,
    expectedWrapFrees: terms.expectedWrapFrees,
    expectedTalkFrees: terms.expectedTalkFrees,
    expectedAnswersInFlight: terms.expectedAnswersInFlight,
    sureDials: terms.sureDials,
    offset: snapshot.offset,
    answerProbability: terms.answerProbability,
    requestedDials: terms.dials,
  };
}

function requestFor(snapshot: PacingSnapshot, now: number): Request {
  const mode = snapshot.settings.mode;
  switch (mode) {
    case 'predictive':
      return predictiveRequest(snapshot, now);
    case 'progressive':
      return progressiveRequest(snapshot, 'progressive', snapshot.settings.linesPerAgent);
    // Preview and manual calls are placed by the agent, never by the pacer.
    case 'preview':
      return simpleRequest(snapshot, 'preview', 0);
    case 'manual':
      return simpleRequest(snapshot, 'manual', 0);
    default:
      return assertNever(mode);
  }
}

/** How many new dials a campaign should place at `now`, and why. */
export function decideDials(snapshot: PacingSnapshot, now: number): PacingDecision {
  const staffed = snapshot.freeAgents + snapshot.wrapStartedAt.length + snapshot.talkStartedAt.length;
  const request: Request =
    staffed === 0 ? simpleRequest(snapshot, 'no-agents', 0) : requestFor(snapshot, now);
  const { dials, limitedBy } = applyLineLimits(request.requestedDials, snapshot, now);
  return { dials, explanation: { ...request, limitedBy } };
}
