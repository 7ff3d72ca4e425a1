import type { CampaignResponse } from '@recupera/shared';

/** A saved campaign as the API returns it, for the console's tests. */
export function campaignResponse(patch: Partial<CampaignResponse> = {}): CampaignResponse {
  return {
    id: 'c1',
    name: 'Temprana Norte',
    channel: 'voice',
    status: 'draft',
    portfolioId: 'p1',
    portfolioName: 'Tarjetas',
    clientId: 'k1',
    clientCode: 'BCO',
    clientName: 'Banco Andino',
    currency: 'COP',
    segment: { balanceMinMinor: 10_050, agingBuckets: ['31-60'], sectors: ['Norte', 'Sur'], scoreMin: 0 },
    dialMode: 'progressive',
    linesPerAgent: 2,
    maxLinesPerAgent: 3,
    abandonCapBp: 250,
    ringTimeoutSeconds: 25,
    machineAction: 'hang_up',
    abandonMessage: 'Le devolveremos la llamada.',
    retryRules: [{ outcome: 'no_answer', retryAfterMinutes: 120, maxPerDay: 3 }],
    schedule: { days: ['mon', 'tue'], from: '08:00', to: '19:00' },
    dispositionSetId: 's1',
    dispositionSetName: 'Cobranza',
    scriptVersionId: null,
    complianceProfile: 'CO',
    teamIds: ['t1'],
    teams: [{ id: 't1', name: 'Equipo A' }],
    counts: { attempts: 0, accountsAttempted: 0 },
    startedAt: null,
    finishedAt: null,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...patch,
  };
}
