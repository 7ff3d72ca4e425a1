import type { Logger } from '@nestjs/common';
import { AgentDeskError } from '@recupera/dialer';
import { ErrorCode, type AckResult } from '@recupera/shared';
import { AppException } from '../errors/app.exception';
import { ScriptStepRefused } from '../../modules/scripts/scripts.service';
import { failure, OK, SocketPayloadError } from './socket-payload.util';

/**
 * Runs a socket action and answers its ack with a coded result: a bad payload, a refused move or
 * a failure never throws at the client, and an unexpected one is logged without its details leaking.
 */
export async function runSocketAction(logger: Logger, action: () => Promise<void>): Promise<AckResult> {
  try {
    await action();
    return OK;
  } catch (error) {
    if (error instanceof SocketPayloadError) return failure(ErrorCode.ValidationFailed, error.message);
    if (error instanceof AppException) return failure(error.code, error.message);
    if (error instanceof ScriptStepRefused) return failure(ErrorCode.Conflict, error.message);
    if (error instanceof AgentDeskError)
      return failure(
        error.reason === 'invalid_wrap_up' ? ErrorCode.ValidationFailed : ErrorCode.Conflict,
        error.message,
      );
    logger.error(error instanceof Error ? error.message : String(error));
    return failure(ErrorCode.Internal, 'The action failed');
  }
}
