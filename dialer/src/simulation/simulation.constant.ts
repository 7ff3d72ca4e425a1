import type { PacingSettings } from '../pacing/pacing.type';
import type { BenchDialMode, BenchScenario, FloorScenario } from './simulation.type';

/**
 * DESIGN.md §4's 50-agent floor: 20 % of dials reach a person, the rest ring 25 s unanswered,
 * 180 s talk, 30 s wrap-up, 2 s to bridge before a call is abandoned. Talk is exponential (the
 * queueing textbooks' assumption, and the hardest for a pacer since elapsed talk then says
 * nothing about the remainder); a person answers 4–14 s after the dial.
 */
export const DESIGN_FLOOR_SCENARIO: FloorScenario = {
  agents: 50,
  answerProbability: 0.2,
  answerTime: { kind: 'uniform', minMs: 4_000, maxMs: 14_000 },
  ringNoAnswerMs: 25_000,
  talkTime: { kind: 'exponential', meanMs: 180_000 },
  wrapTime: { kind: 'fixed', ms: 30_000 },
  abandonAfterMs: 2_000,
};

/**
 * Carrier limits that do not bind on the benchmark floors, so a run shows the lines and calls per
 * second each mode needs rather than what a carrier account allowed.
 */
export const SIMULATION_PACING_SETTINGS: PacingSettings = {
  mode: 'predictive',
  linesPerAgent: 1,
  abandonCap: 0.03,
  maxLinesPerAgent: 3,
  concurrentLineLimit: 500,
  callsPerSecondLimit: 1_000,
};

/** Agents of a simulated floor log in evenly over the first minute, as a shift starts. */
export const SIMULATION_LOGIN_SPREAD_MS = 60_000;

/**
 * How long an agent reads an account before dialling it in preview mode: 15 s is a quick read of
 * balance, last promise and notes, and puts preview at the "about 27 talk minutes per agent-hour"
 * the issue expects on the 50-agent floor (20 s would give about 26).
 */
export const SIMULATION_PREVIEW_TIME_MS = 15_000;

/**
 * σ of the log-normal talk time (of its logarithm), within the 0.6–0.8 the issue suggests: 0.7
 * puts the median at 141 s for a 180 s mean, a coefficient of variation of 0.80 and 6 % of calls
 * over 7 minutes: many short calls (refusals, quick promises) and a tail of negotiations.
 */
export const TALK_LOGNORMAL_SIGMA = 0.7;

const LOGNORMAL_TALK_180_S = {
  kind: 'lognormal',
  meanMs: 180_000,
  cv: Math.sqrt(Math.expm1(TALK_LOGNORMAL_SIGMA ** 2)),
} as const;

/** The issue's benchmark floors: DESIGN.md §4's model with log-normal talk. */
export const DIALER_BENCH_SCENARIOS: readonly BenchScenario[] = [
  {
    name: 'A',
    description: '50 agents, 20 % answers',
    scenario: { ...DESIGN_FLOOR_SCENARIO, talkTime: LOGNORMAL_TALK_180_S },
  },
  {
    name: 'B',
    description: '10 agents, 20 % answers',
    scenario: { ...DESIGN_FLOOR_SCENARIO, agents: 10, talkTime: LOGNORMAL_TALK_180_S },
  },
  {
    name: 'C',
    description: '100 agents, answers 30 % → 10 %',
    scenario: {
      ...DESIGN_FLOOR_SCENARIO,
      agents: 100,
      answerProbability: 0.3,
      finalAnswerProbability: 0.1,
      talkTime: LOGNORMAL_TALK_180_S,
    },
  },
];

/**
 * The ways of dialling the benchmark compares. The fixed ratio is DESIGN.md §4's progressive mode
 * with 3 lines kept ringing per free agent (not per logged-in agent).
 */
export const BENCH_DIAL_MODES: readonly BenchDialMode[] = [
  { name: 'predictive', settings: { mode: 'predictive' } },
  { name: 'progressive 1:1', settings: { mode: 'progressive', linesPerAgent: 1 } },
  { name: 'preview', settings: { mode: 'preview' } },
  { name: 'fixed 3:1', settings: { mode: 'progressive', linesPerAgent: 3 } },
];
