import type { CarrierName } from '../domain/enums.constant';

/** The pacer's reasoning as the supervisor's floor shows it (dialer/src/pacing PacingExplanation). */
export interface PacingExplanationView {
  reason: string;
  freeAgents: number;
  answeredWaiting: number;
  expectedWrapFrees: number;
  expectedTalkFrees: number;
  expectedAnswersInFlight: number;
  offset: number;
  answerProbability: number | null;
  requestedDials: number;
  limitedBy: string | null;
}

/** GET /campaigns/:id/live — the running campaign as the dialer measures it right now. */
export interface CampaignLiveResponse {
  campaignId: string;
  carrier: CarrierName;
  hopperSize: number;
  linesInFlight: number;
  answeredWaiting: number;
  /** Agents of the campaign's teams who are free, talking and wrapping up. */
  agents: { available: number; onCall: number; wrapUp: number };
  /** Over the dialer's rolling window of recent dials. */
  answerRate: number | null;
  /** Person-answered calls not bridged within 2 s, over the rolling window. */
  abandonRate: number | null;
  abandonCapBp: number;
  offset: number;
  lastDecision: PacingExplanationView | null;
}
