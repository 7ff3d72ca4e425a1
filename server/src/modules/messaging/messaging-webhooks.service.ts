import { Injectable, Logger } from '@nestjs/common';
import { consentKeyword, type ConsentKeyword } from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { ConsentService } from '../compliance/consent.service';
import { ConversationsService } from '../conversations/conversations.service';
import type { InboundMessage } from './messaging.type';
import { optInConfirmation, optOutConfirmation, refusedMediaNotice } from './messaging-replies.util';
import { OutboundMessagesService } from './outbound-messages.service';
import { parseInboundMessage, splitInboundMedia } from './twilio-inbound.util';
import { toMessageStatus } from './twilio-message-status.util';

/**
 * What Twilio (or the simulated carrier) tells us about messages: a debtor's message in — an opt-out
 * keyword withdraws consent for that channel at once and is not routed to an agent — and delivery
 * reports. A retried webhook changes nothing and sends nothing again.
 */
@Injectable()
export class MessagingWebhooksService {
  private readonly logger = new Logger(MessagingWebhooksService.name);

  constructor(
    private readonly conversations: ConversationsService,
    private readonly consent: ConsentService,
    private readonly outbound: OutboundMessagesService,
  ) {}

  async inbound(params: Record<string, unknown>, now: Date): Promise<void> {
    const parsed = parseInboundMessage(params, now);
    if ('problem' in parsed) throw AppException.invalid(parsed.problem);
    const { accepted, refused } = splitInboundMedia(parsed.message.channel, parsed.message.media);
    const message: InboundMessage = { ...parsed.message, media: accepted };
    const keyword = consentKeyword(message.body);
    const stored = await this.conversations.receiveInbound(message, { route: keyword === null });
    if (keyword) await this.keywordReceived(message, keyword, stored.messageId, stored.duplicate, now);
    if (refused.length > 0 && !stored.duplicate)
      await this.reply(
        message,
        refusedMediaNotice(
          message.channel,
          refused.map((m) => m.contentType),
        ),
      );
  }

  /** A delivery report; one about a message we do not know, or a status that is no step, is ignored. */
  async status(params: Record<string, unknown>, now: Date): Promise<void> {
    const field = (name: string): string =>
      typeof params[name] === 'string' ? (params[name] as string) : '';
    const carrierSid = field('MessageSid');
    if (!carrierSid || !field('MessageStatus'))
      throw AppException.invalid('MessageSid and MessageStatus are required');
    const status = toMessageStatus(field('MessageStatus'));
    if (!status) return;
    await this.conversations.applyStatus({
      carrierSid,
      status,
      errorCode: field('ErrorCode') || null,
      at: now,
    });
  }

  private async keywordReceived(
    message: InboundMessage,
    keyword: ConsentKeyword,
    messageId: string,
    duplicate: boolean,
    now: Date,
  ): Promise<void> {
    const points = await this.consent.pointsReachedAt(message.channel, message.from);
    const ids = points.map((p) => p.id);
    // A retry is honoured only when its first delivery stored the message but failed before the consent.
    if (duplicate && (ids.length === 0 || (await this.consent.reflects(ids, message.channel, messageId))))
      return;
    const clients = points.map((p) => p.clientName);
    if (keyword.kind === 'opt_out') {
      await this.consent.withdraw(ids, message.channel, keyword.keyword, messageId, null, now);
      await this.reply(message, optOutConfirmation(message.channel, clients));
    } else {
      await this.consent.grant(ids, message.channel, keyword.keyword, messageId, null, now);
      await this.reply(message, optInConfirmation(message.channel, clients));
    }
  }

  /** A confirmation or notice; a carrier failure is logged, never undoes what was recorded. */
  private async reply(message: InboundMessage, body: string): Promise<void> {
    try {
      await this.outbound.send({ channel: message.channel, to: message.from, body });
    } catch (error) {
      this.logger.warn(
        `reply to ${message.from} not sent: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}
