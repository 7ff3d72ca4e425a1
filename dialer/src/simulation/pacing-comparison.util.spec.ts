import { runPacingComparison } from './pacing-comparison.util';
import type { SimulationResult } from './simulation.type';

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
