import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';

/**
 * Admits only requests Twilio signed with this account's auth token. The signed URL is the public
 * one Twilio called (webhookBaseUrl + path and query), since behind a proxy the Host header differs.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const twilio = this.config.twilio;
    if (!twilio) throw AppException.forbidden('Twilio is not configured');
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header('x-twilio-signature');
    const params: unknown = request.body;
    const body = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
    if (
      !signature ||
      !validateRequest(twilio.authToken, signature, twilio.webhookBaseUrl + request.originalUrl, body)
    )
      throw AppException.forbidden('Invalid Twilio signature');
    return true;
  }
}
