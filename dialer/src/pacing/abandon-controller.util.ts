import type { AbandonMeasurement } from './pacing.type';

export interface AbandonControllerSettings {
  /** The campaign's abandon cap, e.g. 0.03. */
  readonly cap: number;
  /** The rate aimed at, as a fraction of the cap: the margin absorbs measurement noise. */
  readonly setpointRatio: number;
  /** Offset change per update per unit of error (error = (setpoint − rate) / cap) up to the cap. */
  readonly gainUp: number;
  /** The same once the rate is over the cap; larger, so an excess is cut before it adds up. */
  readonly gainDown: number;
  /** The largest move in one update while under the cap (agents), either way. */
  readonly maxStepUp: number;
  /** The largest cut in one update while over the cap (agents). */
  readonly maxStepDown: number;
  /** Where c starts before any abandon has been measured. */
  readonly initialOffset: number;
  readonly minOffset: number;
  readonly maxOffset: number;
  /** Answered calls in the window before the measured rate moves c at full gain. */
  readonly minAnswered: number;
  /** Time between updates: the loop is meant to be much slower than pacing. */
  readonly intervalMs: number;
  /** The highest acceptable rate over any `guardWindowMs` (a rolling hour), e.g. 0.05. */
  readonly windowCap: number;
  readonly guardWindowMs: number;
  /**
   * The guard starts cutting c when the abandons still affordable in the window (windowCap ×
   * answered − abandoned) are down to this many, or to this share of windowCap × answered if more…
   */
  readonly guardFromAbandons: number;
  readonly guardFromShare: number;
  /** …and cuts `guardMaxCut` agents once they are down to this many, or this share. */
  readonly guardFullAbandons: number;
  readonly guardFullShare: number;
  readonly guardMaxCut: number;
}

export interface AbandonControllerState {
  /** c in DESIGN.md §4, in agents. */
  readonly offset: number;
  readonly updatedAt: number | null;
}

/**
 * Tuned in virtual time (dialer.bench.ts: floors of 10, 50 and 100 agents, 8 h each). A window of
 * 1,000 answered calls and a 5-minute step, since a faster loop chases the noise of a few abandons
 * and ends up lower on average, dialling less; the rolling-hour guard catches the bursts that loop
 * sees too late (40 seeds of the 10-agent floor, every hour under 5 %). With the pacer's
 * answer-spread margin the loop holds 2.1–2.4 % over a run against the 3 % cap: under its 2.7 %
 * setpoint, since c rises only in hours that are under it too.
 */
export const ABANDON_CONTROLLER_DEFAULTS: AbandonControllerSettings = {
  cap: 0.03,
  setpointRatio: 0.9,
  gainUp: 0.1,
  gainDown: 0.2,
  maxStepUp: 0.1,
  maxStepDown: 0.5,
  // Balancing expected answers against expected frees (c = 0) abandons about a quarter of the
  // answered calls on that floor. With the pacer's default answer-spread margin c settles between
  // −1.3 and −1.9 on floors of 10 to 100 agents; starting at −3 costs the first hour a little talk
  // time (about 0.15 minute per agent-hour over 8 h) and keeps that hour's abandons well under 5 %.
  initialOffset: -3,
  minOffset: -6,
  maxOffset: 3,
  minAnswered: 100,
  intervalMs: 300_000,
  windowCap: 0.05,
  guardWindowMs: 3_600_000,
  guardFromAbandons: 5,
  guardFromShare: 0.3,
  guardFullAbandons: 2,
  guardFullShare: 0.1,
  guardMaxCut: 3,
};

export function initialAbandonControllerState(
  settings: AbandonControllerSettings = ABANDON_CONTROLLER_DEFAULTS,
): AbandonControllerState {
  return { offset: settings.initialOffset, updatedAt: null };
}

/**
 * One step of the slow loop that holds the measured abandon rate under the cap by moving the
 * pacing offset c: small steps toward the setpoint (a little under the cap) while the rate is
 * within the cap, and larger cuts once it is over. Given the guard's window (`lastWindow`), c only
 * rises while that window is under the setpoint too: on a small floor the long window spans hours
 * and stays low while the guard is holding bursts down, and a c wound up meanwhile bursts again
 * the moment the guard lets go.
 */
export function updateAbandonController(
  state: AbandonControllerState,
  measurement: AbandonMeasurement,
  settings: AbandonControllerSettings,
  now: number,
  lastWindow?: AbandonMeasurement,
): AbandonControllerState {
  if (state.updatedAt !== null && now - state.updatedAt < settings.intervalMs) return state;
  const setpoint = settings.setpointRatio * settings.cap;
  const rate = measurement.answered > 0 ? measurement.abandoned / measurement.answered : 0;
  const error = (setpoint - rate) / settings.cap;
  let step: number;
  if (rate > settings.cap) {
    // Over the cap the campaign is breaking its promise: cut at once, whatever the sample size.
    step = Math.max(-settings.maxStepDown, settings.gainDown * error);
  } else {
    // Around the setpoint the loop is symmetric, so the long-run rate settles on the setpoint
    // rather than below it; a thin sample moves it less, since a few calls prove little.
    const evidence = Math.min(1, measurement.answered / settings.minAnswered);
    step = Math.max(-settings.maxStepUp, Math.min(settings.maxStepUp, settings.gainUp * error * evidence));
  }
  if (lastWindow && step > 0) {
    const recent = lastWindow.abandoned / Math.max(lastWindow.answered, settings.minAnswered, 1);
    if (recent >= setpoint) step = 0;
  }
  const offset = Math.min(settings.maxOffset, Math.max(settings.minOffset, state.offset + step));
  return { offset, updatedAt: now };
}

/**
 * How many agents the rolling-window guard takes off c now. The slow loop holds the long-run rate
 * but answers a burst of abandons only minutes later; the guard acts on every abandon, cutting
 * harder as the abandons still affordable in the window (windowCap × answered − abandoned) run
 * out, and gives the cut back as the burst leaves the window. Counting in abandons rather than as
 * a rate makes it scale-aware: a 100-agent floor has dozens to spare in an hour, a 10-agent floor
 * a handful. A thin window counts as `minAnswered` answers, so one early abandon is not 100 %.
 */
export function abandonGuardCut(lastWindow: AbandonMeasurement, settings: AbandonControllerSettings): number {
  const allowed = settings.windowCap * Math.max(lastWindow.answered, settings.minAnswered);
  const left = allowed - lastWindow.abandoned;
  const from = Math.max(settings.guardFromAbandons, settings.guardFromShare * allowed);
  const full = Math.min(from, Math.max(settings.guardFullAbandons, settings.guardFullShare * allowed));
  if (left >= from) return 0;
  return settings.guardMaxCut * Math.min(1, (from - left) / Math.max(from - full, 1e-9));
}
