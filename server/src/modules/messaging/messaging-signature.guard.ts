import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';

/**
 * Admits only message webhooks signed the way Twilio signs them: with the Twilio account's auth
 * token over the public URL it called, or (simulated carrier) with the simulated carrier's token over
 * the URL as this server received it.
 */
@Injectable()
export class MessagingSignatureGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header('x-twilio-signature');
    const twilio = this.config.carrier === 'twilio' ? this.config.twilio : null;
    const token = twilio ? twilio.authToken : this.config.simulatedCarrierAuthToken;
    const base = twilio
      ? twilio.webhookBaseUrl.replace(/\/+$/, '')
      : `${request.protocol}://${request.get('host')}`;
    const params: unknown = request.body;
    const body = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
    if (!signature || !validateRequest(token, signature, base + request.originalUrl, body))
      throw AppException.forbidden('Invalid webhook signature');
    return true;
  }
}
