import type { MessageChannel, MessageMedia, MessageStatus } from '@recupera/shared';

/** One message to a debtor's phone, as the messaging carrier sends it. */
export interface OutboundSend {
  channel: MessageChannel;
  /** E.164 (the carrier adds WhatsApp's `whatsapp:` prefix itself). */
  to: string;
  body: string;
  media?: MessageMedia[];
  /** WhatsApp outside the 24-hour window: the approved template and its variables. */
  contentSid?: string | null;
  contentVariables?: Record<string, string>;
}

export interface SendResult {
  carrierSid: string;
  status: MessageStatus;
}

/** A delivery report, from Twilio's status callback or the simulated carrier. */
export interface MessageStatusUpdate {
  carrierSid: string;
  status: MessageStatus;
  errorCode: string | null;
  at: Date;
}

/** A message a debtor sent (SMS or WhatsApp), validated and normalised from the carrier's webhook. */
export interface InboundMessage {
  channel: MessageChannel;
  /** E.164 of the debtor. */
  from: string;
  /** E.164 of our number. */
  to: string;
  body: string;
  media: MessageMedia[];
  carrierSid: string;
  at: Date;
}
