/**
 * After `maxFailures` wrong passwords the account locks for `lockSeconds`, doubling with each further
 * failure (capped at one hour) so a guessing script slows to a crawl while a person who mistyped
 * waits a few minutes.
 */
export function lockUntil(
  failures: number,
  maxFailures: number,
  lockSeconds: number,
  now: Date,
): Date | null {
  if (failures < maxFailures) return null;
  const seconds = Math.min(3600, lockSeconds * 2 ** (failures - maxFailures));
  return new Date(now.getTime() + seconds * 1000);
}
