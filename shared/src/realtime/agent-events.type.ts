import type { AgreementResponse } from '../contracts/agreements.type';
import type { DispositionOption } from '../contracts/campaigns.type';
import type { ScriptPushed, ScriptStepRecord } from '../contracts/scripts.type';
import type { CallOutcome } from '../domain/enums.constant';
import type { ErrorCode } from '../errors/error-codes.constant';
import type { ChatOffer, ConversationDetail } from '../contracts/conversations.type';
import type { ChatClientToServerEvents, ChatEventPayloads } from './chat-events.type';
import type { PromiseEventPayloads } from './promise-events.type';

export const AGENT_NAMESPACE = '/agent';

/**
 * The server-authoritative agent state machine: offline → available ⇄ reserved → on_call →
 * wrap_up → available, with break (reason codes) and preview beside it.
 */
export const AGENT_STATES = [
  'offline',
  'available',
  'reserved',
  'on_call',
  'wrap_up',
  'break',
  'preview',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** States an agent asks for; the others are entered by the dialer (reserved, on_call, wrap_up). */
export const REQUESTABLE_AGENT_STATES = ['available', 'break', 'offline'] as const;
export type RequestableAgentState = (typeof REQUESTABLE_AGENT_STATES)[number];

export const BREAK_REASONS = ['rest', 'lunch', 'training', 'coaching', 'technical', 'personal'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export interface AgentStateView {
  agentId: string;
  teamId: string | null;
  state: AgentState;
  /** ISO instant the state was entered. */
  since: string;
  breakReason: BreakReason | null;
  callId: string | null;
  campaignId: string | null;
}

/** What the agent sees of a call the dialer bridged to them (the screen pop's first lines). */
export interface CallView {
  callId: string;
  campaignId: string;
  campaignName: string;
  accountId: string;
  accountNumber: string;
  debtorName: string;
  /** The number dialled, E.164. */
  phone: string;
  balanceMinor: number;
  currency: string;
  daysPastDue: number;
  connectedAt: string;
  /** The campaign's disposition codes, for the wrap-up form. */
  dispositions: DispositionOption[];
  /** Seconds the campaign allows for the wrap-up after this call; null when unlimited. */
  wrapUpLimitSeconds: number | null;
  controls: CallControls;
}

/** A transfer to the team's supervisor: asked, then taken (the agent leaves the call to wrap it up). */
export const TRANSFER_STATES = ['none', 'requested', 'taken'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** The softphone's switches on a connected call; the server holds them, so a reload shows the truth. */
export interface CallControls {
  held: boolean;
  muted: boolean;
  transfer: TransferState;
}

export const NO_CALL_CONTROLS: CallControls = { held: false, muted: false, transfer: 'none' };

export interface CallControlsChanged extends CallControls {
  callId: string;
}

/** A hold or mute switch for the agent's call. */
export interface CallSwitchRequest extends CallRef {
  on: boolean;
}

/**
 * Preview mode: the dialer reserved an account for the agent (the gate already allowed it) and shows
 * it before anything rings; the agent dials it or skips it with a reason.
 */
export interface PreviewView extends Omit<CallView, 'connectedAt' | 'controls'> {
  offeredAt: string;
}

export const PREVIEW_SKIP_REASONS = [
  'recent_contact',
  'payment_in_progress',
  'dispute_in_progress',
  'wrong_data',
  'not_workable_now',
  'other',
] as const;
export type PreviewSkipReason = (typeof PREVIEW_SKIP_REASONS)[number];

/** The stage of a previewed account's interaction when the agent skipped it: never dialled, no attempt. */
export const SKIPPED_STAGE = 'skipped';

export interface PreviewSkipRequest extends CallRef {
  reason: PreviewSkipReason;
}

/** The campaign's wrap-up limit ran out and it frees agents by itself: the wrap-up closed undispositioned. */
export interface WrapUpExpired extends CallRef {
  limitSeconds: number;
}

export interface CallEndedView {
  callId: string;
  /** How an agent's own dial ended when nobody answered it (no_answer, busy…); absent after a talk. */
  outcome?: CallOutcome;
  /** Who hung up: the debtor (carrier) or the agent; `transfer`: a supervisor took the call. */
  endedBy: 'debtor' | 'agent' | 'transfer';
  talkSeconds: number;
  endedAt: string;
}

export interface AgentSnapshot {
  state: AgentStateView;
  /** The call the agent is on or wrapping up, and its script: a reconnecting console resumes both. */
  call: CallView | null;
  script: ScriptPushed | null;
  /** The account offered in preview mode, while the agent decides. */
  preview: PreviewView | null;
  /** The chats the agent holds, each with its messages so far, and the one offered to them. */
  chats: ConversationDetail[];
  chatOffer: ChatOffer | null;
}

export type AckResult = { ok: true } | { ok: false; code: ErrorCode; message: string };
export type Ack = (result: AckResult) => void;
export type DialAck = (result: AckResult | { ok: true; callId: string }) => void;

export interface AgentStateRequest {
  state: RequestableAgentState;
  breakReason?: BreakReason;
}

export interface CallRef {
  callId: string;
}

export const CALLBACK_ASSIGNEES = ['me', 'team'] as const;
export type CallbackAssignee = (typeof CALLBACK_ASSIGNEES)[number];

/** Notes are kept on the interaction; longer text belongs in a document, not a call note. */
export const WRAP_UP_NOTES_MAX = 2_000;
/** A callback is scheduled at most this many days ahead. */
export const CALLBACK_MAX_DAYS = 30;

/**
 * The end of a call's wrap-up: its disposition (one of the campaign's codes), notes, and a callback
 * when the disposition asks for one ("volver a llamar"). A promise needs the agreement made on the call.
 */
export interface WrapUpRequest extends CallRef {
  dispositionCode: string;
  notes?: string;
  callback?: { at: string; assignTo: CallbackAssignee };
}

/** Why a wrap-up was refused: sent as the message of a `validation_failed` ack, and as `reason`. */
export enum WrapUpError {
  UnknownDisposition = 'unknown_disposition',
  CallbackRequired = 'callback_required',
  CallbackOutOfRange = 'callback_out_of_range',
  AgreementRequired = 'agreement_required',
}

/** An agent dials an account they may work (manual), through the compliance gate like any dial. */
export interface DialRequest {
  accountId: string;
  contactPointId: string;
}

/** "I will be ready in N seconds": lets the pacer count a wrap-up that is about to end. */
export interface ReadyInRequest {
  seconds: number;
}

/** What each event to an agent carries, before the server numbers it. */
export interface AgentEventPayloads extends ChatEventPayloads {
  'agent.state-changed': AgentStateView;
  'call.connected': CallView;
  'call.ended': CallEndedView;
  /** The call's script, rendered for the debtor, the moment the call connects. */
  'script.pushed': ScriptPushed;
  /** A supervisor approved or rejected an agreement this agent asked approval for. */
  'agreement.decided': AgreementResponse;
  /** The daily check broke an agreement this agent made. */
  'agreement.broken': PromiseEventPayloads['agreement.broken'];
  'call.controls-changed': CallControlsChanged;
  /** Preview mode: an account to look at before dialling (its script follows as `script.pushed`). */
  'preview.offered': PreviewView;
  'call.wrap-up-expired': WrapUpExpired;
}

/**
 * Every event to an agent is numbered (1, 2, 3… per agent, across servers); the snapshot says the
 * number it is current to. A console that sees a number skipped asks for a new snapshot.
 */
export type Sequenced<T> = T & { seq: number };

export type AgentServerToClientEvents = {
  [E in keyof AgentEventPayloads]: (payload: Sequenced<AgentEventPayloads[E]>) => void;
} & {
  'agent.snapshot': (snapshot: Sequenced<AgentSnapshot>) => void;
};

export type SnapshotAck = (result: AckResult | Sequenced<AgentSnapshot>) => void;

/** True when `seq` is not the one after `last`: an event was missed, and a new snapshot is due. */
export function isSequenceGap(last: number, seq: number): boolean {
  return seq > last + 1;
}

export interface AgentClientToServerEvents extends ChatClientToServerEvents {
  'agent.state-requested': (request: AgentStateRequest, ack: Ack) => void;
  'call.hang-up-requested': (request: CallRef, ack: Ack) => void;
  'call.wrap-up-finished': (request: WrapUpRequest, ack: Ack) => void;
  'agent.ready-in': (request: ReadyInRequest, ack: Ack) => void;
  /** The ack carries the call's id once the gate allowed the dial; a refusal names its reason. */
  'call.dial-requested': (request: DialRequest, ack: DialAck) => void;
  'script.step-recorded': (record: ScriptStepRecord, ack: Ack) => void;
  'call.hold-requested': (request: CallSwitchRequest, ack: Ack) => void;
  'call.mute-requested': (request: CallSwitchRequest, ack: Ack) => void;
  /** Asks the team's supervisor to take the call; the agent stays on it until they do. */
  'call.transfer-requested': (request: CallRef, ack: Ack) => void;
  /** Dial the previewed account: the ack carries the call's id (the same one the offer had). */
  'preview.dial-requested': (request: CallRef, ack: DialAck) => void;
  'preview.skip-requested': (request: PreviewSkipRequest, ack: Ack) => void;
  /** After a gap in the sequence: the current state, call and script, and the number they are at. */
  'agent.snapshot-requested': (request: Record<string, never>, ack: SnapshotAck) => void;
}

export function agentRoom(agentId: string): string {
  return `agent:${agentId}`;
}

export function teamRoom(teamId: string): string {
  return `team:${teamId}`;
}

export function campaignRoom(campaignId: string): string {
  return `campaign:${campaignId}`;
}
