import {
  CAMPAIGN_EDITABLE_WHILE_RUNNING,
  CAMPAIGN_FIXED_AFTER_DRAFT,
  CAMPAIGN_TRANSITIONS,
  type CampaignAction,
  type CampaignSegment,
  type CampaignSettings,
  type CampaignStatus,
  type UpdateCampaignRequest,
} from '@recupera/shared';

/** The campaign as it will be saved: every setting resolved, before the references are checked. */
export interface ResolvedCampaign extends CampaignSettings {
  name: string;
  segment: CampaignSegment;
}

/** The status an action leads to, or null when the lifecycle does not allow it from `status`. */
export function nextStatus(status: CampaignStatus, action: CampaignAction): CampaignStatus | null {
  const rule = CAMPAIGN_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The fields of `changes` that a campaign in `status` does not let change. */
export function lockedFields(status: CampaignStatus, changes: UpdateCampaignRequest): string[] {
  const present = (Object.keys(changes) as (keyof UpdateCampaignRequest)[]).filter(
    (key) => changes[key] !== undefined,
  );
  switch (status) {
    case 'draft':
      return [];
    case 'paused':
      return present.filter((key) => (CAMPAIGN_FIXED_AFTER_DRAFT as readonly string[]).includes(key));
    case 'running':
      return present.filter((key) => !(CAMPAIGN_EDITABLE_WHILE_RUNNING as readonly string[]).includes(key));
    case 'finished':
      return present;
  }
}

function cleanList(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const cleaned = [...new Set(values.map((value) => value.trim()).filter((value) => value.length > 0))];
  return cleaned.length > 0 ? cleaned : undefined;
}

/** Drops empty filters and duplicate values, so equal segments are stored (and audited) alike. */
export function normalizeSegment(segment: CampaignSegment | undefined): CampaignSegment {
  if (!segment) return {};
  const out: CampaignSegment = {
    balanceMinMinor: segment.balanceMinMinor ?? undefined,
    balanceMaxMinor: segment.balanceMaxMinor ?? undefined,
    daysPastDueMin: segment.daysPastDueMin ?? undefined,
    daysPastDueMax: segment.daysPastDueMax ?? undefined,
    agingBuckets: segment.agingBuckets?.length ? [...new Set(segment.agingBuckets)] : undefined,
    sectors: cleanList(segment.sectors),
    zonas: cleanList(segment.zonas),
    products: cleanList(segment.products),
    lastDispositionCodes: cleanList(segment.lastDispositionCodes),
    scoreMin: segment.scoreMin ?? undefined,
    scoreMax: segment.scoreMax ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(out).filter(([, value]) => value !== undefined),
  ) as CampaignSegment;
}

function range(problems: string[], name: string, min: number | undefined, max: number | undefined): void {
  if (min !== undefined && max !== undefined && min > max) {
    problems.push(`${name}Min must not be greater than ${name}Max`);
  }
}

/**
 * The cross-field rules class-validator cannot express on one field. Each problem is one line the
 * console lists under the form, worded like class-validator's own messages.
 */
export function campaignProblems(c: ResolvedCampaign): string[] {
  const problems: string[] = [];
  const s = c.segment;
  if (
    s.balanceMinMinor !== undefined &&
    s.balanceMaxMinor !== undefined &&
    s.balanceMinMinor > s.balanceMaxMinor
  ) {
    problems.push('segment.balanceMinMinor must not be greater than segment.balanceMaxMinor');
  }
  range(problems, 'segment.daysPastDue', s.daysPastDueMin, s.daysPastDueMax);
  range(problems, 'segment.score', s.scoreMin, s.scoreMax);
  if (c.linesPerAgent > c.maxLinesPerAgent) {
    problems.push('linesPerAgent must not be greater than maxLinesPerAgent');
  }
  if ((c.dialMode === 'predictive' || c.dialMode === 'progressive') && c.abandonMessage.trim() === '') {
    // Both modes dial ahead of agents, so a person may answer with nobody free: the law wants a message.
    problems.push('abandonMessage is required for predictive and progressive campaigns');
  }
  if (c.schedule.from >= c.schedule.to) {
    problems.push('schedule.from must be earlier than schedule.to');
  }
  if (new Set(c.schedule.days).size !== c.schedule.days.length) {
    problems.push('schedule.days must not repeat a day');
  }
  const outcomes = c.retryRules.map((rule) => rule.outcome);
  const repeated = outcomes.filter((outcome, index) => outcomes.indexOf(outcome) !== index);
  if (repeated.length > 0) {
    problems.push(`retryRules has more than one rule for ${[...new Set(repeated)].join(', ')}`);
  }
  if (new Set(c.teamIds).size !== c.teamIds.length) {
    problems.push('teamIds must not repeat a team');
  }
  return problems;
}
