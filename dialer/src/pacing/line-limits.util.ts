import { PACING_DEFAULTS } from './pacing.constant';
import type { PacingLimit, PacingSnapshot } from './pacing.type';

export interface LimitedDials {
  readonly dials: number;
  readonly limitedBy: PacingLimit | null;
}

/** Dials the calls-per-second limit still allows at `now`, counting recent dials on the account. */
export function callsPerSecondHeadroom(limit: number, recentDialsAt: readonly number[], now: number): number {
  if (!(limit > 0)) return 0;
  // Below 1 CPS the window stretches so that "0.5 per second" means one dial per 2 s.
  const windowMs = limit >= 1 ? PACING_DEFAULTS.cpsWindowMs : PACING_DEFAULTS.cpsWindowMs / limit;
  const capacity = limit >= 1 ? Math.floor(limit) : 1;
  let recent = 0;
  for (const at of recentDialsAt) if (at > now - windowMs && at <= now) recent++;
  return Math.max(0, capacity - recent);
}

/**
 * Cuts a requested number of dials to what the floor and the carrier allow. Connected calls hold
 * a carrier line as much as ringing ones do, so they count against the concurrent-line limit.
 */
export function applyLineLimits(requested: number, snapshot: PacingSnapshot, now: number): LimitedDials {
  const { settings } = snapshot;
  const inFlight = snapshot.dialsInFlightStartedAt.length;
  const staffed = snapshot.freeAgents + snapshot.wrapStartedAt.length + snapshot.talkStartedAt.length;
  const headrooms: [PacingLimit, number][] = [
    ['lines-per-agent', Math.floor(settings.maxLinesPerAgent * staffed + 1e-9) - inFlight],
    [
      'concurrent-lines',
      settings.concurrentLineLimit -
        (inFlight + snapshot.answeredWaiting + snapshot.talkStartedAt.length + snapshot.otherLinesInUse),
    ],
    ['calls-per-second', callsPerSecondHeadroom(settings.callsPerSecondLimit, snapshot.recentDialsAt, now)],
  ];
  let dials = Math.max(0, Math.floor(requested));
  let limitedBy: PacingLimit | null = null;
  for (const [limit, headroom] of headrooms) {
    const allowed = Math.max(0, headroom);
    if (allowed < dials) {
      dials = allowed;
      limitedBy = limit;
    }
  }
  return { dials, limitedBy };
}
