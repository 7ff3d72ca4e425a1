import type { AbandonMeasurement } from './pacing.type';

export interface AbandonControllerSettings {
  /** The campaign's abandon cap, e.g. 0.03. */
  readonly cap: number;
  /** The rate aimed at, as a fraction of the cap: the margin absorbs measurement noise. */
  readonly setpointRatio: number;
  /** Offset change per update per unit of error (error = (setpoint − rate) / cap) while under. */
  readonly gainUp: number;
  /** The same while over the setpoint; larger, so an excess is corrected before it adds up. */
  readonly gainDown: number;
  /** The largest raise in one update (agents). */
  readonly maxStepUp: number;
  /** The largest cut in one update (agents). */
  readonly maxStepDown: number;
  readonly minOffset: number;
  readonly maxOffset: number;
  /** Answered calls in the window before the measured rate is trusted enough to raise c. */
  readonly minAnswered: number;
  /** Time between updates: the loop is meant to be much slower than pacing. */
  readonly intervalMs: number;
}

export interface AbandonControllerState {
  /** c in DESIGN.md §4, in agents. */
  readonly offset: number;
  readonly updatedAt: number | null;
}

export const ABANDON_CONTROLLER_DEFAULTS: AbandonControllerSettings = {
  cap: 0.03,
  setpointRatio: 0.8,
  gainUp: 0.05,
  gainDown: 0.2,
  maxStepUp: 0.05,
  maxStepDown: 0.5,
  minOffset: -5,
  maxOffset: 5,
  minAnswered: 50,
  intervalMs: 30_000,
};

export function initialAbandonControllerState(offset = 0): AbandonControllerState {
  return { offset, updatedAt: null };
}

/**
 * One step of the slow loop that holds the measured abandon rate under the cap by moving the
 * pacing offset c: down quickly when the rate is over the setpoint, up slowly when under it.
 */
export function updateAbandonController(
  state: AbandonControllerState,
  measurement: AbandonMeasurement,
  settings: AbandonControllerSettings,
  now: number,
): AbandonControllerState {
  if (state.updatedAt !== null && now - state.updatedAt < settings.intervalMs) return state;
  const setpoint = settings.setpointRatio * settings.cap;
  const rate = measurement.answered > 0 ? measurement.abandoned / measurement.answered : 0;
  const error = (setpoint - rate) / settings.cap;
  let step: number;
  if (error < 0) {
    // Abandons are evidence even in a small sample: an excess is cut at once.
    step = Math.max(-settings.maxStepDown, settings.gainDown * error);
  } else if (measurement.answered < settings.minAnswered) {
    // Too few answered calls to tell a low rate from luck: hold rather than dial harder.
    step = 0;
  } else {
    step = Math.min(settings.maxStepUp, settings.gainUp * error);
  }
  const offset = Math.min(settings.maxOffset, Math.max(settings.minOffset, state.offset + step));
  return { offset, updatedAt: now };
}
