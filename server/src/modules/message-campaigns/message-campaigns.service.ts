import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  MESSAGE_CAMPAIGNS_QUEUE,
  parseAudience,
  type MessageCampaignJobName,
  type MessageCampaignJobs,
  type MessageCampaignSendView,
  type MessageCampaignStatus,
  type MessageCampaignView,
  type Page,
} from '@recupera/shared';
import type { Queue } from 'bullmq';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/page.util';
import { AuditService } from '../audit/audit.service';
import { TeamsService } from '../teams/teams.service';
import type { MessageCampaignDto, MessageCampaignSendsQueryDto } from './message-campaigns.dto';
import { MessageCampaignsRepository, type MessageCampaignScope } from './message-campaigns.repository';
import { MessageTemplatesRepository } from './message-templates.repository';

/** A run may be retried: each rerun skips the accounts already written to. */
export const MESSAGE_CAMPAIGN_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: 100,
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
};

/** One job per campaign at a time, however often it is asked for. */
export const messageCampaignJobId = (campaignId: string) => `message-campaign-${campaignId}`;

function conflict(
  message: string,
  details: { status: MessageCampaignStatus; action: 'start' | 'cancel' },
): AppException {
  return new AppException(ErrorCode.Conflict, HttpStatus.CONFLICT, message, details);
}

/** Outbound message campaigns: created as drafts, started onto their queue, cancelled at any time. */
@Injectable()
export class MessageCampaignsService {
  constructor(
    private readonly campaigns: MessageCampaignsRepository,
    private readonly templates: MessageTemplatesRepository,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    @InjectQueue(MESSAGE_CAMPAIGNS_QUEUE)
    private readonly queue: Queue<
      MessageCampaignJobs[MessageCampaignJobName],
      unknown,
      MessageCampaignJobName
    >,
  ) {}

  async scopeFor(user: AuthUser): Promise<MessageCampaignScope> {
    const visible = await this.teams.visibleTeamIds(user);
    return visible === 'all' ? { kind: 'all' } : { kind: 'teams', teamIds: visible };
  }

  async list(user: AuthUser): Promise<MessageCampaignView[]> {
    return this.campaigns.list(await this.scopeFor(user));
  }

  async get(user: AuthUser, id: string): Promise<MessageCampaignView> {
    // Another team's campaign answers like a missing one.
    const campaign = await this.campaigns.findInScope(await this.scopeFor(user), id);
    if (!campaign) throw AppException.notFound('Message campaign');
    return campaign;
  }

  async create(actor: AuthUser, dto: MessageCampaignDto, ip: string | null): Promise<MessageCampaignView> {
    const scope = await this.scopeFor(actor);
    const problems: string[] = [];
    const parsed = parseAudience(dto.audience);
    if ('problem' in parsed) problems.push(parsed.problem);
    const template = await this.templates.find(dto.templateId);
    const clientId = await this.campaigns.portfolioClient(dto.portfolioId);
    if (!template) problems.push(`templateId: template ${dto.templateId} does not exist`);
    else if (!template.active) problems.push(`templateId: template ${dto.templateId} is not active`);
    if (clientId === null) problems.push(`portfolioId: portfolio ${dto.portfolioId} does not exist`);
    else if (template && template.clientId !== null && template.clientId !== clientId)
      problems.push(`templateId: template ${dto.templateId} is another client's`);
    if (
      clientId !== null &&
      scope.kind === 'teams' &&
      !(await this.campaigns.portfolioHasTeamAccounts(dto.portfolioId, scope.teamIds))
    )
      problems.push(`portfolioId: no account of your teams is in portfolio ${dto.portfolioId}`);
    if (problems.length > 0 || !template || 'problem' in parsed)
      throw AppException.invalid(`The campaign has ${problems.length} problem(s): ${problems.join('; ')}`, {
        errors: problems,
      });
    const id = await this.campaigns.insert({
      name: dto.name.trim(),
      templateId: template.id,
      channel: template.channel,
      portfolioId: dto.portfolioId,
      audience: parsed.audience,
      // A supervisor's campaign writes to their teams' accounts only, whoever else works the portfolio.
      teamIds: scope.kind === 'teams' ? scope.teamIds : null,
      createdBy: actor.id,
    });
    const created = (await this.campaigns.findInScope({ kind: 'all' }, id))!;
    await this.audit.record({
      actor,
      action: 'message_campaign.created',
      entityType: 'message_campaign',
      entityId: id,
      after: created,
      ip,
    });
    return created;
  }

  async start(actor: AuthUser, id: string, ip: string | null): Promise<MessageCampaignView> {
    const before = await this.get(actor, id);
    if (!(await this.campaigns.start(id, new Date())))
      throw conflict(`A ${before.status} campaign cannot be started`, {
        status: before.status,
        action: 'start',
      });
    await this.queue.add(
      'message-campaign.run',
      { campaignId: id },
      { ...MESSAGE_CAMPAIGN_JOB_OPTIONS, jobId: messageCampaignJobId(id) },
    );
    return this.transitioned(actor, id, before, 'message_campaign.started', ip);
  }

  async cancel(actor: AuthUser, id: string, ip: string | null): Promise<MessageCampaignView> {
    const before = await this.get(actor, id);
    if (!(await this.campaigns.cancel(id, new Date())))
      throw conflict(`A ${before.status} campaign cannot be cancelled`, {
        status: before.status,
        action: 'cancel',
      });
    return this.transitioned(actor, id, before, 'message_campaign.canceled', ip);
  }

  async sends(
    user: AuthUser,
    id: string,
    query: MessageCampaignSendsQueryDto,
  ): Promise<Page<MessageCampaignSendView>> {
    const scope = await this.scopeFor(user);
    if (!(await this.campaigns.findInScope(scope, id))) throw AppException.notFound('Message campaign');
    const window = pageWindow(query, 50);
    const [items, total] = await this.campaigns.sends(scope, id, query.outcome, window);
    return toPage(items, total, window);
  }

  private async transitioned(
    actor: AuthUser,
    id: string,
    before: MessageCampaignView,
    action: string,
    ip: string | null,
  ): Promise<MessageCampaignView> {
    const after = (await this.campaigns.findInScope({ kind: 'all' }, id))!;
    await this.audit.record({
      actor,
      action,
      entityType: 'message_campaign',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
      ip,
    });
    return after;
  }
}
