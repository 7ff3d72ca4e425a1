import type { PacingSettings } from '../pacing/pacing.type';
import type { FloorScenario } from './simulation.type';

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

/** Carrier limits generous enough not to bind on the design floor (about 1.2 dials per second). */
export const SIMULATION_PACING_SETTINGS: PacingSettings = {
  mode: 'predictive',
  linesPerAgent: 1,
  abandonCap: 0.03,
  maxLinesPerAgent: 3,
  concurrentLineLimit: 500,
  callsPerSecondLimit: 20,
};
