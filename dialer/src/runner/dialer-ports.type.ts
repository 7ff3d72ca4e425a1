import type {
  AgentEventPayloads,
  AgentStateView,
  CallOutcome,
  CallView,
  DialRequest,
  CampaignSchedule,
  CampaignStatus,
  DialerJobName,
  DialerJobs,
  MachineAction,
  RetryRule,
  ScriptPushed,
  SupervisorServerToClientEvents,
  Verdict,
  WrapUpError,
  WrapUpOverrun,
  WrapUpRequest,
} from '@recupera/shared';
import type { HopperEntry } from '../live/campaign-live.store';
import type { PacingSettings } from '../pacing/pacing.type';

/** A campaign as the dialer runs it, read fresh on every tick so pauses and edits apply at once. */
export interface CampaignPlan {
  id: string;
  name: string;
  status: CampaignStatus;
  teamIds: string[];
  pacing: PacingSettings;
  ringTimeoutSeconds: number;
  machineAction: MachineAction;
  abandonMessage: string;
  retryRules: RetryRule[];
  schedule: CampaignSchedule;
  wrapUpLimitSeconds: number | null;
  wrapUpOverrun: WrapUpOverrun;
}

/** A call as the database knows it; its live switches (hold, mute, transfer) come from Redis. */
export type StoredCallView = Omit<CallView, 'controls'>;

export interface CallbackTarget {
  entry: HopperEntry;
  campaignIds: string[];
  /** The agent who kept the callback for themselves; null for the team's. */
  agentId: string | null;
}

/** What changes on the stored interaction as the call goes on. */
export interface AttemptChanges {
  dialedAt?: Date;
  ringingAt?: Date;
  answeredAt?: Date;
  connectedAt?: Date;
  endedAt?: Date;
  carrierSid?: string;
  stage?: string;
  outcome?: CallOutcome;
  agentId?: string;
  teamId?: string | null;
  talkSeconds?: number;
  wrapSeconds?: number;
  endReason?: string;
  transferredTo?: string;
  transferredAt?: Date;
}

/** The dialer's way into the database; the server implements it over its repositories and the gate. */
export interface DialerStorePort {
  runningCampaignIds(): Promise<string[]>;
  campaign(id: string): Promise<CampaignPlan | null>;
  /** Running campaigns a team works, for an agent who just freed up. */
  runningCampaignsOfTeam(teamId: string): Promise<string[]>;
  /**
   * Accounts of the campaign's segment held by its teams, workable, not attempted lately and not
   * deferred by an earlier refusal, best first: callbacks due, broken promises, balance, days past due,
   * score. Each with the debtor's best voice number.
   */
  candidates(campaign: CampaignPlan, limit: number, now: Date): Promise<HopperEntry[]>;
  /** The account again for a retry, if it is still workable and in the segment, with the same number. */
  retryCandidate(
    campaign: CampaignPlan,
    accountId: string,
    contactPointId: string,
  ): Promise<HopperEntry | null>;
  /**
   * The compliance gate; a refusal is recorded with its reason before it is returned. An attempt
   * already stored (a previewed account) is named so it does not count against itself.
   */
  gate(campaign: CampaignPlan, entry: HopperEntry, now: Date, exceptCallId?: string): Promise<Verdict>;
  /**
   * Stores the wrap-up of the agent's call (disposition, notes, callback); a refusal names the rule
   * it broke and stores nothing. The callback's id and due instant come back for its delayed job.
   */
  recordWrapUp(
    agentId: string,
    request: WrapUpRequest,
    now: Date,
  ): Promise<{ refused: WrapUpError } | { callback: { id: string; dueAt: Date } | null }>;
  /** The account and number an agent asked to dial, if they may work that account; null otherwise. */
  manualEntry(agentId: string, teamId: string | null, request: DialRequest): Promise<HopperEntry | null>;
  /** The gate, then the stored attempt of an agent's own dial; a refusal names the gate's reason. */
  createManualAttempt(
    agentId: string,
    teamId: string | null,
    entry: HopperEntry,
    now: Date,
  ): Promise<{ callId: string } | { refused: string }>;
  /** A scheduled callback's account and number, its agent, and the running campaigns that may dial it. */
  callbackTarget(callbackId: string): Promise<CallbackTarget | null>;
  /** The callback is in a hopper now: it is not offered again. */
  callbackQueued(callbackId: string): Promise<void>;
  /**
   * Asks the gate once more and, if it allows the attempt, stores it as a queued interaction and
   * returns its id (the call's id); null when refused. The only way the dialer gets a call id.
   */
  createAttempt(campaign: CampaignPlan, entry: HopperEntry, now: Date): Promise<string | null>;
  updateAttempt(callId: string, changes: AttemptChanges): Promise<void>;
  callView(callId: string): Promise<StoredCallView | null>;
  /** The call's campaign script rendered for its debtor; null when the campaign has none. */
  scriptFor(callId: string): Promise<ScriptPushed | null>;
  recordAgentState(view: AgentStateView): Promise<void>;
  /** A user's display name (an agent asking for a transfer, as the supervisor sees it). */
  userName(userId: string): Promise<string>;
}

export interface DialerEventsPort {
  /** Numbered per agent on the way out (AgentServerToClientEvents). */
  toAgent<E extends keyof AgentEventPayloads>(
    agentId: string,
    event: E,
    payload: AgentEventPayloads[E],
  ): void;
  /** To supervisors watching the campaign and the teams. */
  toSupervisors<E extends keyof SupervisorServerToClientEvents>(
    rooms: { campaignId?: string; teamIds?: readonly string[] },
    event: E,
    payload: Parameters<SupervisorServerToClientEvents[E]>[0],
  ): void;
}

export interface DialerJobsPort {
  add<N extends DialerJobName>(
    name: N,
    data: DialerJobs[N],
    options?: { delayMs?: number; jobId?: string; keepFailed?: boolean },
  ): Promise<void>;
}

export interface DialerClock {
  now(): Date;
}

export interface DialerLimits {
  /** The carrier account's calls-per-second limit. */
  callsPerSecond: number;
  /** The carrier account's concurrent lines. */
  concurrentLines: number;
  agencyTimeZone: string;
  callerId: string;
}
