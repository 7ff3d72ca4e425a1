import type { MessageStatusUpdate, OutboundSend, SendResult } from './messaging.type';

export type MessageStatusSink = (update: MessageStatusUpdate) => Promise<void>;

/**
 * The one way messages reach debtors' phones: `simulated` (the default) keeps an outbox a demo or
 * test reads and reports deliveries itself; `twilio` sends through Twilio Messaging and hears back
 * through the signed status callback.
 */
export interface MessagingCarrier {
  readonly name: 'simulated' | 'twilio';
  send(request: OutboundSend): Promise<SendResult>;
  /** Where a carrier that reports deliveries in-process sends them; set once at start-up. */
  onStatus?(sink: MessageStatusSink): void;
  close(): Promise<void>;
}

export const MESSAGING_CARRIER = Symbol('MESSAGING_CARRIER');
