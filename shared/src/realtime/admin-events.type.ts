import type { ImportResponse } from '../contracts/imports.type';
import type { ErrorCode } from '../errors/error-codes.constant';

export const ADMIN_NAMESPACE = '/admin';

export interface ImportProgress {
  importId: string;
  processedRows: number;
  rejected: number;
  bytesRead: number;
  sizeBytes: number;
}

export interface AdminServerToClientEvents {
  'import.progressed': (progress: ImportProgress) => void;
  'import.completed': (result: ImportResponse) => void;
  'import.failed': (failure: { importId: string; code: ErrorCode; message: string }) => void;
}

/** Admins only listen on this namespace for now. */
export type AdminClientToServerEvents = Record<string, never>;

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Sent as the reason of a handshake refusal so the client can tell expired from forged tokens. */
export interface HandshakeError {
  code: ErrorCode;
  message: string;
}
