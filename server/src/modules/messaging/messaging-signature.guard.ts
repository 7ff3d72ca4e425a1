import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app.exception';
import { isTwilioSigned } from '../../common/http/twilio-signature.util';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';

/**
 * Admits only message webhooks signed the way Twilio signs them: with the Twilio account's auth
 * token over the public URL it called, or (simulated carrier) with the simulated carrier's token.
 */
@Injectable()
export class MessagingSignatureGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const twilio = this.config.carrier === 'twilio' ? this.config.twilio : null;
    const token = twilio ? twilio.authToken : this.config.simulatedCarrierAuthToken;
    // The simulated carrier has no public address of its own: it signs the URL this server was called on.
    const base = twilio ? twilio.webhookBaseUrl : `${request.protocol}://${request.get('host')}`;
    if (!isTwilioSigned(request, token, base)) throw AppException.forbidden('Invalid webhook signature');
    return true;
  }
}
