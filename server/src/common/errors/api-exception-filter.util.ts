import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { ErrorCode, type ApiErrorBody } from '@recupera/shared';
import type { Response } from 'express';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.FileTooLarge,
  415: ErrorCode.UnsupportedFile,
};

/** Every error leaves the API as an ApiErrorBody; unexpected ones are logged and never leak internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ApiErrorBody {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      if (typeof raw === 'object' && raw !== null && 'code' in raw) return raw as ApiErrorBody;
      const message = typeof raw === 'string' ? raw : (raw as { message?: unknown }).message;
      const list = Array.isArray(message) ? message.map(String) : undefined;
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? ErrorCode.Internal,
        message: list ? list.join('; ') : String(message ?? error.message),
        details: list ? { errors: list } : undefined,
      };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.Internal,
      message: 'Internal error',
    };
  }
}
