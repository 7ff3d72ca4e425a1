import type { CampaignResponse, DispositionSetResponse } from '@recupera/shared';
import type { CampaignRow, DispositionSetRow } from './campaigns.repository';

export function toCampaignResponse(c: CampaignRow): CampaignResponse {
  return {
    id: c.id,
    name: c.name,
    channel: c.channel,
    status: c.status,
    portfolioId: c.portfolioId,
    portfolioName: c.portfolioName,
    clientId: c.clientId,
    clientCode: c.clientCode,
    clientName: c.clientName,
    currency: c.currency,
    segment: c.segment,
    dialMode: c.dialMode,
    linesPerAgent: c.pacing.linesPerAgent,
    maxLinesPerAgent: c.pacing.maxLinesPerAgent,
    abandonCapBp: c.abandonCapBp,
    ringTimeoutSeconds: c.ringTimeoutSeconds,
    machineAction: c.machineAction,
    abandonMessage: c.abandonMessage,
    wrapUpLimitSeconds: c.wrapUpLimitSeconds,
    wrapUpOverrun: c.wrapUpOverrun,
    retryRules: c.retryRules,
    schedule: c.schedule,
    dispositionSetId: c.dispositionSetId,
    dispositionSetName: c.dispositionSetName,
    scriptVersionId: c.scriptVersionId,
    complianceProfile: c.complianceProfile,
    teamIds: c.teams.map((t) => t.id),
    teams: c.teams,
    counts: { attempts: c.attempts, accountsAttempted: c.accountsAttempted },
    startedAt: c.startedAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toDispositionSetResponse(row: DispositionSetRow): DispositionSetResponse {
  return {
    id: row.set.id,
    name: row.set.name,
    dispositions: row.dispositions.map((d) => ({
      id: d.id,
      code: d.code,
      labelEs: d.labelEs,
      labelEn: d.labelEn,
      category: d.category,
      isContact: d.isContact,
      isRpc: d.isRpc,
      isPromise: d.isPromise,
    })),
  };
}
