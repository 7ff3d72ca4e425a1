import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TwilioCarrier } from '@recupera/dialer';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { TWILIO_CARRIER } from './telephony.constant';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioWebhooksController } from './twilio-webhooks.controller';
import { TwilioWebhooksService } from './twilio-webhooks.service';
import { VoiceTokenController } from './voice-token.controller';
import { VoiceTokenService } from './voice-token.service';

export { TWILIO_CARRIER } from './telephony.constant';

/** Twilio's webhooks, and the carrier they feed; the dialer takes TWILIO_CARRIER from here. */
@Module({
  controllers: [TwilioWebhooksController, VoiceTokenController],
  providers: [
    {
      provide: TWILIO_CARRIER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): TwilioCarrier | null =>
        config.twilio ? new TwilioCarrier({ ...config.twilio, callerId: config.callerId }) : null,
    },
    TwilioSignatureGuard,
    TwilioWebhooksService,
    VoiceTokenService,
  ],
  exports: [TWILIO_CARRIER],
})
export class TelephonyModule implements OnApplicationShutdown {
  constructor(@Inject(TWILIO_CARRIER) private readonly carrier: TwilioCarrier | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.carrier?.close();
  }
}
