import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, type OutboundMessageResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { TeamsService } from '../teams/teams.service';
import { DirectMessagesRepository, type DirectMessageScope } from './direct-messages.repository';
import type { OutboundMessageDto } from './message-campaigns.dto';
import { MessageDispatchService, type MessageContent } from './message-dispatch.service';
import { MessageTemplatesRepository } from './message-templates.repository';

/** What a refusal tells the caller, as the console switches on it. */
export interface MessageRefusedDetails {
  reason: string;
  retryAt: string | null;
}

/** One message a person writes to a debtor outside a conversation, through the same gate as campaigns. */
@Injectable()
export class DirectMessagesService {
  constructor(
    private readonly targets: DirectMessagesRepository,
    private readonly templates: MessageTemplatesRepository,
    private readonly dispatch: MessageDispatchService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
  ) {}

  async send(user: AuthUser, dto: OutboundMessageDto, ip: string | null): Promise<OutboundMessageResponse> {
    if ((dto.templateId === undefined) === (dto.body === undefined))
      throw AppException.invalid('Send either a templateId or a body', {
        errors: ['templateId or body: exactly one of them'],
      });
    const target = await this.targets.target(await this.scopeFor(user), dto.accountId, dto.contactPointId);
    if (!target) throw AppException.notFound('Account');
    if (!target.point) throw AppException.notFound('Contact point');
    const fits =
      target.point.type === 'mobile' || (dto.channel === 'whatsapp' && target.point.type === 'whatsapp');
    if (!fits)
      throw AppException.invalid(`A ${target.point.type} contact point cannot take ${dto.channel} messages`);
    let content: MessageContent;
    if (dto.templateId !== undefined) {
      const template = await this.templates.find(dto.templateId);
      if (!template || !template.active) throw AppException.notFound('Message template');
      if (template.channel !== dto.channel)
        throw AppException.invalid(`Template ${template.id} is for ${template.channel}, not ${dto.channel}`);
      if (template.clientId !== null && template.clientId !== target.clientId)
        throw AppException.invalid(`Template ${template.id} is another client's`);
      content = { template };
    } else {
      if (dto.body!.trim().length === 0) throw AppException.invalid('The message is empty');
      content = { text: dto.body! };
    }
    const result = await this.dispatch.dispatch(
      {
        accountId: target.accountId,
        channel: dto.channel,
        point: target.point,
        content,
        messageCampaignId: null,
        agentId: user.role === 'agent' ? user.id : null,
        paced: false,
      },
      new Date(),
    );
    switch (result.outcome) {
      case 'blocked': {
        const details: MessageRefusedDetails = {
          reason: result.reason,
          retryAt: result.retryAt?.toISOString() ?? null,
        };
        throw new AppException(
          ErrorCode.Conflict,
          HttpStatus.CONFLICT,
          `The message may not be sent: ${result.reason}`,
          details,
        );
      }
      case 'failed':
        throw new AppException(
          ErrorCode.ServiceUnavailable,
          HttpStatus.BAD_GATEWAY,
          `The carrier did not take the message: ${result.detail}`,
          { reason: result.reason },
        );
      case 'sent':
        await this.audit.record({
          actor: user,
          action: 'message.sent',
          entityType: 'message',
          entityId: result.messageId,
          after: {
            accountId: target.accountId,
            channel: dto.channel,
            contactPointId: target.point.id,
            templateId: dto.templateId ?? null,
            conversationId: result.conversationId,
          },
          ip,
        });
        return { messageId: result.messageId, conversationId: result.conversationId };
    }
  }

  private async scopeFor(user: AuthUser): Promise<DirectMessageScope> {
    if (user.role === 'agent') return { kind: 'agent', agentId: user.id };
    const teams = await this.teams.visibleTeamIds(user);
    return teams === 'all' ? { kind: 'all' } : { kind: 'teams', teamIds: teams };
  }
}
