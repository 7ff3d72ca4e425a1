import { HttpErrorResponse, HttpParams } from '@angular/common/http';
import { ErrorCode, assertNever, type ApiErrorBody } from '@recupera/shared';
import type { MessageKey } from '../i18n/messages-es.constant';

/** Codes the console adds for failures that never reached the API's error filter. */
export type ClientErrorCode = 'network' | 'unknown';

/** An API failure as the console handles it: the server's ApiErrorBody, or a local stand-in. */
export interface ApiError {
  status: number;
  code: ErrorCode | ClientErrorCode;
  message: string;
  details?: unknown;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body['code'] === 'string' && typeof body['message'] === 'string';
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return { status: 0, code: 'network', message: error.message };
    const body: unknown = error.error;
    if (isApiErrorBody(body) && KNOWN_CODES.has(body.code)) {
      return { status: error.status, code: body.code, message: body.message, details: body.details };
    }
    return { status: error.status, code: fallbackCode(error.status), message: error.message };
  }
  if (isApiError(error)) return error;
  return { status: 0, code: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

function isApiError(value: unknown): value is ApiError {
  return isApiErrorBody(value) && typeof (value as unknown as Record<string, unknown>)['status'] === 'number';
}

/** A body-less error (a proxy's 502, a static 404) still gets a meaningful code. */
function fallbackCode(status: number): ErrorCode | ClientErrorCode {
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 413) return ErrorCode.FileTooLarge;
  if (status === 415) return ErrorCode.UnsupportedFile;
  if (status === 502 || status === 503 || status === 504) return ErrorCode.ServiceUnavailable;
  if (status >= 500) return ErrorCode.Internal;
  return 'unknown';
}

/** The translated text for an error code; exhaustive, so a new server code fails the build here. */
export function errorMessageKey(code: ApiError['code']): MessageKey {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return 'error.validation_failed';
    case ErrorCode.Unauthenticated:
      return 'error.unauthenticated';
    case ErrorCode.InvalidCredentials:
      return 'error.invalid_credentials';
    case ErrorCode.AccountLocked:
      return 'error.account_locked';
    case ErrorCode.TokenExpired:
      return 'error.token_expired';
    case ErrorCode.TokenInvalid:
      return 'error.token_invalid';
    case ErrorCode.RefreshReused:
      return 'error.refresh_reused';
    case ErrorCode.Forbidden:
      return 'error.forbidden';
    case ErrorCode.NotFound:
      return 'error.not_found';
    case ErrorCode.Conflict:
      return 'error.conflict';
    case ErrorCode.FileTooLarge:
      return 'error.file_too_large';
    case ErrorCode.UnsupportedFile:
      return 'error.unsupported_file';
    case ErrorCode.BadEncoding:
      return 'error.bad_encoding';
    case ErrorCode.MissingColumns:
      return 'error.missing_columns';
    case ErrorCode.ImportFailed:
      return 'error.import_failed';
    case ErrorCode.ServiceUnavailable:
      return 'error.service_unavailable';
    case ErrorCode.Internal:
      return 'error.internal';
    case 'network':
      return 'error.network';
    case 'unknown':
      return 'error.unknown';
    default:
      return assertNever(code);
  }
}

/**
 * Validation details arrive as class-validator messages; they are shown as the server wrote them
 * (they name the field), as a list of lines.
 */
export function detailLines(details: unknown): string[] {
  if (typeof details === 'string') return [details];
  if (Array.isArray(details)) return details.flatMap((item) => detailLines(item));
  if (typeof details === 'object' && details !== null) {
    const record = details as Record<string, unknown>;
    // The API's validation filter sends { errors: [...] }.
    if (Array.isArray(record['errors'])) return detailLines(record['errors']);
    if (typeof record['message'] === 'string') return [record['message']];
    if (record['constraints'] && typeof record['constraints'] === 'object') {
      return Object.values(record['constraints'] as Record<string, unknown>).filter(
        (v): v is string => typeof v === 'string',
      );
    }
    return Object.entries(record).flatMap(([field, value]) =>
      detailLines(value).map((line) => (line.includes(field) ? line : `${field}: ${line}`)),
    );
  }
  return [];
}

/** Query parameters without the empty ones, so `?q=&status=` never reaches the API. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}
