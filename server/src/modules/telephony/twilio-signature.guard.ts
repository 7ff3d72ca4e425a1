import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app.exception';
import { isTwilioSigned } from '../../common/http/twilio-signature.util';
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
    if (!isTwilioSigned(request, twilio.authToken, twilio.webhookBaseUrl))
      throw AppException.forbidden('Invalid Twilio signature');
    return true;
  }
}
