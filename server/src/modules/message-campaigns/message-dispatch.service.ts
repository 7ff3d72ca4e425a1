import { Injectable, Logger } from '@nestjs/common';
import {
  channelSendProblem,
  renderMessage,
  type Jurisdiction,
  type Locale,
  type MessageChannel,
  type MessageTemplateView,
  type RecipientPoint,
  type RenderedMessage,
  type ScriptContext,
} from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { ComplianceGateService } from '../compliance/compliance-gate.service';
import { ConversationsService } from '../conversations/conversations.service';
import type { SendResult } from '../messaging/messaging.type';
import { OutboundMessagesService } from '../messaging/outbound-messages.service';
import { ScriptsService } from '../scripts/scripts.service';
import { MessageDispatchRepository } from './message-dispatch.repository';
import { MessagePacerService } from './message-pacer.service';

export type MessageContent =
  | { template: MessageTemplateView; installment?: ScriptContext['installment'] }
  /** A person's own words, sent as written. */
  | { text: string };

export interface DispatchRequest {
  accountId: string;
  channel: MessageChannel;
  point: Pick<RecipientPoint, 'id' | 'value'>;
  content: MessageContent;
  messageCampaignId: string | null;
  /** The agent who writes it; null for campaigns and reminders. */
  agentId: string | null;
  /** Campaigns and reminders wait for the carrier's throughput; a person's message goes at once. */
  paced: boolean;
}

export type DispatchResult =
  | { outcome: 'sent'; messageId: string; conversationId: string; interactionId: string }
  | { outcome: 'blocked'; reason: string; retryAt: Date | null }
  | { outcome: 'failed'; reason: 'carrier_error'; detail: string };

/**
 * The one path every outbound SMS and WhatsApp of a campaign, a reminder or an agent takes: WhatsApp's
 * template rule, the compliance gate, the template rendered for the account, the attempt written as
 * an interaction (so the gate's caps count it), the carrier, and the message in the debtor's thread.
 */
@Injectable()
export class MessageDispatchService {
  private readonly logger = new Logger(MessageDispatchService.name);

  constructor(
    private readonly repository: MessageDispatchRepository,
    private readonly gate: ComplianceGateService,
    private readonly scripts: ScriptsService,
    private readonly outbound: OutboundMessagesService,
    private readonly conversations: ConversationsService,
    private readonly pacer: MessagePacerService,
  ) {}

  pointsOf(debtorIds: readonly string[]): Promise<Map<string, RecipientPoint[]>> {
    return this.repository.pointsOf(debtorIds);
  }

  async dispatch(request: DispatchRequest, now: Date): Promise<DispatchResult> {
    const address = request.point.value;
    const context = await this.repository.sendContext(request.accountId, request.channel, address);
    if (!context) throw AppException.notFound('Account');
    const template = 'template' in request.content ? request.content.template : null;
    // Inside WhatsApp's window any text may go; the approved template is only needed outside it.
    const freeForm = channelSendProblem(request.channel, null, context.lastInboundAt, now) === null;
    const contentSid =
      request.channel === 'whatsapp' && !freeForm ? (template?.whatsappContentSid ?? null) : null;
    const ruled = channelSendProblem(request.channel, contentSid, context.lastInboundAt, now);
    if (ruled) return { outcome: 'blocked', reason: ruled, retryAt: null };

    const verdict = await this.gate.check(
      { accountId: request.accountId, contactPointId: request.point.id, channel: request.channel },
      now,
    );
    if (!verdict.allowed)
      return { outcome: 'blocked', reason: verdict.reason, retryAt: verdict.retryAt ?? null };

    const rendered = await this.render(request, context.jurisdiction, now);
    if (request.paced) await this.pacer.take();
    const interactionId = await this.repository.insertAttempt({
      accountId: request.accountId,
      debtorId: context.debtorId,
      contactPointId: request.point.id,
      address,
      teamId: context.teamId,
      agentId: request.agentId,
      channel: request.channel,
      at: now,
    });
    let sent: SendResult;
    try {
      sent = await this.outbound.send({
        channel: request.channel,
        to: address,
        body: rendered.body,
        contentSid,
        contentVariables: contentSid ? rendered.variables : undefined,
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.logger.warn(`The carrier refused a ${request.channel} to account ${request.accountId}: ${detail}`);
      await this.repository.attemptFailed(interactionId);
      return { outcome: 'failed', reason: 'carrier_error', detail };
    }
    await this.repository.attemptSent(interactionId, sent.carrierSid);
    const recorded = await this.conversations.recordOutbound({
      channel: request.channel,
      accountId: request.accountId,
      contactPointId: request.point.id,
      address,
      body: rendered.body,
      carrierSid: sent.carrierSid,
      status: sent.status,
      templateId: template?.id ?? null,
      messageCampaignId: request.messageCampaignId,
      interactionId,
      at: now,
    });
    return { outcome: 'sent', ...recorded, interactionId };
  }

  private async render(
    request: DispatchRequest,
    jurisdiction: Jurisdiction,
    now: Date,
  ): Promise<RenderedMessage> {
    if ('text' in request.content) return { body: request.content.text.trim(), variables: {} };
    const { template, installment } = request.content;
    const context = await this.scripts.messageContext(request.accountId, now);
    if (!context) throw AppException.notFound('Account');
    const language: Locale = template.language === 'en' ? 'en' : 'es';
    return renderMessage(
      template.body,
      { ...context, installment: installment ?? null },
      language,
      jurisdiction,
    );
  }
}
