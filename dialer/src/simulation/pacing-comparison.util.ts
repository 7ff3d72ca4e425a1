import { ABANDON_CONTROLLER_DEFAULTS } from '../pacing/abandon-controller.util';
import { simulateFloor } from './floor-simulator.util';
import { BENCH_DIAL_MODES, DESIGN_FLOOR_SCENARIO, SIMULATION_PACING_SETTINGS } from './simulation.constant';
import type {
  DialModeComparisonOptions,
  DialModeRun,
  PacingComparison,
  PacingComparisonOptions,
} from './simulation.type';

/**
 * Replays the same floor twice, progressive 1:1 and predictive under the abandon controller, and
 * returns both sets of figures (occupancy, talk minutes per agent-hour, abandon rate, counts).
 * Defaults: DESIGN.md §4's 50-agent floor, 8 hours, seed 1, 3 % cap.
 */
export function runPacingComparison(options: PacingComparisonOptions = {}): PacingComparison {
  const scenario = options.scenario ?? DESIGN_FLOOR_SCENARIO;
  const durationMs = (options.hours ?? 8) * 3_600_000;
  const seed = options.seed ?? 1;
  const abandonCap = options.abandonCap ?? SIMULATION_PACING_SETTINGS.abandonCap;
  const settings = { ...SIMULATION_PACING_SETTINGS, abandonCap };
  const progressive = simulateFloor({
    scenario,
    settings: { ...settings, mode: 'progressive', linesPerAgent: 1 },
    durationMs,
    seed,
  });
  const predictive = simulateFloor({
    scenario,
    settings: { ...settings, mode: 'predictive' },
    durationMs,
    seed,
    controller: { ...ABANDON_CONTROLLER_DEFAULTS, cap: abandonCap, ...options.controller },
  });
  return { scenario, progressive, predictive };
}

/**
 * Replays the same floor (same seed, so the same carrier and agents) once per way of dialling:
 * by default predictive, progressive 1:1, preview and a fixed 3:1 ratio. Default 8 hours, seed 1.
 */
export function compareDialModes(options: DialModeComparisonOptions): DialModeRun[] {
  const durationMs = (options.hours ?? 8) * 3_600_000;
  return (options.modes ?? BENCH_DIAL_MODES).map(({ name, settings }) => ({
    mode: name,
    result: simulateFloor({
      scenario: options.scenario,
      settings: { ...SIMULATION_PACING_SETTINGS, ...settings },
      durationMs,
      seed: options.seed ?? 1,
    }),
  }));
}
