import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_DEFAULTS,
  CAMPAIGN_EDITABLE_WHILE_RUNNING,
  CAMPAIGN_LIMITS,
  CAMPAIGN_TRANSITIONS,
  CampaignError,
  ErrorCode,
  assertNever,
  minorToMajorString,
  parseMajorToMinor,
  type AgingBucket,
  type CampaignAction,
  type CampaignConflictDetails,
  type CampaignResponse,
  type CampaignSegment,
  type CampaignStatus,
  type CreateCampaignRequest,
  type DialMode,
  type Jurisdiction,
  type MachineAction,
  type RetryOutcome,
  type UpdateCampaignRequest,
  type Weekday,
  type WrapUpOverrun,
} from '@recupera/shared';
import type { ApiError } from '../../core/http/api-error.util';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import type { Tone } from '../../ui/tone.util';

export interface RetryRuleFormValue {
  outcome: RetryOutcome;
  retryAfterMinutes: number | null;
  maxPerDay: number | null;
}

/**
 * The editor's form, shaped for inputs: money as typed text in major units, lists of free values
 * as comma-separated text, the abandon cap as a percentage, '' for "none" in selects.
 */
export interface CampaignFormValue {
  name: string;
  portfolioId: string;
  dialMode: DialMode;
  teamIds: string[];
  dispositionSetId: string;
  /** '' follows the portfolio's jurisdiction. */
  complianceProfile: Jurisdiction | '';
  balanceMin: string;
  balanceMax: string;
  daysPastDueMin: number | null;
  daysPastDueMax: number | null;
  agingBuckets: AgingBucket[];
  sectors: string;
  zonas: string;
  products: string;
  lastDispositionCodes: string[];
  scoreMin: number | null;
  scoreMax: number | null;
  linesPerAgent: number | null;
  maxLinesPerAgent: number | null;
  abandonCapPercent: number | null;
  ringTimeoutSeconds: number | null;
  machineAction: MachineAction;
  abandonMessage: string;
  /** The wrap-up has no limit: the seconds below are kept (disabled) for when it gets one again. */
  wrapUpUnlimited: boolean;
  wrapUpLimitSeconds: number | null;
  wrapUpOverrun: WrapUpOverrun;
  days: Weekday[];
  from: string;
  to: string;
  retryRules: RetryRuleFormValue[];
}

export type CampaignFormField = keyof CampaignFormValue;

/** Form controls that stay editable while a campaign runs (the pacing knobs of CAMPAIGN_EDITABLE_WHILE_RUNNING). */
export const RUNNING_FORM_FIELDS: readonly CampaignFormField[] = [
  'linesPerAgent',
  'maxLinesPerAgent',
  'abandonCapPercent',
  'ringTimeoutSeconds',
  'wrapUpUnlimited',
  'wrapUpLimitSeconds',
  'wrapUpOverrun',
];

/** What the seconds input offers when an unlimited wrap-up is given a limit again. */
export const DEFAULT_WRAP_UP_LIMIT_SECONDS = 120;

export function defaultFormValue(): CampaignFormValue {
  const d = CAMPAIGN_DEFAULTS;
  return {
    name: '',
    portfolioId: '',
    dialMode: 'progressive',
    teamIds: [],
    dispositionSetId: '',
    complianceProfile: '',
    balanceMin: '',
    balanceMax: '',
    daysPastDueMin: null,
    daysPastDueMax: null,
    agingBuckets: [],
    sectors: '',
    zonas: '',
    products: '',
    lastDispositionCodes: [],
    scoreMin: null,
    scoreMax: null,
    linesPerAgent: d.linesPerAgent,
    maxLinesPerAgent: d.maxLinesPerAgent,
    abandonCapPercent: bpToPercent(d.abandonCapBp),
    ringTimeoutSeconds: d.ringTimeoutSeconds,
    machineAction: d.machineAction,
    abandonMessage: d.abandonMessage,
    wrapUpUnlimited: d.wrapUpLimitSeconds === null,
    wrapUpLimitSeconds: d.wrapUpLimitSeconds ?? DEFAULT_WRAP_UP_LIMIT_SECONDS,
    wrapUpOverrun: d.wrapUpOverrun,
    days: [...d.schedule.days],
    from: d.schedule.from,
    to: d.schedule.to,
    retryRules: d.retryRules.map((rule) => ({ ...rule })),
  };
}

