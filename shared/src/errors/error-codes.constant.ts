export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  AccountLocked = 'account_locked',
  TokenExpired = 'token_expired',
  TokenInvalid = 'token_invalid',
  RefreshReused = 'refresh_reused',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  FileTooLarge = 'file_too_large',
  UnsupportedFile = 'unsupported_file',
  BadEncoding = 'bad_encoding',
  MissingColumns = 'missing_columns',
  ImportFailed = 'import_failed',
  ServiceUnavailable = 'service_unavailable',
  Internal = 'internal',
}

export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}
