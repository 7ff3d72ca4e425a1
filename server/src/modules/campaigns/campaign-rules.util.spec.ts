import { CAMPAIGN_DEFAULTS, CAMPAIGN_STATUSES, CAMPAIGN_ACTIONS } from '@recupera/shared';
import {
  campaignProblems,
  lockedFields,
  nextStatus,
  normalizeSegment,
  type ResolvedCampaign,
} from './campaign-rules.util';

function campaign(patch: Partial<ResolvedCampaign> = {}): ResolvedCampaign {
  return {
    ...CAMPAIGN_DEFAULTS,
    retryRules: [...CAMPAIGN_DEFAULTS.retryRules],
    schedule: { ...CAMPAIGN_DEFAULTS.schedule },
    name: 'Temprana',
    segment: {},
    dialMode: 'preview',
    complianceProfile: 'CO',
    teamIds: ['1'],
    ...patch,
  };
}

describe('campaign lifecycle', () => {
  it('allows exactly draft → running ↔ paused → finished', () => {
    const allowed = CAMPAIGN_STATUSES.flatMap((status) =>
      CAMPAIGN_ACTIONS.filter((action) => nextStatus(status, action) !== null).map(
        (action) => `${status} -${action}-> ${nextStatus(status, action)}`,
      ),
    );
    expect(allowed).toEqual([
      'draft -start-> running',
      'running -pause-> paused',
      'running -finish-> finished',
      'paused -resume-> running',
      'paused -finish-> finished',
    ]);
  });

  it('lets a running campaign change only its pacing and abandon cap', () => {
    expect(lockedFields('running', { abandonCapBp: 200, linesPerAgent: 2, ringTimeoutSeconds: 30 })).toEqual(
      [],
    );
    expect(lockedFields('running', { abandonCapBp: 200, segment: {}, teamIds: ['1'] })).toEqual([
      'segment',
      'teamIds',
    ]);
  });

  it('lets a paused campaign change anything but its portfolio and channel', () => {
    expect(lockedFields('paused', { segment: {}, dialMode: 'predictive', schedule: undefined })).toEqual([]);
    expect(lockedFields('paused', { portfolioId: '2', channel: 'voice' })).toEqual([
      'portfolioId',
      'channel',
    ]);
  });

  it('freezes a finished campaign and leaves a draft open', () => {
    expect(lockedFields('finished', { name: 'x' })).toEqual(['name']);
    expect(lockedFields('draft', { portfolioId: '2', name: 'x' })).toEqual([]);
  });
});

describe(normalizeSegment.name, () => {
  it('drops empty filters, trims and de-duplicates values', () => {
    expect(
      normalizeSegment({
        sectors: [' Norte ', 'Norte', ''],
        zonas: [],
        agingBuckets: ['0-30', '0-30'],
        scoreMin: 0,
        balanceMaxMinor: undefined,
      }),
    ).toEqual({ sectors: ['Norte'], agingBuckets: ['0-30'], scoreMin: 0 });
    expect(normalizeSegment(undefined)).toEqual({});
  });
});

describe(campaignProblems.name, () => {
  it('accepts the defaults', () => {
    expect(campaignProblems(campaign())).toEqual([]);
  });

  it('lists every crossed range and rule at once', () => {
    const problems = campaignProblems(
      campaign({
        segment: { balanceMinMinor: 10, balanceMaxMinor: 5, daysPastDueMin: 90, daysPastDueMax: 30 },
        linesPerAgent: 4,
        maxLinesPerAgent: 2,
        dialMode: 'predictive',
        abandonMessage: '  ',
        schedule: { days: ['mon', 'mon'], from: '19:00', to: '08:00' },
        retryRules: [
          { outcome: 'busy', retryAfterMinutes: 10, maxPerDay: 1 },
          { outcome: 'busy', retryAfterMinutes: 20, maxPerDay: 1 },
        ],
        teamIds: ['1', '1'],
      }),
    );
    expect(problems).toEqual([
      'segment.balanceMinMinor must not be greater than segment.balanceMaxMinor',
      'segment.daysPastDueMin must not be greater than segment.daysPastDueMax',
      'linesPerAgent must not be greater than maxLinesPerAgent',
      'abandonMessage is required for predictive and progressive campaigns',
      'schedule.from must be earlier than schedule.to',
      'schedule.days must not repeat a day',
      'retryRules has more than one rule for busy',
      'teamIds must not repeat a team',
    ]);
  });

  it('needs no abandon message where nothing dials ahead of an agent', () => {
    expect(campaignProblems(campaign({ dialMode: 'manual', abandonMessage: '' }))).toEqual([]);
    expect(campaignProblems(campaign({ dialMode: 'progressive', abandonMessage: '' }))).toHaveLength(1);
  });
});
