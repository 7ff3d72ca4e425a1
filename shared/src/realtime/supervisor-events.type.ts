import type { AgreementResponse } from '../contracts/agreements.type';
import type { PacingExplanationView } from '../contracts/dialer.type';
import type { CallOutcome } from '../domain/enums.constant';
import type { FloorSnapshot } from '../contracts/floor.type';
import type { PromiseEventPayloads } from './promise-events.type';
import type {
  Ack,
  AgentStateView,
  BreakReason,
  CallRef,
  CallView,
  RequestableAgentState,
} from './agent-events.type';

export const SUPERVISOR_NAMESPACE = '/supervisor';

/** The stages of one dialer call, in order; every change is stored on the interaction and published. */
export const CALL_STAGES = [
  'queued',
  'dialing',
  'ringing',
  'answered',
  'waiting',
  'connected',
  'ended',
] as const;
export type CallStage = (typeof CALL_STAGES)[number];

export interface CallProgress {
  callId: string;
  campaignId: string;
  accountId: string;
  stage: CallStage;
  /** Known once the carrier says how the call went. */
  outcome: CallOutcome | null;
  agentId: string | null;
  at: string;
}

export interface CampaignPaced {
  campaignId: string;
  at: string;
  dials: number;
  linesInFlight: number;
  hopperSize: number;
  explanation: PacingExplanationView;
}

export interface SupervisorServerToClientEvents {
  'call.progressed': (progress: CallProgress) => void;
  'campaign.paced': (paced: CampaignPaced) => void;
  'agent.state-changed': (state: AgentStateView) => void;
  /** A waiver beyond the agent's limit: the team's supervisor approves or rejects it. */
  'agreement.approval-requested': (agreement: AgreementResponse) => void;
  /** The daily check broke an agreement of the team: the account is back in the hoppers. */
  'agreement.broken': (notice: PromiseEventPayloads['agreement.broken']) => void;
  /** An agent's wrap-up outlasted the campaign's limit (campaigns set to alert). */
  'agent.wrap-up-overdue': (overdue: WrapUpOverdue) => void;
  /** An agent asks a supervisor of their team to take the call. */
  'call.transfer-requested': (request: TransferRequested) => void;
  /** The call a supervisor took ended. */
  'call.transfer-ended': (ended: CallRef) => void;
  /** The whole floor, on connecting and every couple of seconds (the day's counters, campaigns, alerts). */
  'floor.snapshot': (snapshot: FloorSnapshot) => void;
}

/** How a supervisor joins an agent's call: hearing both, speaking to the agent alone, or to both. */
export const MONITOR_MODES = ['listen', 'whisper', 'barge'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];

export interface MonitorRequest extends CallRef {
  mode: MonitorMode;
}

/** A supervisor sends an agent of their team on a break, or logs them out. */
export interface ForceAgentStateRequest {
  agentId: string;
  state: Extract<RequestableAgentState, 'break' | 'offline'>;
  breakReason?: BreakReason;
}

export interface WrapUpOverdue {
  agentId: string;
  teamId: string | null;
  campaignId: string | null;
  callId: string;
  /** ISO instant the wrap-up began. */
  since: string;
  limitSeconds: number;
}

export interface TransferRequested {
  agentId: string;
  agentName: string;
  teamId: string | null;
  call: CallView;
  at: string;
}

export interface SupervisorClientToServerEvents {
  /** The first supervisor to accept takes the call; the others are refused with `conflict`. */
  'call.transfer-accepted': (request: CallRef, ack: Ack) => void;
  /** Ends a call this supervisor took. */
  'call.hang-up-requested': (request: CallRef, ack: Ack) => void;
  /** Refused for an agent on a call (and a break while wrapping up): the call comes first. */
  'agent.force-state': (request: ForceAgentStateRequest, ack: Ack) => void;
  /** Listen, whisper or barge on a call of one's team (Twilio only); a second request changes the mode. */
  'call.monitor-requested': (request: MonitorRequest, ack: Ack) => void;
}
