import { ErrorCode, type AckResult } from '@recupera/shared';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

export class SocketPayloadError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid payload: ${problems.join('; ')}`);
  }
}

/** Validates an inbound socket payload against its DTO, as the HTTP ValidationPipe does a body. */
export function parsePayload<T extends object>(dto: ClassConstructor<T>, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null)
    throw new SocketPayloadError(['payload must be an object']);
  const instance = plainToInstance(dto, payload);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new SocketPayloadError(
      errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: 'invalid' })),
    );
  }
  return instance;
}

export function failure(code: ErrorCode, message: string): AckResult {
  return { ok: false, code, message };
}

export const OK: AckResult = { ok: true };
