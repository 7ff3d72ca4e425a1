import { DIALER_BENCH_SCENARIOS } from '../simulation/simulation.constant';
import type { DurationModel } from '../simulation/simulation.type';

/** How the simulated telephone network behaves: the shares of each outcome and how long things take. */
export interface SimulatedCallScenario {
  /** Relative weights of what a dial meets; they need not add up to 1. */
  readonly outcomes: { human: number; machine: number; busy: number; noAnswer: number; failed: number };
  /** Dialling to a person (or a machine) picking up. */
  readonly answerTime: DurationModel;
  /** An unanswered line rings this long (cut short by the campaign's ring timeout). */
  readonly ringNoAnswerMs: number;
  /** A bridged debtor hangs up after this long unless the agent does first. */
  readonly talkTime: DurationModel;
  readonly busyAfterMs: number;
  readonly failedAfterMs: number;
  /** How long the abandon message (or a voicemail) takes to play before the line drops. */
  readonly messageMs: number;
}

/** DESIGN.md §4's reference floor: 20 % people, 25 s ring-no-answer, 180 s lognormal talk. */
export const REFERENCE_SCENARIO: SimulatedCallScenario = {
  outcomes: { human: 0.2, machine: 0.12, busy: 0.06, noAnswer: 0.58, failed: 0.04 },
  answerTime: { kind: 'lognormal', meanMs: 9_000, cv: 0.5 },
  ringNoAnswerMs: 25_000,
  talkTime: { kind: 'lognormal', meanMs: 180_000, cv: 0.6 },
  busyAfterMs: 4_000,
  failedAfterMs: 1_500,
  messageMs: 8_000,
};

const BENCH_A = DIALER_BENCH_SCENARIOS[0].scenario;

/**
 * The dialer benchmark's floor A as a network: a person answers one dial in five after 4–14 s,
 * every other dial rings out at 25 s, talk is the bench's lognormal 180 s. The live benchmark runs
 * it so live and virtual figures can be compared.
 */
export const BENCH_FLOOR_SCENARIO: SimulatedCallScenario = {
  outcomes: {
    human: BENCH_A.answerProbability,
    machine: 0,
    busy: 0,
    noAnswer: 1 - BENCH_A.answerProbability,
    failed: 0,
  },
  answerTime: BENCH_A.answerTime,
  ringNoAnswerMs: BENCH_A.ringNoAnswerMs,
  talkTime: BENCH_A.talkTime,
  busyAfterMs: 4_000,
  failedAfterMs: 1_500,
  messageMs: 8_000,
};

/** Everyone answers within 1–3 s and stays on for ten minutes: load tests of the agents' sockets. */
export const EVERYONE_ANSWERS_SCENARIO: SimulatedCallScenario = {
  outcomes: { human: 1, machine: 0, busy: 0, noAnswer: 0, failed: 0 },
  answerTime: { kind: 'uniform', minMs: 1_000, maxMs: 3_000 },
  ringNoAnswerMs: 25_000,
  talkTime: { kind: 'fixed', ms: 600_000 },
  busyAfterMs: 4_000,
  failedAfterMs: 1_500,
  messageMs: 8_000,
};

export const SIMULATED_SCENARIOS = {
  reference: REFERENCE_SCENARIO,
  'bench-floor': BENCH_FLOOR_SCENARIO,
  'everyone-answers': EVERYONE_ANSWERS_SCENARIO,
} as const;
export type SimulatedScenarioName = keyof typeof SIMULATED_SCENARIOS;
