import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@recupera/shared';
import type { Request } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { PUBLIC_KEY, ROLES_KEY } from '../../common/auth/auth-metadata.util';
import { AppException } from '../../common/errors/app.exception';
import { AccessTokenService } from './access-token.service';

/**
 * Global guard: authenticates the bearer token, then checks @Roles. A handler that declares neither
 * @Public nor @Roles is refused, so forgetting the decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    request.user = await this.tokens.verify(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(request.user.role)) throw AppException.forbidden();
    return true;
  }
}
