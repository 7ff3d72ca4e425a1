import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CAMPAIGN_DEFAULTS as D,
  CampaignError,
  ErrorCode,
  type CampaignAction,
  type CampaignConflictDetails,
  type CampaignResponse,
  type CampaignStatus,
  type DispositionSetResponse,
  type Jurisdiction,
  type SegmentCountResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork, type Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { Portfolio } from '../clients/portfolio.entity';
import { ScriptsService } from '../scripts/scripts.service';
import { TeamsService } from '../teams/teams.service';
import {
  campaignProblems,
  lockedFields,
  nextStatus,
  normalizeSegment,
  type ResolvedCampaign,
} from './campaign-rules.util';
import type { CampaignScope } from './campaign-scope.type';
import type { Campaign } from './campaign.entity';
import { toCampaignResponse, toDispositionSetResponse } from './campaign.mapper';
import type { CreateCampaignDto, SegmentPreviewDto, UpdateCampaignDto } from './campaigns.dto';
import { CampaignsRepository } from './campaigns.repository';

const PAST_TENSE: Readonly<Record<CampaignAction, string>> = {
  start: 'started',
  pause: 'paused',
  resume: 'resumed',
  finish: 'finished',
};

function conflict(message: string, details: CampaignConflictDetails): AppException {
  return new AppException(ErrorCode.Conflict, HttpStatus.CONFLICT, message, details);
}

