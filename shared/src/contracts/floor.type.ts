import type { ChatQueueView } from './conversations.type';
import type { CampaignStatus, DialMode } from '../domain/enums.constant';
import type { AgentTime } from '../metrics/agent-time.util';
import type { AgentStateView } from '../realtime/agent-events.type';
export interface AgentSummaryState {
  id: string;
  fullName: string;
  email: string;
  active: boolean;
  assignedAccounts: number;
  lastLoginAt: string | null;
}

/** What an agent did today (the agency's calendar day so far). */
export interface FloorAgentToday extends AgentTime {
  calls: number;
  /** Calls a person answered. */
  contacts: number;
  rightPartyContacts: number;
  promises: number;
  /** In `FloorSnapshot.currency`. */
  promisedMinor: number;
}

/** The call (or previewed account) an agent is on. */
export interface FloorAgentCall {
  callId: string;
  accountId: string;
  accountNumber: string;
  debtorName: string;
  campaignId: string | null;
}

export interface FloorAgent {
  agentId: string;
  name: string;
  teamId: string | null;
  state: AgentStateView;
  call: FloorAgentCall | null;
  /** Chats the agent holds now. */
  chats: number;
  today: FloorAgentToday;
}

export interface AbandonRates {
  /** Rolling hour, from the dialer's own guard. */
  hour: number | null;
  today: number | null;
  /** Rolling 30 days (the US rule; the others cap it per day). */
  days30: number | null;
}

export interface FloorCampaign {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  dialMode: DialMode;
  teamIds: string[];
  abandonCapBp: number;
  linesPerAgent: number;
  hopperSize: number;
  linesInFlight: number;
  /** Lines in flight per agent not on a break or offline: the dial level the pacer runs at. */
  dialLevel: number | null;
  answerRate: number | null;
  abandon: AbandonRates;
  /** People answered and waiting for an agent now. */
  waiting: number;
  longestWaitSeconds: number;
  /** People answered today who reached an agent within 2 s. */
  serviceLevel: number | null;
  /** Accounts the compliance gate refused today, by reason. */
  blockedByReason: { reason: string; count: number }[];
  sweepToday: number | null;
  sweepMonth: number | null;
}

export const FLOOR_ALERT_KINDS = [
  'abandon_near_cap',
  'wrap_up_long',
  'break_long',
  'hopper_empty',
  'agreement_pending',
  /** An agreement the daily check broke in the last day: its account is back in the hoppers. */
  'agreement_broken',
] as const;
export type FloorAlertKind = (typeof FLOOR_ALERT_KINDS)[number];

export interface FloorAlert {
  kind: FloorAlertKind;
  /** The agent, campaign or agreement it is about. */
  subjectId: string;
  /** Its name or number, for the alert's text. */
  subject: string;
  /** Since when (a state's start, an agreement's request). */
  since: string | null;
  /** The figure behind it (an abandon rate; seconds in the state). */
  value: number | null;
}

/**
 * The supervisor's floor, pushed on `/supervisor` as `floor.snapshot` when they connect and every few
 * seconds after; between snapshots `agent.state-changed` and `call.progressed` keep it current.
 */
export interface FloorSnapshot {
  at: string;
  currency: string | null;
  agents: FloorAgent[];
  campaigns: FloorCampaign[];
  alerts: FloorAlert[];
  /** Chat queues of the supervisor's teams (web chat, SMS and WhatsApp waiting for an agent). */
  chatQueues: ChatQueueView[];
}

/** Past these a supervisor is alerted: an agent stuck in wrap-up or on a break. */
export const FLOOR_ALERT_LIMITS = {
  wrapUpSeconds: 180,
  breakSeconds: 20 * 60,
  /** An abandon rate at or above this share of the campaign's cap. */
  abandonShareOfCap: 0.8,
} as const;
