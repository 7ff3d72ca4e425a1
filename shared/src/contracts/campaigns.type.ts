import type { Weekday } from '../compliance/compliance-profile.type';
import type { AgingBucket } from '../domain/aging.util';
import type { CampaignStatus, Channel, DialMode, DispositionCategory } from '../domain/enums.constant';
import type { Jurisdiction } from '../domain/jurisdictions.constant';

/**
 * Which accounts of the campaign's portfolio it works. Every filter is optional and they combine
 * with AND; an empty list means "any". Accounts without a score (or without a last disposition) are
 * left out as soon as that filter is set, because "unknown" cannot be shown to be inside a range.
 */
export interface CampaignSegment {
  balanceMinMinor?: number;
  balanceMaxMinor?: number;
  daysPastDueMin?: number;
  daysPastDueMax?: number;
  agingBuckets?: AgingBucket[];
  sectors?: string[];
  zonas?: string[];
  products?: string[];
  lastDispositionCodes?: string[];
  scoreMin?: number;
  scoreMax?: number;
}

/** Voice only for now; SMS and WhatsApp campaigns come with their carriers. */
export const CAMPAIGN_CHANNELS = ['voice'] as const satisfies readonly Channel[];
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** What the dialer does when an answering machine picks up (DESIGN.md §4). */
export const MACHINE_ACTIONS = ['hang_up', 'leave_message'] as const;
export type MachineAction = (typeof MACHINE_ACTIONS)[number];

/** What happens when an agent's wrap-up outlasts the campaign's limit. */
export const WRAP_UP_OVERRUNS = ['alert', 'auto_available'] as const;
export type WrapUpOverrun = (typeof WRAP_UP_OVERRUNS)[number];

/** Outcomes a campaign may retry; a human answer or an abandon are never retried by rule. */
export const RETRY_OUTCOMES = ['no_answer', 'busy', 'failed', 'machine'] as const;
export type RetryOutcome = (typeof RETRY_OUTCOMES)[number];

export interface RetryRule {
  outcome: RetryOutcome;
  retryAfterMinutes: number;
  /** Tries of the same account per day after this outcome (the compliance caps still apply on top). */
  maxPerDay: number;
}

/**
 * When the campaign dials, in the agency's time zone. The compliance gate separately applies each
 * debtor's local contact windows, so a campaign window never widens what the law allows.
 */
export interface CampaignSchedule {
  days: Weekday[];
  /** 'HH:MM', inclusive. */
  from: string;
  /** 'HH:MM', exclusive; later than `from` (no windows across midnight). */
  to: string;
}

export interface CampaignSettings {
  dialMode: DialMode;
  /** Progressive ratio: lines dialled per free agent (ignored by the other modes). */
  linesPerAgent: number;
  /** Ceiling on lines in flight per staffed agent, whatever the pacing formula asks for. */
  maxLinesPerAgent: number;
  /** Abandon cap in basis points (300 = 3 %). */
  abandonCapBp: number;
  ringTimeoutSeconds: number;
  machineAction: MachineAction;
  /** Played to a person the dialer could not bridge to an agent; required for predictive/progressive. */
  abandonMessage: string;
  retryRules: RetryRule[];
  schedule: CampaignSchedule;
  /** Seconds an agent may spend in wrap-up after a call; null for no limit. */
  wrapUpLimitSeconds: number | null;
  /**
   * Past the limit: `alert` tells the team's supervisor; `auto_available` closes the wrap-up without
   * a disposition (the interaction says it expired) and frees the agent.
   */
  wrapUpOverrun: WrapUpOverrun;
  dispositionSetId: string | null;
  /** Scripts come later; until then always null. */
  scriptVersionId: string | null;
  complianceProfile: Jurisdiction;
  teamIds: string[];
}

export interface CampaignCounts {
  /** Interactions placed by the campaign. */
  attempts: number;
  /** Distinct accounts those interactions reached for. */
  accountsAttempted: number;
}

export interface CampaignTeamRef {
  id: string;
  name: string;
}

