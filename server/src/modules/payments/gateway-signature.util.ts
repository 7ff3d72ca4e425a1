import { createHmac, timingSafeEqual } from 'node:crypto';
import { GATEWAY_REPLAY_WINDOW_SECONDS } from '@recupera/shared';

export type SignatureVerdict = 'ok' | 'missing' | 'stale' | 'bad_signature';

/** hex HMAC-SHA256 of "<timestamp>.<raw body>" — what a gateway sends in X-Recupera-Signature. */
export function gatewaySignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Checks a delivery's signature and that its timestamp is within the replay window of `now`. */
export function verifyGatewaySignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: Buffer,
  now: Date,
): SignatureVerdict {
  if (!timestamp || !signature) return 'missing';
  const seconds = Number(timestamp);
  if (
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(now.getTime() / 1000 - seconds) > GATEWAY_REPLAY_WINDOW_SECONDS
  )
    return 'stale';
  const expected = Buffer.from(gatewaySignature(secret, timestamp, rawBody), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad_signature';
}
