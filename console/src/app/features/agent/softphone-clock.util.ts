/** A running timer as agents read it: "04:07", and "1:02:09" once it passes the hour. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Whole seconds from an ISO instant (on the server's clock) to `nowMs` (on ours), never negative. */
export function secondsSince(iso: string | null | undefined, nowMs: number, skewMs: number): number {
  if (!iso) return 0;
  const start = Date.parse(iso);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((nowMs - skewMs - start) / 1000));
}

export interface WrapUpCountdown {
  /** Seconds left of the campaign's wrap-up limit; once it passed, how long ago (both ≥ 0). */
  seconds: number;
  overdue: boolean;
}

/** The wrap-up's countdown from the campaign's limit; null when the campaign sets none. */
export function wrapUpCountdown(limitSeconds: number | null, elapsedSeconds: number): WrapUpCountdown | null {
  if (limitSeconds === null || limitSeconds <= 0) return null;
  const left = limitSeconds - elapsedSeconds;
  return left >= 0 ? { seconds: left, overdue: false } : { seconds: -left, overdue: true };
}