export interface CampaignResponse extends CampaignSettings {
  id: string;
  name: string;
  channel: Channel;
  status: CampaignStatus;
  portfolioId: string;
  portfolioName: string;
  clientId: string;
  clientCode: string;
  clientName: string;
  /** The portfolio's currency: the unit of the segment's balance bounds. */
  currency: string;
  segment: CampaignSegment;
  teams: CampaignTeamRef[];
  dispositionSetName: string | null;
  counts: CampaignCounts;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Omitted settings take CAMPAIGN_DEFAULTS; the compliance profile defaults to the portfolio's jurisdiction. */
export interface CreateCampaignRequest extends Partial<Omit<CampaignSettings, 'dialMode' | 'teamIds'>> {
  name: string;
  portfolioId: string;
  channel?: CampaignChannel;
  segment?: CampaignSegment;
  dialMode: DialMode;
  teamIds: string[];
}

/** Every field optional; what may change depends on the status (see CAMPAIGN_EDITABLE_WHILE_RUNNING). */
export type UpdateCampaignRequest = Partial<CreateCampaignRequest>;

/** Live size of a segment: accounts matching now, and how many of them the campaign's teams hold. */
export interface SegmentCountResponse {
  matching: number;
  assignedToTeams: number;
}

/** The editor's unsaved segment, counted before it is saved. */
export interface SegmentPreviewRequest {
  portfolioId: string;
  segment?: CampaignSegment;
  teamIds?: string[];
}

export const CAMPAIGN_ACTIONS = ['start', 'pause', 'resume', 'finish'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** The lifecycle: draft → running ↔ paused → finished; finished is final. */
export const CAMPAIGN_TRANSITIONS: Readonly<
  Record<CampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }>
> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  finish: { from: ['running', 'paused'], to: 'finished' },
};

/**
 * A running campaign is being dialled from a hopper built with its segment, teams, schedule and
 * retry rules, so only the pacing knobs may move under it; pause it to change anything else.
 */
export const CAMPAIGN_EDITABLE_WHILE_RUNNING = [
  'linesPerAgent',
  'maxLinesPerAgent',
  'abandonCapBp',
  'ringTimeoutSeconds',
  'wrapUpLimitSeconds',
  'wrapUpOverrun',
] as const satisfies readonly (keyof UpdateCampaignRequest)[];

/** Fixed once the campaign has left draft: its attempts and metrics belong to that portfolio and channel. */
export const CAMPAIGN_FIXED_AFTER_DRAFT = [
  'portfolioId',
  'channel',
] as const satisfies readonly (keyof UpdateCampaignRequest)[];

/** Ranges the server enforces and the editor mirrors. */
export const CAMPAIGN_LIMITS = {
  linesPerAgent: { min: 1, max: 5 },
  maxLinesPerAgent: { min: 1, max: 10 },
  /** 3 % is the legal ceiling of every dialer profile (DESIGN.md §5.1); below 0.5 % predictive barely dials. */
  abandonCapBp: { min: 50, max: 300 },
  ringTimeoutSeconds: { min: 10, max: 60 },
  wrapUpLimitSeconds: { min: 10, max: 900 },
  retryAfterMinutes: { min: 5, max: 7 * 24 * 60 },
  retryMaxPerDay: { min: 1, max: 10 },
  score: { min: 0, max: 9999 },
  abandonMessageLength: 500,
  segmentListItems: 100,
} as const;

export const CAMPAIGN_DEFAULTS: Readonly<
  Omit<CampaignSettings, 'dialMode' | 'teamIds' | 'complianceProfile'>
> = {
  linesPerAgent: 1,
  maxLinesPerAgent: 3,
  abandonCapBp: 300,
  ringTimeoutSeconds: 25,
  machineAction: 'hang_up',
  abandonMessage: '',
  retryRules: [
    { outcome: 'no_answer', retryAfterMinutes: 120, maxPerDay: 3 },
    { outcome: 'busy', retryAfterMinutes: 30, maxPerDay: 3 },
    { outcome: 'failed', retryAfterMinutes: 240, maxPerDay: 1 },
    { outcome: 'machine', retryAfterMinutes: 240, maxPerDay: 2 },
  ],
  schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '19:00' },
  wrapUpLimitSeconds: 120,
  wrapUpOverrun: 'alert',
  dispositionSetId: null,
  scriptVersionId: null,
};

/**
 * Why a campaign request conflicts with the campaign's state. Sent as `details.reason` of a 409
 * (`ErrorCode.Conflict`), so the console can say exactly what happened.
 */
export enum CampaignError {
  IllegalTransition = 'illegal_transition',
  /** The change touches fields the campaign's status does not let change (running, finished). */
  LockedFields = 'locked_fields',
  /** Starting needs what a draft may still lack (a disposition set). */
  NotReady = 'not_ready',
}

export interface CampaignConflictDetails {
  reason: CampaignError;
  status: CampaignStatus;
  action?: CampaignAction;
  fields?: string[];
  problems?: string[];
}

export interface DispositionOption {
  id: string;
  code: string;
  labelEs: string;
  labelEn: string;
  category: DispositionCategory;
  isContact: boolean;
  isRpc: boolean;
  isPromise: boolean;
}

export interface DispositionSetResponse {
  id: string;
  name: string;
  dispositions: DispositionOption[];
}
