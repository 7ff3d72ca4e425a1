import type { HandshakeError } from '@recupera/shared';

/** The coded reason a namespace refused the handshake, or null for transport trouble. */
export function handshakeError(error: Error): HandshakeError | null {
  const data: unknown = (error as Error & { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  return typeof record['code'] === 'string' ? (data as HandshakeError) : null;
}
