import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, type ApiErrorBody } from '@recupera/shared';

/** An error the client can switch on: an HTTP status plus a code from shared/errors. */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    status: HttpStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super({ statusCode: status, code, message, details } satisfies ApiErrorBody, status);
  }

  static notFound(what: string): AppException {
    return new AppException(ErrorCode.NotFound, HttpStatus.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'Your role may not do this'): AppException {
    return new AppException(ErrorCode.Forbidden, HttpStatus.FORBIDDEN, message);
  }

  static conflict(message: string): AppException {
    return new AppException(ErrorCode.Conflict, HttpStatus.CONFLICT, message);
  }

  static invalid(message: string, details?: unknown): AppException {
    return new AppException(ErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, message, details);
  }
}
