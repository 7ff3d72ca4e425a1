import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Locale } from '@recupera/shared';
import type { Request } from 'express';

/** The caller's language from Accept-Language (the console sends its own choice); Spanish first. */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext): Locale => {
  const header = context.switchToHttp().getRequest<Request>().headers['accept-language'] ?? '';
  return header.trim().toLowerCase().startsWith('en') ? 'en' : 'es';
});
