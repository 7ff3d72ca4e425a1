import { simulateFloor } from './floor-simulator.util';
import { DESIGN_FLOOR_SCENARIO, SIMULATION_PACING_SETTINGS } from './simulation.constant';
import type { FloorScenario } from './simulation.type';

/** One agent, every dial answered by a person after exactly 1 s, 1 s calls. */
const ONE_AGENT: FloorScenario = {
  agents: 1,
  answerProbability: 1,
  answerTime: { kind: 'fixed', ms: 1_000 },
  ringNoAnswerMs: 25_000,
  talkTime: { kind: 'fixed', ms: 1_000 },
  wrapTime: { kind: 'fixed', ms: 500 },
  abandonAfterMs: 2_000,
};
const TWO_LINES = { ...SIMULATION_PACING_SETTINGS, mode: 'progressive', linesPerAgent: 2 } as const;

describe(simulateFloor.name, () => {
  it('bridges a waiting call to an agent who frees within 2 s of the answer', () => {
    // Both dials answered at 1 s; the second waits until the agent frees at 1 + 1 + 0.5 = 2.5 s.
    const result = simulateFloor({ scenario: ONE_AGENT, settings: TWO_LINES, durationMs: 3_000, seed: 1 });
    expect(result).toMatchObject({ dials: 2, connected: 2, abandoned: 0 });
  });

  it('abandons a person left without an agent for 2 s', () => {
    // The agent frees at 1 + 1 + 1.5 = 3.5 s, after the second call's 3 s deadline.
    const result = simulateFloor({
      scenario: { ...ONE_AGENT, wrapTime: { kind: 'fixed', ms: 1_500 } },
      settings: TWO_LINES,
      durationMs: 4_000,
      seed: 1,
    });
    expect(result).toMatchObject({ connected: 1, abandoned: 1, abandonRate: 0.5 });
  });

  it('replays the same floor for the same seed', () => {
    const run = (seed: number) =>
      simulateFloor({
        scenario: DESIGN_FLOOR_SCENARIO,
        settings: SIMULATION_PACING_SETTINGS,
        durationMs: 3_600_000,
        seed,
      });
    expect(run(5)).toEqual(run(5));
    expect(run(5).dials).not.toBe(run(6).dials);
  });

  it('never abandons at one line per free agent', () => {
    const result = simulateFloor({
      scenario: DESIGN_FLOOR_SCENARIO,
      settings: { ...SIMULATION_PACING_SETTINGS, mode: 'progressive', linesPerAgent: 1 },
      durationMs: 3_600_000,
      seed: 2,
    });
    expect(result.abandoned).toBe(0);
    expect(result.connected).toBeGreaterThan(0);
  });

  it('places no automatic dials in preview mode', () => {
    const result = simulateFloor({
      scenario: DESIGN_FLOOR_SCENARIO,
      settings: { ...SIMULATION_PACING_SETTINGS, mode: 'preview' },
      durationMs: 600_000,
      seed: 3,
    });
    expect(result).toMatchObject({ dials: 0, occupancy: 0 });
  });
});
