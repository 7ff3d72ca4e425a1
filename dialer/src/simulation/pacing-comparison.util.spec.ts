import { compareDialModes, runPacingComparison } from './pacing-comparison.util';
import { DIALER_BENCH_SCENARIOS } from './simulation.constant';
import type { DialModeRun, SimulationResult } from './simulation.type';

describe(runPacingComparison.name, () => {
  let progressive: SimulationResult;
  let predictive: SimulationResult;

  beforeAll(() => {
    // Eight simulated hours of DESIGN.md §4's 50-agent floor per mode, in about a second each.
    ({ progressive, predictive } = runPacingComparison({ hours: 8, seed: 1 }));
  });

  it('reproduces progressive 1:1 at about 34 talk minutes per agent-hour without abandons', () => {
    expect(progressive.talkMinutesPerAgentHour).toBeGreaterThan(32);
    expect(progressive.talkMinutesPerAgentHour).toBeLessThan(36);
    expect(progressive.abandoned).toBe(0);
  });

  it('beats progressive 1:1 in talk minutes per agent-hour while keeping abandons within 3 %', () => {
    expect(predictive.talkMinutesPerAgentHour).toBeGreaterThan(progressive.talkMinutesPerAgentHour + 10);
    expect(predictive.occupancy).toBeGreaterThan(0.93);
    expect(predictive.abandonRate).toBeLessThanOrEqual(0.03);
    expect(predictive.abandoned).toBeGreaterThan(0);
  });
});

describe(compareDialModes.name, () => {
  const scenario = (name: string) => DIALER_BENCH_SCENARIOS.find((bench) => bench.name === name)!.scenario;
  const byMode = (runs: DialModeRun[]) => Object.fromEntries(runs.map((run) => [run.mode, run.result]));
  let floorB: Record<string, SimulationResult>;
  let floorC: SimulationResult;

  beforeAll(() => {
    floorB = byMode(compareDialModes({ scenario: scenario('B'), hours: 8, seed: 1 }));
    // Two hours rather than the bench's eight keep the suite quick, and make the drift four times as steep.
    [{ result: floorC }] = compareDialModes({
      scenario: scenario('C'),
      hours: 2,
      seed: 1,
      modes: [{ name: 'predictive', settings: { mode: 'predictive' } }],
    });
  });

  it('ranks the ways of dialling on the 10-agent floor: predictive, 3:1, 1:1, preview', () => {
    const talk = (mode: string) => floorB[mode].talkMinutesPerAgentHour;
    expect(Object.keys(floorB)).toEqual(['predictive', 'progressive 1:1', 'preview', 'fixed 3:1']);
    expect(talk('progressive 1:1')).toBeGreaterThan(talk('preview') + 4);
    expect(talk('fixed 3:1')).toBeGreaterThan(talk('progressive 1:1') + 8);
    expect(floorB['progressive 1:1'].abandoned + floorB['preview'].abandoned).toBe(0);
    // 3 lines per free agent buys talk time with abandons far over the cap on a small floor.
    expect(floorB['fixed 3:1'].abandonRate).toBeGreaterThan(0.03);
  });

  it("meets the issue's goals with 10 agents: ≥ 42 talk minutes, ≤ 3 % abandons, ≤ 5 % in any hour", () => {
    expect(floorB['predictive'].talkMinutesPerAgentHour).toBeGreaterThanOrEqual(42);
    expect(floorB['predictive'].abandonRate).toBeLessThanOrEqual(0.03);
    expect(floorB['predictive'].worstHourAbandonRate).toBeLessThanOrEqual(0.05);
  });

  it('follows answers drifting from 30 % to 10 % on 100 agents within the same goals (≥ 48)', () => {
    expect(floorC.talkMinutesPerAgentHour).toBeGreaterThanOrEqual(48);
    expect(floorC.abandonRate).toBeLessThanOrEqual(0.03);
    expect(floorC.worstHourAbandonRate).toBeLessThanOrEqual(0.05);
  });
});
