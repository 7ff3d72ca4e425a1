import { Inject, Injectable } from '@nestjs/common';
import {
  agentConferenceTwiml,
  answerTwiml,
  twilioWebhookOutcome,
  type TwilioCarrier,
  type TwilioWebhookKind,
} from '@recupera/dialer';
import { userOfVoiceClient } from '@recupera/shared';
import type { Redis } from 'ioredis';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { TWILIO_CARRIER, TWILIO_WEBHOOK_DEDUP_SECONDS } from './telephony.constant';

@Injectable()
export class TwilioWebhooksService {
  constructor(
    @Inject(TWILIO_CARRIER) private readonly carrier: TwilioCarrier | null,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  answer(): string {
    return answerTwiml();
  }

  agent(agentId: string | null, params: Record<string, string>): string {
    const user = agentId ?? userOfVoiceClient(params['From'] ?? '');
    if (!user) throw AppException.invalid('agentId or a client:user-<id> caller is required');
    return agentConferenceTwiml(user);
  }

  /**
   * Hands a verified webhook to the carrier once: Twilio retries deliveries it thinks failed, so
   * each (call, kind, outcome) is remembered in Redis and a repeat is acknowledged without effect.
   */
  async receive(kind: TwilioWebhookKind, callId: string, params: Record<string, string> = {}): Promise<void> {
    if (!this.carrier) throw AppException.forbidden('Twilio is not configured');
    const callSid = params['CallSid'];
    if (!callSid) throw AppException.invalid('CallSid is required');
    const key = `${this.config.queuePrefix}:twilio:webhook:${callSid}:${kind}:${twilioWebhookOutcome(kind, params)}`;
    const first = await this.redis.set(key, '1', 'EX', TWILIO_WEBHOOK_DEDUP_SECONDS, 'NX');
    if (first === null) return;
    try {
      await this.carrier.handleWebhook(kind, callId, params);
    } catch (error) {
      // Forget the delivery so Twilio's retry is processed rather than taken for a duplicate.
      await this.redis.del(key).catch(() => undefined);
      throw error;
    }
  }
}
