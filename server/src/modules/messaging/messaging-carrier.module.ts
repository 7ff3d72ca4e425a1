import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { MESSAGING_CARRIER, type MessagingCarrier } from './messaging-carrier.type';
import { OutboundMessagesService } from './outbound-messages.service';
import { SimulatedMessagingCarrier } from './simulated-messaging.carrier';
import { SimulatedOutboxController } from './simulated-outbox.controller';
import { TwilioMessagingCarrier } from './twilio-messaging.carrier';

/** The messaging carrier (simulated by default, Twilio when configured) and the one way to send. */
@Module({
  controllers: [SimulatedOutboxController],
  providers: [
    {
      provide: MESSAGING_CARRIER,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis): MessagingCarrier =>
        config.carrier === 'twilio' && config.twilio
          ? new TwilioMessagingCarrier({
              ...config.twilio,
              smsFrom: config.messagingFrom.sms,
              whatsappFrom: config.messagingFrom.whatsapp,
            })
          : new SimulatedMessagingCarrier({
              redis,
              keyPrefix: config.queuePrefix,
              timeScale: config.simulatedCarrierTimeScale,
              from: config.messagingFrom.sms,
              unreachableSuffix: config.simulatedCarrierUnreachableSuffix,
            }),
    },
    OutboundMessagesService,
  ],
  exports: [OutboundMessagesService, MESSAGING_CARRIER],
})
export class MessagingCarrierModule implements OnApplicationShutdown {
  constructor(@Inject(MESSAGING_CARRIER) private readonly carrier: MessagingCarrier) {}

  async onApplicationShutdown(): Promise<void> {
    await this.carrier.close();
  }
}
