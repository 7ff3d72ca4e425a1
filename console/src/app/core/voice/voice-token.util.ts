/** A token is renewed this long before it expires (the SDK itself warns only 10 s ahead). */
export const VOICE_TOKEN_REFRESH_LEAD_MS = 60_000;
/** After a failed renewal, try again this soon (while the old token still works). */
export const VOICE_TOKEN_RETRY_MS = 15_000;

/**
 * When to renew a token that expires at `expiresAt`: a minute ahead, or halfway through a token
 * that lives less than two minutes; at once if it already expired or the instant is unreadable.
 */
export function tokenRefreshDelayMs(expiresAt: string, nowMs: number): number {
  const expires = Date.parse(expiresAt);
  if (Number.isNaN(expires)) return 0;
  const left = expires - nowMs;
  if (left <= 0) return 0;
  return left > 2 * VOICE_TOKEN_REFRESH_LEAD_MS ? left - VOICE_TOKEN_REFRESH_LEAD_MS : Math.floor(left / 2);
}