export function fromCampaign(c: CampaignResponse): CampaignFormValue {
  const s = c.segment;
  const money = (minor: number | undefined) =>
    minor === undefined ? '' : minorToMajorString(minor, c.currency);
  return {
    name: c.name,
    portfolioId: c.portfolioId,
    dialMode: c.dialMode,
    teamIds: [...c.teamIds],
    dispositionSetId: c.dispositionSetId ?? '',
    complianceProfile: c.complianceProfile,
    balanceMin: money(s.balanceMinMinor),
    balanceMax: money(s.balanceMaxMinor),
    daysPastDueMin: s.daysPastDueMin ?? null,
    daysPastDueMax: s.daysPastDueMax ?? null,
    agingBuckets: [...(s.agingBuckets ?? [])],
    sectors: joinList(s.sectors),
    zonas: joinList(s.zonas),
    products: joinList(s.products),
    lastDispositionCodes: [...(s.lastDispositionCodes ?? [])],
    scoreMin: s.scoreMin ?? null,
    scoreMax: s.scoreMax ?? null,
    linesPerAgent: c.linesPerAgent,
    maxLinesPerAgent: c.maxLinesPerAgent,
    abandonCapPercent: bpToPercent(c.abandonCapBp),
    ringTimeoutSeconds: c.ringTimeoutSeconds,
    machineAction: c.machineAction,
    abandonMessage: c.abandonMessage,
    wrapUpUnlimited: c.wrapUpLimitSeconds === null,
    wrapUpLimitSeconds: c.wrapUpLimitSeconds ?? DEFAULT_WRAP_UP_LIMIT_SECONDS,
    wrapUpOverrun: c.wrapUpOverrun,
    days: [...c.schedule.days],
    from: c.schedule.from,
    to: c.schedule.to,
    retryRules: c.retryRules.map((rule) => ({ ...rule })),
  };
}

