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

  it('has each agent preview an account, dial it and take whoever answers, in preview mode', () => {
    // Log-in at 0, preview 15 s, dial at 15 s, answer at 16 s, talk to 17 s, wrap to 17.5 s;
    // preview again to 32.5 s, answer at 33.5 s. The pacer itself places nothing.
    const result = simulateFloor({
      scenario: { ...ONE_AGENT, previewTimeMs: 15_000 },
      settings: { ...SIMULATION_PACING_SETTINGS, mode: 'preview' },
      durationMs: 40_000,
      seed: 3,
    });
    expect(result).toMatchObject({ dials: 2, connected: 2, abandoned: 0, idleSecondsBetweenCalls: 16 });
    expect(result.occupancy).toBeCloseTo(3 / 40);
  });

  it('counts idle time before each call, attempts per agent-hour and dials per second', () => {
    // 1:1, one agent: dials at 0, 2.5, 5 and 7.5 s, each answered 1 s later.
    const result = simulateFloor({
      scenario: ONE_AGENT,
      settings: { ...SIMULATION_PACING_SETTINGS, mode: 'progressive', linesPerAgent: 1 },
      durationMs: 10_000,
      seed: 1,
    });
    expect(result).toMatchObject({ dials: 4, connected: 4, idleSecondsBetweenCalls: 1 });
    expect(result.attemptsPerAgentHour).toBeCloseTo(4 * 360);
    expect(result.callsPerSecond).toEqual({ mean: 0.4, p99: 1, peak: 0, startPeak: 1 });
  });

  it('places three lines at once per free agent at a fixed 3:1 ratio', () => {
    const result = simulateFloor({
      scenario: { ...ONE_AGENT, answerProbability: 0 },
      settings: { ...SIMULATION_PACING_SETTINGS, mode: 'progressive', linesPerAgent: 3 },
      durationMs: 5_000,
      seed: 1,
    });
    expect(result).toMatchObject({ dials: 3, callsPerSecond: { startPeak: 3 } });
  });

  it('logs agents in one after another over the spread', () => {
    const run = (durationMs: number) =>
      simulateFloor({
        scenario: { ...ONE_AGENT, agents: 2, answerProbability: 0, loginSpreadMs: 10_000 },
        settings: { ...SIMULATION_PACING_SETTINGS, mode: 'progressive', linesPerAgent: 1 },
        durationMs,
        seed: 1,
      }).dials;
    // The second agent logs in at 5 s; the unanswered first line rings for 25 s.
    expect(run(4_000)).toBe(1);
    expect(run(6_000)).toBe(2);
  });

  it('drifts the chance of a person answering across the run, unknown to the pacer', () => {
    const shareAnswered = (answerProbability: number, finalAnswerProbability?: number) => {
      const result = simulateFloor({
        scenario: { ...DESIGN_FLOOR_SCENARIO, answerProbability, finalAnswerProbability },
        settings: { ...SIMULATION_PACING_SETTINGS, mode: 'progressive', linesPerAgent: 1 },
        durationMs: 2 * 3_600_000,
        seed: 4,
      });
      return result.personAnswers / result.dials;
    };
    const drifting = shareAnswered(0.3, 0.1);
    expect(drifting).toBeLessThan(shareAnswered(0.3) - 0.05);
    expect(drifting).toBeGreaterThan(shareAnswered(0.1) + 0.05);
  });

  it('reports the worst rolling hour, never below the whole run', () => {
    const result = simulateFloor({
      scenario: DESIGN_FLOOR_SCENARIO,
      settings: SIMULATION_PACING_SETTINGS,
      durationMs: 3 * 3_600_000,
      seed: 7,
      fixedOffset: -1,
    });
    expect(result.abandonRate).toBeGreaterThan(0);
    expect(result.worstHourAbandonRate).toBeGreaterThanOrEqual(result.abandonRate);
  });
});