/** What the audit trail keeps of a campaign: the row plus its teams (they live in another table). */
function auditView(campaign: Campaign, teamIds: string[]): object {
  return { ...campaign, teamIds };
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly scripts: ScriptsService,
    private readonly uow: UnitOfWork,
  ) {}

  async scopeFor(user: AuthUser): Promise<CampaignScope> {
    const visible = await this.teams.visibleTeamIds(user);
    return visible === 'all' ? { kind: 'all' } : { kind: 'teams', teamIds: visible };
  }

  async list(user: AuthUser): Promise<CampaignResponse[]> {
    return (await this.campaigns.list(await this.scopeFor(user))).map(toCampaignResponse);
  }

  async get(user: AuthUser, id: string): Promise<CampaignResponse> {
    // Another team's campaign answers exactly like a missing one, so its id reveals nothing.
    const campaign = await this.campaigns.findInScope(await this.scopeFor(user), id);
    if (!campaign) throw AppException.notFound('Campaign');
    return toCampaignResponse(campaign);
  }

  async create(actor: AuthUser, dto: CreateCampaignDto, ip: string | null): Promise<CampaignResponse> {
    const scope = await this.scopeFor(actor);
    const portfolio = await this.campaigns.findPortfolio(dto.portfolioId);
    const resolved: ResolvedCampaign = {
      name: dto.name.trim(),
      segment: normalizeSegment(dto.segment),
      dialMode: dto.dialMode,
      linesPerAgent: dto.linesPerAgent ?? D.linesPerAgent,
      maxLinesPerAgent: dto.maxLinesPerAgent ?? D.maxLinesPerAgent,
      abandonCapBp: dto.abandonCapBp ?? D.abandonCapBp,
      ringTimeoutSeconds: dto.ringTimeoutSeconds ?? D.ringTimeoutSeconds,
      machineAction: dto.machineAction ?? D.machineAction,
      abandonMessage: dto.abandonMessage?.trim() ?? D.abandonMessage,
      wrapUpLimitSeconds:
        dto.wrapUpLimitSeconds === undefined ? D.wrapUpLimitSeconds : dto.wrapUpLimitSeconds,
      wrapUpOverrun: dto.wrapUpOverrun ?? D.wrapUpOverrun,
      retryRules: dto.retryRules ?? D.retryRules.map((rule) => ({ ...rule })),
      schedule: dto.schedule ?? { ...D.schedule, days: [...D.schedule.days] },
      dispositionSetId: dto.dispositionSetId ?? null,
      scriptVersionId: dto.scriptVersionId ?? null,
      // The debtor's jurisdiction is what the law follows; the portfolio's is the usual default.
      complianceProfile: dto.complianceProfile ?? portfolio?.jurisdiction ?? 'CO',
      teamIds: dto.teamIds,
    };
    await this.assertValid(scope, resolved, dto.portfolioId, portfolio, []);
    const id = await this.uow.run(async (tx) => {
      const saved = await this.campaigns.insert(
        {
          ...this.columns(resolved),
          portfolioId: dto.portfolioId,
          channel: dto.channel ?? 'voice',
          status: 'draft',
          createdBy: actor.id,
        },
        resolved.teamIds,
        tx,
      );
      await this.audit.record(
        {
          actor,
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: saved.id,
          after: auditView(saved, resolved.teamIds),
          ip,
        },
        tx,
      );
      return saved.id;
    });
    return this.get(actor, id);
  }

  /**
   * Draft: anything. Paused: anything but the portfolio and channel, taking effect on resume.
   * Running: only the pacing knobs (CAMPAIGN_EDITABLE_WHILE_RUNNING). Finished: nothing.
   * Lists and objects (segment, schedule, retry rules, teams) are replaced whole, never merged.
   */
  async update(
    actor: AuthUser,
    id: string,
    dto: UpdateCampaignDto,
    ip: string | null,
  ): Promise<CampaignResponse> {
    const scope = await this.scopeFor(actor);
    if (!(await this.campaigns.findInScope(scope, id))) throw AppException.notFound('Campaign');
    await this.uow.run(async (tx) => {
      const before = await this.lock(id, tx);
      const locked = lockedFields(before.status, dto);
      if (locked.length > 0) {
        throw conflict(`A ${before.status} campaign cannot change ${locked.join(', ')}`, {
          reason: CampaignError.LockedFields,
          status: before.status,
          fields: locked,
        });
      }
      const teamIdsBefore = await this.campaigns.teamIdsOf(id, tx);
      const portfolioId = dto.portfolioId ?? before.portfolioId;
      const portfolio = await this.campaigns.findPortfolio(portfolioId);
      const complianceProfile =
        dto.complianceProfile ?? (await this.profileAfterMove(before, portfolioId, portfolio));
      const keep = <K extends keyof UpdateCampaignDto, V>(key: K, current: V): V =>
        dto[key] === undefined ? current : (dto[key] as V);
      const resolved: ResolvedCampaign = {
        name: dto.name?.trim() ?? before.name,
        segment: dto.segment === undefined ? before.segment : normalizeSegment(dto.segment),
        dialMode: dto.dialMode ?? before.dialMode,
        linesPerAgent: dto.linesPerAgent ?? before.pacing.linesPerAgent,
        maxLinesPerAgent: dto.maxLinesPerAgent ?? before.pacing.maxLinesPerAgent,
        abandonCapBp: dto.abandonCapBp ?? before.abandonCapBp,
        ringTimeoutSeconds: dto.ringTimeoutSeconds ?? before.ringTimeoutSeconds,
        machineAction: dto.machineAction ?? before.machineAction,
        abandonMessage: dto.abandonMessage?.trim() ?? before.abandonMessage,
        wrapUpLimitSeconds: keep('wrapUpLimitSeconds', before.wrapUpLimitSeconds),
        wrapUpOverrun: dto.wrapUpOverrun ?? before.wrapUpOverrun,
        retryRules: dto.retryRules ?? before.retryRules,
        schedule: dto.schedule ?? before.schedule,
        dispositionSetId: keep('dispositionSetId', before.dispositionSetId),
        scriptVersionId: keep('scriptVersionId', before.scriptVersionId),
        complianceProfile,
        teamIds: dto.teamIds ?? teamIdsBefore,
      };
      await this.assertValid(scope, resolved, portfolioId, portfolio, teamIdsBefore);
      const after = await this.campaigns.update(
        {
          ...before,
          ...this.columns(resolved),
          portfolioId,
          channel: dto.channel ?? before.channel,
        },
        dto.teamIds,
        tx,
      );
      await this.audit.record(
        {
          actor,
          action: 'campaign.updated',
          entityType: 'campaign',
          entityId: id,
          before: auditView(before, teamIdsBefore),
          after: auditView(after, resolved.teamIds),
          ip,
        },
        tx,
      );
    });
    return this.get(actor, id);
  }

  /** start | pause | resume | finish; an action the lifecycle does not allow from here is a 409. */
  async transition(
    actor: AuthUser,
    id: string,
    action: CampaignAction,
    ip: string | null,
  ): Promise<CampaignResponse> {
    const scope = await this.scopeFor(actor);
    if (!(await this.campaigns.findInScope(scope, id))) throw AppException.notFound('Campaign');
    await this.uow.run(async (tx) => {
      const before = await this.lock(id, tx);
      const to = nextStatus(before.status, action);
      if (!to) {
        throw conflict(`A ${before.status} campaign cannot ${action}`, {
          reason: CampaignError.IllegalTransition,
          status: before.status,
          action,
        });
      }
      if (action === 'start') await this.assertReady(before, tx);
      const now = new Date();
      const changes: { status: CampaignStatus; startedAt?: Date; finishedAt?: Date } = { status: to };
      if (action === 'start') changes.startedAt = now;
      if (to === 'finished') changes.finishedAt = now;
      await this.campaigns.setStatus(id, changes, tx);
      await this.audit.record(
        {
          actor,
          action: `campaign.${PAST_TENSE[action]}`,
          entityType: 'campaign',
          entityId: id,
          before: { status: before.status },
          after: changes,
          ip,
        },
        tx,
      );
    });
    return this.get(actor, id);
  }

  async segmentCount(user: AuthUser, id: string): Promise<SegmentCountResponse> {
    const scope = await this.scopeFor(user);
    const campaign = await this.campaigns.findInScope(scope, id);
    if (!campaign) throw AppException.notFound('Campaign');
    return this.campaigns.countSegment(
      scope,
      campaign.portfolioId,
      campaign.segment,
      campaign.teams.map((t) => t.id),
    );
  }

  /** The editor's live count of a segment not saved yet. */
  async previewSegment(user: AuthUser, dto: SegmentPreviewDto): Promise<SegmentCountResponse> {
    const scope = await this.scopeFor(user);
    if (!(await this.campaigns.findPortfolio(dto.portfolioId))) {
      throw AppException.invalid(`Portfolio ${dto.portfolioId} does not exist`, {
        errors: [`portfolioId: portfolio ${dto.portfolioId} does not exist`],
      });
    }
    return this.campaigns.countSegment(scope, dto.portfolioId, normalizeSegment(dto.segment), [
      ...new Set(dto.teamIds ?? []),
    ]);
  }

  async dispositionSets(): Promise<DispositionSetResponse[]> {
    return (await this.campaigns.dispositionSets()).map(toDispositionSetResponse);
  }

  private async lock(id: string, tx: Tx): Promise<Campaign> {
    const campaign = await this.campaigns.lockById(id, tx);
    if (!campaign) throw AppException.notFound('Campaign');
    return campaign;
  }

  /**
   * A draft moved to another portfolio follows the new portfolio's jurisdiction, unless someone had
   * chosen a profile other than the old portfolio's default.
   */
  private async profileAfterMove(
    before: Campaign,
    portfolioId: string,
    portfolio: Portfolio | null,
  ): Promise<Jurisdiction> {
    if (portfolioId === before.portfolioId || !portfolio) return before.complianceProfile;
    const previous = await this.campaigns.findPortfolio(before.portfolioId);
    return previous?.jurisdiction === before.complianceProfile
      ? portfolio.jurisdiction
      : before.complianceProfile;
  }

  private columns(c: ResolvedCampaign): Partial<Campaign> {
    return {
      name: c.name,
      segment: c.segment,
      dialMode: c.dialMode,
      pacing: { linesPerAgent: c.linesPerAgent, maxLinesPerAgent: c.maxLinesPerAgent },
      abandonCapBp: c.abandonCapBp,
      ringTimeoutSeconds: c.ringTimeoutSeconds,
      machineAction: c.machineAction,
      abandonMessage: c.abandonMessage,
      wrapUpLimitSeconds: c.wrapUpLimitSeconds,
      wrapUpOverrun: c.wrapUpOverrun,
      retryRules: c.retryRules.map((r) => ({
        outcome: r.outcome,
        retryAfterMinutes: r.retryAfterMinutes,
        maxPerDay: r.maxPerDay,
      })),
      schedule: { days: [...c.schedule.days], from: c.schedule.from, to: c.schedule.to },
      dispositionSetId: c.dispositionSetId,
      scriptVersionId: c.scriptVersionId,
      complianceProfile: c.complianceProfile,
    };
  }

  /** Every problem at once (one 400 listing them), shape and references alike. */
  private async assertValid(
    scope: CampaignScope,
    c: ResolvedCampaign,
    portfolioId: string,
    portfolio: Portfolio | null,
    teamIdsBefore: string[],
  ): Promise<void> {
    const problems = campaignProblems(c);
    if (!portfolio) problems.push(`portfolioId: portfolio ${portfolioId} does not exist`);
    const existing = new Set(await this.campaigns.existingTeamIds(c.teamIds));
    for (const teamId of c.teamIds) {
      if (!existing.has(teamId)) problems.push(`teamIds: team ${teamId} does not exist`);
    }
    if (scope.kind === 'teams')
      problems.push(...this.supervisorTeamProblems(scope.teamIds, c, teamIdsBefore));
    if (c.dispositionSetId !== null && !(await this.campaigns.dispositionSetExists(c.dispositionSetId))) {
      problems.push(`dispositionSetId: disposition set ${c.dispositionSetId} does not exist`);
    }
    if (c.scriptVersionId !== null && !(await this.scripts.isPublished(c.scriptVersionId))) {
      problems.push(`scriptVersionId: ${c.scriptVersionId} is not a published script version`);
    }
    if (problems.length > 0) {
      throw AppException.invalid(`The campaign has ${problems.length} problem(s)`, { errors: problems });
    }
  }

  /**
   * A supervisor works with their own teams: they may add or remove only those, must keep at least
   * one (or the campaign would leave their sight), and leave other supervisors' teams as they were.
   */
  private supervisorTeamProblems(own: string[], c: ResolvedCampaign, teamIdsBefore: string[]): string[] {
    const problems: string[] = [];
    const mine = (teamId: string) => own.includes(teamId);
    for (const teamId of c.teamIds) {
      if (!mine(teamId) && !teamIdsBefore.includes(teamId))
        problems.push(`teamIds: team ${teamId} is not one of your teams`);
    }
    for (const teamId of teamIdsBefore) {
      if (!mine(teamId) && !c.teamIds.includes(teamId))
        problems.push(`teamIds: team ${teamId} is another supervisor's and cannot be removed by you`);
    }
    if (!c.teamIds.some(mine)) problems.push('teamIds must include at least one of your teams');
    return problems;
  }

  /** A draft may be saved incomplete; dialling needs a disposition set for agents and a team to dial for. */
  private async assertReady(campaign: Campaign, tx: Tx): Promise<void> {
    const problems: string[] = [];
    if (campaign.dispositionSetId === null) problems.push('dispositionSetId is required to start');
    if ((await this.campaigns.teamIdsOf(campaign.id, tx)).length === 0)
      problems.push('teamIds must name at least one team to start');
    if (problems.length > 0) {
      throw conflict(`The campaign is not ready to start: ${problems.join('; ')}`, {
        reason: CampaignError.NotReady,
        status: campaign.status,
        action: 'start',
        problems,
      });
    }
  }
}
