import type { AbandonControllerSettings } from '../pacing/abandon-controller.util';
import type { PacingSettings } from '../pacing/pacing.type';

export type DurationModel =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'exponential'; readonly meanMs: number }
  | { readonly kind: 'lognormal'; readonly meanMs: number; readonly cv: number };

/** The floor being simulated: what the carrier and the agents do, unknown to the pacer. */
export interface FloorScenario {
  readonly agents: number;
  /** Chance a dial is answered by a person. */
  readonly answerProbability: number;
  /** Time from dialling to a person answering. */
  readonly answerTime: DurationModel;
  /** Every other dial rings this long and ends unanswered. */
  readonly ringNoAnswerMs: number;
  readonly talkTime: DurationModel;
  readonly wrapTime: DurationModel;
  /** A person answered with no agent free within this long is abandoned. */
  readonly abandonAfterMs: number;
}

/** How the simulated dialer measures its campaign (the windows a live runner would keep). */
export interface MeasurementWindows {
  /** Dial outcomes kept for p. */
  readonly dialOutcomes: number;
  /** Duration samples kept per distribution. */
  readonly durationSamples: number;
  /** Person-answered calls over which the abandon rate fed to the controller is measured. */
  readonly abandonAnswers: number;
}

export interface SimulationOptions {
  readonly scenario: FloorScenario;
  readonly settings: PacingSettings;
  readonly durationMs: number;
  readonly seed: number;
  /** Pacing also runs after every event; the tick covers quiet stretches and the CPS window. */
  readonly tickMs?: number;
  /** Leaves the offset fixed (no feedback loop) when given: used to map abandon against c. */
  readonly fixedOffset?: number;
  readonly controller?: AbandonControllerSettings;
  readonly windows?: Partial<MeasurementWindows>;
}

export interface SimulationResult {
  readonly mode: PacingSettings['mode'];
  readonly agents: number;
  readonly hours: number;
  readonly dials: number;
  readonly personAnswers: number;
  readonly connected: number;
  readonly abandoned: number;
  /** abandoned ÷ (connected + abandoned). */
  readonly abandonRate: number;
  /** Share of agent time talking or wrapping up. */
  readonly occupancy: number;
  readonly talkMinutesPerAgentHour: number;
  /** Talk minutes per agent-hour with zero idle time: the ceiling for this floor. */
  readonly idealTalkMinutesPerAgentHour: number;
  /** The pacing offset c over the run (time-weighted mean). */
  readonly offset: {
    readonly final: number;
    readonly min: number;
    readonly max: number;
    readonly mean: number;
  };
}

export interface PacingComparisonOptions {
  readonly scenario?: FloorScenario;
  readonly hours?: number;
  readonly seed?: number;
  readonly abandonCap?: number;
  readonly controller?: Partial<AbandonControllerSettings>;
}

export interface PacingComparison {
  readonly scenario: FloorScenario;
  readonly progressive: SimulationResult;
  readonly predictive: SimulationResult;
}