/** "Norte, Sur ;Centro" → ['Norte', 'Sur', 'Centro']: commas or semicolons, blanks and repeats dropped. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    ),
  ];
}

export function joinList(values: readonly string[] | undefined): string {
  return (values ?? []).join(', ');
}

export const bpToPercent = (bp: number): number => bp / 100;
export const percentToBp = (percent: number): number => Math.round(percent * 100);

/** The segment the form describes; money that does not parse in the portfolio's currency is reported, not guessed. */
export function segmentFromForm(
  v: CampaignFormValue,
  currency: string,
): { segment: CampaignSegment; invalidMoney: ('balanceMin' | 'balanceMax')[] } {
  const invalidMoney: ('balanceMin' | 'balanceMax')[] = [];
  const money = (field: 'balanceMin' | 'balanceMax'): number | undefined => {
    const text = v[field].trim();
    if (text === '') return undefined;
    const minor = parseMajorToMinor(text.replace(/\s/g, ''), currency);
    if (minor === null || minor < 0) {
      invalidMoney.push(field);
      return undefined;
    }
    return minor;
  };
  const segment: CampaignSegment = {
    balanceMinMinor: money('balanceMin'),
    balanceMaxMinor: money('balanceMax'),
    daysPastDueMin: v.daysPastDueMin ?? undefined,
    daysPastDueMax: v.daysPastDueMax ?? undefined,
    agingBuckets: v.agingBuckets.length ? [...v.agingBuckets] : undefined,
    sectors: nonEmpty(parseList(v.sectors)),
    zonas: nonEmpty(parseList(v.zonas)),
    products: nonEmpty(parseList(v.products)),
    lastDispositionCodes: v.lastDispositionCodes.length ? [...v.lastDispositionCodes] : undefined,
    scoreMin: v.scoreMin ?? undefined,
    scoreMax: v.scoreMax ?? undefined,
  };
  return {
    segment: Object.fromEntries(
      Object.entries(segment).filter(([, value]) => value !== undefined),
    ) as CampaignSegment,
    invalidMoney,
  };
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** The whole campaign as a create request; the server fills in what stays empty. */
export function toCreateRequest(v: CampaignFormValue, currency: string): CreateCampaignRequest {
  return {
    name: v.name.trim(),
    portfolioId: v.portfolioId,
    channel: 'voice',
    dialMode: v.dialMode,
    segment: segmentFromForm(v, currency).segment,
    teamIds: [...v.teamIds],
    dispositionSetId: v.dispositionSetId || null,
    ...(v.complianceProfile ? { complianceProfile: v.complianceProfile } : {}),
    ...(v.linesPerAgent !== null ? { linesPerAgent: v.linesPerAgent } : {}),
    ...(v.maxLinesPerAgent !== null ? { maxLinesPerAgent: v.maxLinesPerAgent } : {}),
    ...(v.abandonCapPercent !== null ? { abandonCapBp: percentToBp(v.abandonCapPercent) } : {}),
    ...(v.ringTimeoutSeconds !== null ? { ringTimeoutSeconds: v.ringTimeoutSeconds } : {}),
    machineAction: v.machineAction,
    abandonMessage: v.abandonMessage.trim(),
    ...wrapUpLimitFromForm(v),
    wrapUpOverrun: v.wrapUpOverrun,
    schedule: { days: [...v.days], from: v.from, to: v.to },
    retryRules: v.retryRules.map((rule) => ({
      outcome: rule.outcome,
      retryAfterMinutes: rule.retryAfterMinutes ?? 0,
      maxPerDay: rule.maxPerDay ?? 0,
    })),
  };
}

/** null is "no limit", so an empty seconds input is left out (the server keeps its value) rather than sent as null. */
function wrapUpLimitFromForm(v: CampaignFormValue): Pick<CreateCampaignRequest, 'wrapUpLimitSeconds'> {
  if (v.wrapUpUnlimited) return { wrapUpLimitSeconds: null };
  return v.wrapUpLimitSeconds !== null ? { wrapUpLimitSeconds: v.wrapUpLimitSeconds } : {};
}

/** A wrap-up limit the server accepts: whole seconds within CAMPAIGN_LIMITS, or none at all. */
export function isValidWrapUpLimit(
  v: Pick<CampaignFormValue, 'wrapUpUnlimited' | 'wrapUpLimitSeconds'>,
): boolean {
  if (v.wrapUpUnlimited) return true;
  const seconds = v.wrapUpLimitSeconds;
  const { min, max } = CAMPAIGN_LIMITS.wrapUpLimitSeconds;
  return seconds !== null && Number.isInteger(seconds) && seconds >= min && seconds <= max;
}

/** Only what the campaign's status lets change, so a running campaign's save never trips the 409. */
export function toUpdateRequest(
  v: CampaignFormValue,
  currency: string,
  status: CampaignStatus,
): UpdateCampaignRequest {
  const full = toCreateRequest(v, currency);
  switch (status) {
    case 'draft':
      return full;
    case 'paused': {
      const { portfolioId: _portfolio, channel: _channel, ...rest } = full;
      return rest;
    }
    case 'running':
      return Object.fromEntries(
        CAMPAIGN_EDITABLE_WHILE_RUNNING.filter((key) => full[key] !== undefined).map((key) => [
          key,
          full[key],
        ]),
      );
    case 'finished':
      return {};
  }
}

/** Form controls the status locks: everything once finished, all but pacing while running, the portfolio once started. */
export function lockedFormFields(status: CampaignStatus | null): readonly CampaignFormField[] | 'all' {
  switch (status) {
    case null:
    case 'draft':
      return [];
    case 'paused':
      return ['portfolioId'];
    case 'running':
      return (Object.keys(defaultFormValue()) as CampaignFormField[]).filter(
        (field) => !RUNNING_FORM_FIELDS.includes(field),
      );
    case 'finished':
      return 'all';
  }
}

/** Cross-field mistakes the editor can point out before the server does. */
export function formProblems(v: CampaignFormValue, currency: string): MessageKey[] {
  const problems: MessageKey[] = [];
  const { segment, invalidMoney } = segmentFromForm(v, currency);
  if (invalidMoney.length > 0) problems.push('campaigns.problem.money');
  const crossed = (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined && min > max;
  if (crossed(segment.balanceMinMinor, segment.balanceMaxMinor))
    problems.push('campaigns.problem.balanceRange');
  if (crossed(segment.daysPastDueMin, segment.daysPastDueMax)) problems.push('campaigns.problem.dpdRange');
  if (crossed(segment.scoreMin, segment.scoreMax)) problems.push('campaigns.problem.scoreRange');
  if (v.linesPerAgent !== null && v.maxLinesPerAgent !== null && v.linesPerAgent > v.maxLinesPerAgent) {
    problems.push('campaigns.problem.lines');
  }
  if ((v.dialMode === 'predictive' || v.dialMode === 'progressive') && v.abandonMessage.trim() === '') {
    problems.push('campaigns.problem.abandonMessage');
  }
  if (!isValidWrapUpLimit(v)) problems.push('campaigns.problem.wrapUpLimit');
  if (v.from && v.to && v.from >= v.to) problems.push('campaigns.problem.schedule');
  if (v.days.length === 0) problems.push('campaigns.problem.days');
  const outcomes = v.retryRules.map((rule) => rule.outcome);
  if (new Set(outcomes).size !== outcomes.length) problems.push('campaigns.problem.retryOutcome');
  return problems;
}

/** The lifecycle buttons a campaign in `status` offers. */
export function availableActions(status: CampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => CAMPAIGN_TRANSITIONS[action].from.includes(status));
}

const STATUS_TONES: Readonly<Record<CampaignStatus, Tone>> = {
  draft: 'neutral',
  running: 'success',
  paused: 'warning',
  finished: 'muted',
};

export const campaignStatusTone = (status: CampaignStatus): Tone => STATUS_TONES[status];

/** A specific text for the campaign conflicts the server explains in `details.reason`; null for any other error. */
export function campaignConflictKey(error: ApiError | null): MessageKey | null {
  if (!error || error.code !== ErrorCode.Conflict) return null;
  const details = error.details as Partial<CampaignConflictDetails> | undefined;
  const reason = details?.reason;
  if (reason === undefined) return null;
  switch (reason) {
    case CampaignError.IllegalTransition:
      return 'campaigns.conflict.illegal_transition';
    case CampaignError.LockedFields:
      return 'campaigns.conflict.locked_fields';
    case CampaignError.NotReady:
      return 'campaigns.conflict.not_ready';
    default:
      return assertNever(reason);
  }
}
