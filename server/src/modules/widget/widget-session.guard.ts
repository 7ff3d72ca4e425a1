import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app.exception';
import type { WidgetSessionRef } from '../conversations/conversation-ports.type';
import { WidgetAuthService } from './widget-auth.service';

export type WidgetRequest = Request & { widgetSession?: WidgetSessionRef };

/** Admits a widget's requests with a live session token (Bearer); staff tokens mean nothing here. */
@Injectable()
export class WidgetSessionGuard implements CanActivate {
  constructor(private readonly auth: WidgetAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WidgetRequest>();
    const header = request.header('authorization') ?? '';
    const session = await this.auth.resolve(header.replace(/^Bearer\s+/i, ''), new Date());
    if (!session) throw AppException.forbidden('The widget session is unknown or has expired');
    request.widgetSession = session;
    return true;
  }
}
