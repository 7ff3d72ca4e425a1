import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@recupera/shared';
import type { Request } from 'express';
import type { AuthUser } from './auth-user.type';

export const ROLES_KEY = 'recupera:roles';
export const PUBLIC_KEY = 'recupera:public';

/** Which roles may call the handler. Handlers without @Roles or @Public are refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
export const ALL_ROLES: Role[] = ['agent', 'supervisor', 'manager', 'admin'];

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});

export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.ip ?? null;
});
