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
  /** Chance a dial is answered by a person (at the start of the run, when it drifts). */
  readonly answerProbability: number;
  /**
   * When given, the chance drifts linearly from `answerProbability` at the start of the run to
   * this at its end (lists worked through, people at work later in the day…); the pacer is not told.
   */
  readonly finalAnswerProbability?: number;
  /** Time from dialling to a person answering. */
  readonly answerTime: DurationModel;
  /** Every other dial rings this long and ends unanswered. */
  readonly ringNoAnswerMs: number;
  readonly talkTime: DurationModel;
  readonly wrapTime: DurationModel;
  /** A person answered with no agent free within this long is abandoned. */
  readonly abandonAfterMs: number;
  /**
   * Preview mode only: how long an agent reads an account before dialling it (every attempt,
   * answered or not). Default SIMULATION_PREVIEW_TIME_MS.
   */
  readonly previewTimeMs?: number;
  /**
   * Agents log in one after another, evenly over this long from the start of the run. Default
   * SIMULATION_LOGIN_SPREAD_MS; 0 logs everyone in at once, and the first dials then go out
   * together in a burst that echoes for minutes (every unanswered line rings out at the same 25 s).
   */
  readonly loginSpreadMs?: number;
}

/** A named floor of the dialer benchmark. */
export interface BenchScenario {
  readonly name: string;
  readonly description: string;
  readonly scenario: FloorScenario;
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
  /** Share of logged-in agent time talking or wrapping up. */
  readonly occupancy: number;
  readonly talkMinutesPerAgentHour: number;
  /** Talk minutes per agent-hour with zero idle time: the ceiling for this floor. */
  readonly idealTalkMinutesPerAgentHour: number;
  /**
   * The highest abandon rate over any hour of the run (windows ending every second from the
   * first hour on; the whole run when it is shorter than an hour).
   */
  readonly worstHourAbandonRate: number;
  /** Dials placed (by the pacer, or by agents in preview) per logged-in agent-hour. */
  readonly attemptsPerAgentHour: number;
  /** Mean time an agent waited, free (or previewing and dialling), before each connected call. */
  readonly idleSecondsBetweenCalls: number;
  /** Dials placed per second of the run: what the carrier account's CPS limit must allow. */
  readonly callsPerSecond: {
    readonly mean: number;
    /** 99th percentile over the run's one-second intervals. */
    readonly p99: number;
    /** The busiest one-second interval after the first 10 minutes. */
    readonly peak: number;
    /** The busiest second of the first 10 minutes (log-ins, predictive's ramp-up ending). */
    readonly startPeak: number;
  };
  /** The offset c pacing used (the slow loop's, less the rolling-hour guard's cut), sampled every tick. */
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

/** One way of dialling compared by the benchmark: a label and what it changes in the settings. */
export interface BenchDialMode {
  readonly name: string;
  readonly settings: Partial<PacingSettings>;
}

export interface DialModeComparisonOptions {
  readonly scenario: FloorScenario;
  readonly hours?: number;
  readonly seed?: number;
  readonly modes?: readonly BenchDialMode[];
}

export interface DialModeRun {
  readonly mode: string;
  readonly result: SimulationResult;
}
