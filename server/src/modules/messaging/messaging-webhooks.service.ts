import { Injectable, Logger } from '@nestjs/common';
import { MEDIA_RULES, consentKeyword, type MessageMedia } from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { ConversationsService } from '../conversations/conversations.service';
import { ConsentRepository } from './consent.repository';
import type { InboundMessage } from './messaging.type';
import { OutboundMessagesService } from './outbound-messages.service';
import { toMessageStatus } from './twilio-message-status.util';
import { parseInboundMessage } from './twilio-inbound.util';

const CHANNEL_NAMES = { sms: 'SMS', whatsapp: 'WhatsApp' } as const;

/**
 * What Twilio (or the simulated carrier) tells us about messages: a debtor's message in — an opt-out
 * keyword withdraws consent for that channel at once, then it lands in the debtor's thread — and
 * delivery reports. A retried webhook changes nothing.
 */
@Injectable()
export class MessagingWebhooksService {
  private readonly logger = new Logger(MessagingWebhooksService.name);

  constructor(
    private readonly conversations: ConversationsService,
    private readonly consent: ConsentRepository,
    private readonly outbound: OutboundMessagesService,
    private readonly audit: AuditService,
  ) {}

  async inbound(params: Record<string, unknown>, now: Date): Promise<void> {
    const parsed = parseInboundMessage(params, now);
    if ('problem' in parsed) throw AppException.invalid(parsed.problem);
    const { accepted, refused } = splitMedia(parsed.message);
    const message = { ...parsed.message, media: accepted };
    const keyword = consentKeyword(message.body);
    const stored = await this.conversations.receiveInbound(message, { route: keyword === null });
    if (stored.duplicate) return;
    if (keyword) await this.consentChanged(message, keyword.kind, keyword.keyword, stored.messageId, now);
    if (refused.length > 0)
      await this.reply(
        message,
        `No pudimos recibir tu archivo (${refused.map((m) => m.contentType).join(', ')}): ese tipo de archivo no se acepta por ${CHANNEL_NAMES[message.channel]}.`,
      );
  }

  /** A delivery report; one about a message we do not know is ignored (Twilio retries nothing then). */
  async status(params: Record<string, unknown>, now: Date): Promise<void> {
    const sid = typeof params['MessageSid'] === 'string' ? params['MessageSid'] : '';
    const status = toMessageStatus(
      typeof params['MessageStatus'] === 'string' ? params['MessageStatus'] : '',
    );
    if (!sid || !status) throw AppException.invalid('MessageSid and a known MessageStatus are required');
    const errorCode =
      typeof params['ErrorCode'] === 'string' && params['ErrorCode'] ? params['ErrorCode'] : null;
    await this.conversations.applyStatus({ carrierSid: sid, status, errorCode, at: now });
  }

  private async consentChanged(
    message: InboundMessage,
    kind: 'opt_out' | 'opt_in',
    keyword: string,
    messageId: string,
    now: Date,
  ): Promise<void> {
    const points = await this.consent.pointsOf(message.channel, message.from);
    const status = kind === 'opt_out' ? 'withdrawn' : 'granted';
    await this.consent.set(
      points.map((p) => p.id),
      message.channel,
      status,
      keyword,
      messageId,
      now,
    );
    await this.audit.record({
      actor: null,
      action: kind === 'opt_out' ? 'consent.withdrawn' : 'consent.granted',
      entityType: 'contact_point',
      entityId: points[0]?.id ?? null,
      after: { channel: message.channel, keyword, contactPointIds: points.map((p) => p.id), messageId },
    });
    const client = points[0]?.clientName ?? 'Recupera';
    const channel = CHANNEL_NAMES[message.channel];
    await this.reply(
      message,
      kind === 'opt_out'
        ? `Has sido dado de baja de los mensajes por ${channel} de ${client}. Responde ALTA para volver a recibirlos.`
        : `Volverás a recibir mensajes por ${channel} de ${client}. Responde BAJA para dejar de recibirlos.`,
    );
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

function splitMedia(message: InboundMessage): { accepted: MessageMedia[]; refused: MessageMedia[] } {
  const rules = MEDIA_RULES[message.channel];
  const accepted: MessageMedia[] = [];
  const refused: MessageMedia[] = [];
  for (const item of message.media)
    (rules[item.contentType.split(';')[0]!.trim().toLowerCase()] !== undefined ? accepted : refused).push(
      item,
    );
  return { accepted, refused };
}
