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
export { RedirectingRequestClient, TwilioCarrier } from './carriers/twilio.carrier';
export type { TwilioCarrierOptions } from './carriers/twilio.carrier';
export { TWILIO_WEBHOOK_KINDS, twilioCallEvent, twilioWebhookOutcome } from './carriers/twilio-events.util';
export type { TwilioWebhookKind } from './carriers/twilio-events.util';
export {
  agentConferenceName,
  agentConferenceTwiml,
  answerTwiml,
  messageTwiml,
} from './carriers/twilio-twiml.util';
export type * from './carriers/carrier.type';
export { SimulatedCarrier } from './carriers/simulated.carrier';
export type {
  SimulatedCommand,
  SimulatedCommandBus,
  SimulatedCarrierOptions,
} from './carriers/simulated.carrier';
export {
  BENCH_FLOOR_SCENARIO,
  REFERENCE_SCENARIO,
  SIMULATED_SCENARIOS,
} from './carriers/simulated-scenario.constant';
export type { SimulatedScenarioName } from './carriers/simulated-scenario.constant';
export type { SimulatedCallScenario } from './carriers/simulated-scenario.constant';
export { RedisCommandBus } from './carriers/redis-command-bus.util';
export { LiveKeys } from './live/live-keys.util';
export { AgentPoolStore, AgentStateConflict } from './live/agent-pool.store';
export { CampaignLiveStore, STAT_WINDOWS } from './live/campaign-live.store';
export type { HopperEntry, LiveCall, CampaignMeasurements } from './live/campaign-live.store';
export type * from './runner/dialer-ports.type';
export { DialerEngine } from './runner/dialer-engine.factory';
export type { DialerEngineDeps } from './runner/dialer-engine.factory';
export { AgentDeskError } from './runner/agent-moves.util';
export { buildPacingSnapshot } from './runner/pacing-snapshot.util';
export { DialerProducer } from './jobs/dialer.producer';
export { DialerProcessor } from './jobs/dialer.processor';
