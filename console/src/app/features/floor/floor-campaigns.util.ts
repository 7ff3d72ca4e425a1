import {
  CAMPAIGN_LIMITS,
  ComplianceError,
  FLOOR_ALERT_LIMITS,
  type AbandonRates,
  type CampaignStatus,
  type FloorCampaign,
  type UpdateCampaignRequest,
} from '@recupera/shared';
import type { Tone } from '../../ui/tone.util';

/** Where an abandon rate stands against the campaign's cap. */
export type CapLevel = 'none' | 'ok' | 'near' | 'over';

export const ABANDON_WINDOWS = ['hour', 'today', 'days30'] as const satisfies readonly (keyof AbandonRates)[];
export type AbandonWindow = (typeof ABANDON_WINDOWS)[number];

const LEVEL_RANK: Readonly<Record<CapLevel, number>> = { none: 0, ok: 1, near: 2, over: 3 };
const LEVEL_TONES: Readonly<Record<CapLevel, Tone>> = {
  none: 'muted',
  ok: 'success',
  near: 'warning',
  over: 'danger',
};

/**
 * An abandon rate (a share, 0.021) against a cap in basis points (300 = 3 %): near from the share
 * of the cap the server alerts at, over once it reaches the cap (the dialer must stop there).
 */
export function capLevel(rate: number | null, capBp: number): CapLevel {
  if (rate === null || capBp <= 0) return 'none';
  // In basis points, with a hair of tolerance: 0.03 × 0.8 is not exactly 0.024 in floating point.
  const rateBp = rate * 10_000 + 1e-9;
  if (rateBp >= capBp) return 'over';
  return rateBp >= capBp * FLOOR_ALERT_LIMITS.abandonShareOfCap ? 'near' : 'ok';
}

export function worstCapLevel(levels: readonly CapLevel[]): CapLevel {
  return levels.reduce<CapLevel>(
    (worst, level) => (LEVEL_RANK[level] > LEVEL_RANK[worst] ? level : worst),
    'none',
  );
}

export const capLevelTone = (level: CapLevel): Tone => LEVEL_TONES[level];

/** How full the bar is: the rate as a share of the cap, 0 to 1 (a full bar is at or over the cap). */
export function capShare(rate: number | null, capBp: number): number {
  if (rate === null || capBp <= 0) return 0;
  return Math.min(1, Math.max(0, rate / (capBp / 10_000)));
}

export const bpToPercent = (bp: number): number => bp / 100;
export const percentToBp = (percent: number): number => Math.round(percent * 100);

/** The cap and ratio as the supervisor types them (an empty string is no value). */
export interface PacingDraft {
  capPercent: string;
  linesPerAgent: string;
}

export type PacingProblem = 'required' | 'capRange' | 'capStep' | 'ratioRange';

export type PacingChanges = Pick<UpdateCampaignRequest, 'abandonCapBp' | 'linesPerAgent'>;

export interface PacingCheck {
  problems: { capPercent: PacingProblem | null; linesPerAgent: PacingProblem | null };
  /** Only what differs from the campaign; empty when nothing changed or something is wrong. */
  changes: PacingChanges;
}

export function pacingDraftOf(campaign: Pick<FloorCampaign, 'abandonCapBp' | 'linesPerAgent'>): PacingDraft {
  return {
    capPercent: String(bpToPercent(campaign.abandonCapBp)),
    linesPerAgent: String(campaign.linesPerAgent),
  };
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

function capProblem(percent: number | null): PacingProblem | null {
  if (percent === null) return 'required';
  const { min, max } = CAMPAIGN_LIMITS.abandonCapBp;
  if (Number.isNaN(percent) || percent * 100 < min - 1e-9 || percent * 100 > max + 1e-9) return 'capRange';
  // The cap is stored in whole basis points: 2.5 % is fine, 2.555 % is not.
  return Math.abs(percent * 100 - percentToBp(percent)) > 1e-6 ? 'capStep' : null;
}

function ratioProblem(lines: number | null): PacingProblem | null {
  if (lines === null) return 'required';
  const { min, max } = CAMPAIGN_LIMITS.linesPerAgent;
  return Number.isInteger(lines) && lines >= min && lines <= max ? null : 'ratioRange';
}

/** Validates the inline pacing form within CAMPAIGN_LIMITS and says what would change. */
export function checkPacing(
  campaign: Pick<FloorCampaign, 'abandonCapBp' | 'linesPerAgent'>,
  draft: PacingDraft,
): PacingCheck {
  const percent = parseNumber(draft.capPercent);
  const lines = parseNumber(draft.linesPerAgent);
  const problems = { capPercent: capProblem(percent), linesPerAgent: ratioProblem(lines) };
  if (problems.capPercent || problems.linesPerAgent) return { problems, changes: {} };
  const changes: PacingChanges = {};
  const bp = percentToBp(percent!);
  if (bp !== campaign.abandonCapBp) changes.abandonCapBp = bp;
  if (lines !== campaign.linesPerAgent) changes.linesPerAgent = lines!;
  return { problems, changes };
}

/**
 * What this supervisor changed on a campaign, on the server's clock: shown over the snapshots
 * computed before it, so a pause does not flicker back to "running" until the next one arrives.
 */
export interface CampaignOverride {
  status?: CampaignStatus;
  abandonCapBp?: number;
  linesPerAgent?: number;
  atMs: number;
}

export function applyOverrides(
  campaigns: readonly FloorCampaign[],
  overrides: ReadonlyMap<string, CampaignOverride>,
  snapshotAtMs: number,
): FloorCampaign[] {
  return campaigns.map((campaign) => {
    const override = overrides.get(campaign.campaignId);
    if (!override || override.atMs <= snapshotAtMs) return campaign;
    const { atMs: _at, ...changes } = override;
    return { ...campaign, ...changes };
  });
}

/** The overrides a snapshot has not caught up with yet. */
export function pendingOverrides(
  overrides: ReadonlyMap<string, CampaignOverride>,
  snapshotAtMs: number,
): Map<string, CampaignOverride> {
  return new Map([...overrides].filter(([, override]) => override.atMs > snapshotAtMs));
}

const COMPLIANCE_ERRORS = new Set<string>(Object.values(ComplianceError));

/** Gate refusal reasons are the compliance error codes; anything else is shown as it came. */
export function isComplianceReason(reason: string): reason is ComplianceError {
  return COMPLIANCE_ERRORS.has(reason);
}
