import type { Request } from 'express';
import { validateRequest } from 'twilio';

/**
 * Whether this webhook carries Twilio's signature made with `authToken`. Twilio signs the URL it
 * called, so the caller passes the public base (behind a proxy the Host header is not it).
 */
export function isTwilioSigned(request: Request, authToken: string, baseUrl: string): boolean {
  const signature = request.header('x-twilio-signature');
  if (!signature) return false;
  const params: unknown = request.body;
  const body = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  return validateRequest(authToken, signature, baseUrl.replace(/\/+$/, '') + request.originalUrl, body);
}
