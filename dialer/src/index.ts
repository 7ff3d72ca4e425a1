export * from './pacing/pacing.type';
export * from './pacing/pacing.constant';
export { decideDials } from './pacing/pacing.util';
export {
  answerProbability,
  dialsWithinMargin,
  inFlightAnswerProbability,
  predictiveTerms,
  sureDials,
} from './pacing/predictive.util';
export type { PredictiveTerms } from './pacing/predictive.util';
export { applyLineLimits, callsPerSecondHeadroom } from './pacing/line-limits.util';
export type { LimitedDials } from './pacing/line-limits.util';
export {
  cdfAt,
  conditionalCompletion,
  earliestAt,
  histogramFromSamples,
  sampleCount,
  survivalAt,
  talkThenWrapCompletion,
} from './pacing/duration-histogram.util';
export * from './pacing/abandon-controller.util';
export { RollingHistogram, RollingRate, TimeWindowRate } from './pacing/rolling-statistics.util';
export * from './simulation/simulation.type';
export * from './simulation/simulation.constant';
export { simulateFloor } from './simulation/floor-simulator.util';
export { compareDialModes, runPacingComparison } from './simulation/pacing-comparison.util';
