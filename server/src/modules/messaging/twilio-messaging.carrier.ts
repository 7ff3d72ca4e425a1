import { RedirectingRequestClient } from '@recupera/dialer';
import twilio, { type Twilio } from 'twilio';
import type { MessagingCarrier } from './messaging-carrier.type';
import type { OutboundSend, SendResult } from './messaging.type';
import { toMessageStatus, twilioAddress } from './twilio-message-status.util';

export interface TwilioMessagingOptions {
  accountSid: string;
  authToken: string;
  webhookBaseUrl: string;
  apiBaseUrl: string | null;
  /** Our SMS number and WhatsApp sender, E.164. */
  smsFrom: string;
  whatsappFrom: string;
}

/** Sends through Twilio Messaging; delivery reports arrive at the signed status webhook, not here. */
export class TwilioMessagingCarrier implements MessagingCarrier {
  readonly name = 'twilio' as const;
  private readonly client: Twilio;
  private readonly statusCallback: string;

  constructor(private readonly options: TwilioMessagingOptions) {
    this.client = twilio(options.accountSid, options.authToken, {
      httpClient: options.apiBaseUrl ? new RedirectingRequestClient(options.apiBaseUrl) : undefined,
    });
    this.statusCallback = `${options.webhookBaseUrl.replace(/\/+$/, '')}/api/webhooks/twilio/messages/status`;
  }

  async send(request: OutboundSend): Promise<SendResult> {
    const from = request.channel === 'whatsapp' ? this.options.whatsappFrom : this.options.smsFrom;
    const message = await this.client.messages.create({
      to: twilioAddress(request.channel, request.to),
      from: twilioAddress(request.channel, from),
      statusCallback: this.statusCallback,
      ...(request.contentSid
        ? { contentSid: request.contentSid, contentVariables: JSON.stringify(request.contentVariables ?? {}) }
        : { body: request.body }),
      ...(request.media && request.media.length > 0 ? { mediaUrl: request.media.map((m) => m.url) } : {}),
    });
    return { carrierSid: message.sid, status: toMessageStatus(message.status) ?? 'queued' };
  }

  /** The SDK keeps no connection open between requests. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
