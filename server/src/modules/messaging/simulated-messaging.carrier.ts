import { randomBytes } from 'node:crypto';
import type { MessageStatus, SimulatedOutboxMessage } from '@recupera/shared';
import type { Redis } from 'ioredis';
import type { MessageStatusSink, MessagingCarrier } from './messaging-carrier.type';
import type { OutboundSend, SendResult } from './messaging.type';

/** Messages kept per number in the outbox (a phone's recent messages, not an archive). */
const OUTBOX_PER_NUMBER = 50;
/** Twilio's "unreachable destination handset". */
const UNREACHABLE_ERROR = '30003';

export interface SimulatedMessagingOptions {
  redis: Redis;
  keyPrefix: string;
  /** Scales the delays before "sent" and "delivered" (1 = about 0.2 s and 0.6 s). */
  timeScale: number;
  /** Our sending number, shown as the sender in the outbox. */
  from: string;
  /** Numbers ending in these digits never receive: reported undelivered (error 30003). */
  unreachableSuffix: string;
}

/**
 * The default carrier: what it "sends" lands in a Redis outbox per number (what the debtor's phone
 * would show; demos and tests read their one-time codes there), then it reports the message sent and
 * delivered after a moment, or undelivered for unreachable numbers, as Twilio's callbacks would.
 */
export class SimulatedMessagingCarrier implements MessagingCarrier {
  readonly name = 'simulated' as const;
  private sink: MessageStatusSink | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: SimulatedMessagingOptions) {}

  onStatus(sink: MessageStatusSink): void {
    this.sink = sink;
  }

  async send(request: OutboundSend): Promise<SendResult> {
    const carrierSid = `SM${randomBytes(16).toString('hex')}`;
    const message: SimulatedOutboxMessage = {
      carrierSid,
      channel: request.channel,
      to: request.to,
      from: this.options.from,
      body: request.body,
      at: new Date().toISOString(),
    };
    const key = this.outboxKey(request.to);
    await this.options.redis
      .multi()
      .lpush(key, JSON.stringify(message))
      .ltrim(key, 0, OUTBOX_PER_NUMBER - 1)
      .pexpire(key, 86_400_000)
      .exec();
    const unreachable = request.to.endsWith(this.options.unreachableSuffix);
    this.report(carrierSid, 'sent', 200, null);
    this.report(
      carrierSid,
      unreachable ? 'undelivered' : 'delivered',
      600,
      unreachable ? UNREACHABLE_ERROR : null,
    );
    return { carrierSid, status: 'queued' };
  }

  /** The newest messages sent to `to`, newest first. */
  async outbox(to: string, limit: number): Promise<SimulatedOutboxMessage[]> {
    const raw = await this.options.redis.lrange(this.outboxKey(to), 0, limit - 1);
    return raw.map((item) => JSON.parse(item) as SimulatedOutboxMessage);
  }

  /** Reports not yet made are dropped: the app is going away. */
  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    return Promise.resolve();
  }

  private report(carrierSid: string, status: MessageStatus, delayMs: number, errorCode: string | null): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.sink?.({ carrierSid, status, errorCode, at: new Date() }).catch(() => undefined);
    }, delayMs * this.options.timeScale);
    this.timers.add(timer);
  }

  private outboxKey(to: string): string {
    return `${this.options.keyPrefix}:simulated-outbox:${to}`;
  }
}
