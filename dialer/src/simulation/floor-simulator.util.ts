import { SeededRandom } from '@recupera/shared';
import {
  ABANDON_CONTROLLER_DEFAULTS,
  abandonGuardCut,
  initialAbandonControllerState,
  updateAbandonController,
  type AbandonControllerState,
} from '../pacing/abandon-controller.util';
import type { PacingSnapshot } from '../pacing/pacing.type';
import { decideDials } from '../pacing/pacing.util';
import { RollingHistogram, RollingRate, TimeWindowRate } from '../pacing/rolling-statistics.util';
import { meanDuration, sampleDuration } from './duration-model.util';
import { EventQueue } from './event-queue.util';
import { perSecondSlots, slotAt, summarizePerSecond, worstWindowRate } from './run-metrics.util';
import { SIMULATION_LOGIN_SPREAD_MS, SIMULATION_PREVIEW_TIME_MS } from './simulation.constant';
import type { MeasurementWindows, SimulationOptions, SimulationResult } from './simulation.type';

type SimEvent =
  | { readonly kind: 'tick' }
  | { readonly kind: 'login'; readonly agent: number }
  | { readonly kind: 'dial-ended'; readonly dialId: number; readonly person: boolean }
  | { readonly kind: 'abandon-due'; readonly callId: number }
  | { readonly kind: 'talk-ended'; readonly agent: number }
  | { readonly kind: 'wrap-ended'; readonly agent: number }
  | { readonly kind: 'preview-ended'; readonly agent: number };

interface AgentState {
  /** `previewing` and `dialling` (waiting on the agent's own call) happen in preview mode only. */
  state: 'offline' | 'free' | 'previewing' | 'dialling' | 'talking' | 'wrap';
  since: number;
  /** When the agent last finished a wrap-up (or logged in): the start of the idle gap. */
  idleSince: number;
}

interface Dial {
  readonly startedAt: number;
  /** The agent who placed it (preview), or null for a pacer dial. */
  readonly owner: number | null;
}

const DEFAULT_WINDOWS: MeasurementWindows = {
  dialOutcomes: 2_000,
  durationSamples: 1_000,
  abandonAnswers: 1_000,
};

const HOUR_SECONDS = 3_600;
/**
 * The start of a shift, reported apart for calls per second: agents log in, and predictive leaves
 * its 1:1 ramp-up at once for every agent then free, a burst the carrier limit spreads out live.
 */
const START_SECONDS = 600;

/**
 * Replays a floor in virtual time: the carrier and the agents draw from the scenario's seeded
 * distributions, while the pacer sees only what a live dialer would (counts, start instants and
 * its own rolling measurements), through the same `decideDials` used live. In preview mode the
 * pacer places nothing (as live); each agent reads an account, dials it, and waits on that line.
 */
export function simulateFloor(options: SimulationOptions): SimulationResult {
  const { scenario, settings, durationMs } = options;
  const tickMs = options.tickMs ?? 1_000;
  const windows = { ...DEFAULT_WINDOWS, ...options.windows };
  const controllerSettings = options.controller ?? {
    ...ABANDON_CONTROLLER_DEFAULTS,
    cap: settings.abandonCap,
  };
  const previewing = settings.mode === 'preview';
  const previewTimeMs = scenario.previewTimeMs ?? SIMULATION_PREVIEW_TIME_MS;
  const finalAnswerProbability = scenario.finalAnswerProbability ?? scenario.answerProbability;
  const loginSpreadMs = scenario.loginSpreadMs ?? SIMULATION_LOGIN_SPREAD_MS;
  const loginAt = (agent: number): number => (agent * loginSpreadMs) / scenario.agents;
  const rng = new SeededRandom(options.seed);
  const events = new EventQueue<SimEvent>();

  const agents: AgentState[] = Array.from({ length: scenario.agents }, (_, agent) => ({
    state: 'offline',
    since: loginAt(agent),
    idleSince: loginAt(agent),
  }));
  const dialsInFlight = new Map<number, Dial>();
  const waiting: { id: number; answeredAt: number }[] = [];
  const recentDialsAt: number[] = [];
  let nextId = 0;

  const outcomes = new RollingRate(windows.dialOutcomes);
  const abandonWindow = new RollingRate(windows.abandonAnswers);
  const answerTimes = new RollingHistogram(250, 240, windows.durationSamples);
  const talkTimes = new RollingHistogram(1_000, 3_600, windows.durationSamples);
  const wrapTimes = new RollingHistogram(500, 1_200, windows.durationSamples);

  let controller: AbandonControllerState =
    options.fixedOffset !== undefined
      ? { offset: options.fixedOffset, updatedAt: null }
      : initialAbandonControllerState(controllerSettings);
  const steered = options.fixedOffset === undefined && settings.mode === 'predictive';
  const guardWindow = new TimeWindowRate(controllerSettings.guardWindowMs);
  let offsetSum = 0;
  let offsetSamples = 0;
  let offsetMin = controller.offset;
  let offsetMax = controller.offset;

  let dials = 0;
  let personAnswers = 0;
  let connected = 0;
  let abandoned = 0;
  let busyMs = 0;
  let talkMs = 0;
  let idleBeforeCallsMs = 0;
  const dialsPerSecond = perSecondSlots(durationMs);
  const answeredPerSecond = perSecondSlots(durationMs);
  const abandonedPerSecond = perSecondSlots(durationMs);

  /** c as pacing uses it: the slow loop's offset less the rolling-window guard's cut. */
  const offsetAt = (now: number): number => {
    if (!steered) return controller.offset;
    const { count, total } = guardWindow.measure(now);
    return controller.offset - abandonGuardCut({ abandoned: count, answered: total }, controllerSettings);
  };

  const recordAnswer = (now: number, wasAbandoned: boolean): void => {
    abandonWindow.add(wasAbandoned);
    guardWindow.add(now, wasAbandoned);
    answeredPerSecond[slotAt(answeredPerSecond, now)]++;
    if (wasAbandoned) abandonedPerSecond[slotAt(abandonedPerSecond, now)]++;
  };

  const answerProbabilityAt = (now: number): number =>
    scenario.answerProbability +
    ((finalAnswerProbability - scenario.answerProbability) * Math.min(now, durationMs)) / durationMs;

  const bridge = (agent: number, now: number): void => {
    idleBeforeCallsMs += now - agents[agent].idleSince;
    agents[agent] = { ...agents[agent], state: 'talking', since: now };
    connected++;
    recordAnswer(now, false);
    events.push(now + sampleDuration(scenario.talkTime, rng), { kind: 'talk-ended', agent });
  };

  const placeDial = (now: number, owner: number | null): void => {
    const dialId = nextId++;
    dials++;
    dialsPerSecond[slotAt(dialsPerSecond, now)]++;
    dialsInFlight.set(dialId, { startedAt: now, owner });
    recentDialsAt.push(now);
    const person = rng.chance(answerProbabilityAt(now));
    const endsAt = now + (person ? sampleDuration(scenario.answerTime, rng) : scenario.ringNoAnswerMs);
    events.push(endsAt, { kind: 'dial-ended', dialId, person });
  };

  const startPreview = (agent: number, now: number): void => {
    agents[agent] = { ...agents[agent], state: 'previewing', since: now };
    events.push(now + previewTimeMs, { kind: 'preview-ended', agent });
  };

  const longestIdleAgent = (): number => {
    let best = -1;
    for (let i = 0; i < agents.length; i++) {
      if (agents[i].state === 'free' && (best < 0 || agents[i].since < agents[best].since)) best = i;
    }
    return best;
  };

  const snapshotAt = (now: number): PacingSnapshot => {
    let freeAgents = 0;
    const wrapStartedAt: number[] = [];
    const talkStartedAt: number[] = [];
    for (const agent of agents) {
      if (agent.state === 'wrap') wrapStartedAt.push(agent.since);
      else if (agent.state === 'talking') talkStartedAt.push(agent.since);
      else if (agent.state !== 'offline') freeAgents++;
    }
    while (recentDialsAt.length > 0 && recentDialsAt[0] <= now - 10_000) recentDialsAt.shift();
    const dialsInFlightStartedAt: number[] = [];
    for (const dial of dialsInFlight.values()) dialsInFlightStartedAt.push(dial.startedAt);
    return {
      freeAgents,
      wrapStartedAt,
      talkStartedAt,
      answeredWaiting: waiting.length,
      dialsInFlightStartedAt,
      recentDialsAt,
      otherLinesInUse: 0,
      statistics: {
        completedDials: outcomes.total,
        personAnswers: outcomes.count,
        answerTime: answerTimes.toHistogram(),
        talkTime: talkTimes.toHistogram(),
        wrapTime: wrapTimes.toHistogram(),
        abandon: { abandoned: abandonWindow.count, answered: abandonWindow.total },
      },
      settings,
      offset: offsetAt(now),
    };
  };

  const pace = (now: number): void => {
    const { dials: count } = decideDials(snapshotAt(now), now);
    for (let i = 0; i < count; i++) placeDial(now, null);
  };

  const steerOffset = (now: number): void => {
    if (steered) {
      const { count, total } = guardWindow.measure(now);
      controller = updateAbandonController(
        controller,
        { abandoned: abandonWindow.count, answered: abandonWindow.total },
        controllerSettings,
        now,
        { abandoned: count, answered: total },
      );
    }
    const offset = offsetAt(now);
    offsetSum += offset;
    offsetSamples++;
    offsetMin = Math.min(offsetMin, offset);
    offsetMax = Math.max(offsetMax, offset);
  };

  // Logins first, so the first decision at 0 sees the first agent.
  agents.forEach((_, agent) => events.push(loginAt(agent), { kind: 'login', agent }));
  events.push(0, { kind: 'tick' });
  for (;;) {
    const at = events.peekAt();
    if (at === undefined || at >= durationMs) break;
    const { event } = events.pop()!;
    const now = at;
    switch (event.kind) {
      case 'tick':
        steerOffset(now);
        events.push(now + tickMs, { kind: 'tick' });
        break;
      case 'login':
        agents[event.agent] = { state: 'free', since: now, idleSince: now };
        if (previewing) startPreview(event.agent, now);
        break;
      case 'preview-ended':
        agents[event.agent] = { ...agents[event.agent], state: 'dialling', since: now };
        placeDial(now, event.agent);
        break;
      case 'dial-ended': {
        const dial = dialsInFlight.get(event.dialId)!;
        dialsInFlight.delete(event.dialId);
        outcomes.add(event.person);
        if (dial.owner !== null) {
          // The agent who dialled is on the line: a person is bridged at once, else next account.
          if (event.person) {
            personAnswers++;
            answerTimes.add(now - dial.startedAt);
            bridge(dial.owner, now);
          } else {
            startPreview(dial.owner, now);
          }
          break;
        }
        if (!event.person) break;
        personAnswers++;
        answerTimes.add(now - dial.startedAt);
        const agent = longestIdleAgent();
        if (agent >= 0) {
          bridge(agent, now);
        } else {
          const callId = nextId++;
          waiting.push({ id: callId, answeredAt: now });
          events.push(now + scenario.abandonAfterMs, { kind: 'abandon-due', callId });
        }
        break;
      }
      case 'abandon-due': {
        const index = waiting.findIndex((call) => call.id === event.callId);
        if (index >= 0) {
          waiting.splice(index, 1);
          abandoned++;
          recordAnswer(now, true);
        }
        break;
      }
      case 'talk-ended': {
        const talk = now - agents[event.agent].since;
        talkMs += talk;
        busyMs += talk;
        talkTimes.add(talk);
        agents[event.agent] = { ...agents[event.agent], state: 'wrap', since: now };
        events.push(now + sampleDuration(scenario.wrapTime, rng), { kind: 'wrap-ended', agent: event.agent });
        break;
      }
      case 'wrap-ended': {
        const wrap = now - agents[event.agent].since;
        busyMs += wrap;
        wrapTimes.add(wrap);
        agents[event.agent] = { state: 'free', since: now, idleSince: now };
        const call = waiting.shift();
        if (call) {
          bridge(event.agent, now);
        } else if (previewing) {
          startPreview(event.agent, now);
        }
        break;
      }
    }
    pace(now);
  }

  // Calls still under way at the end count for the time they have run so far.
  for (const agent of agents) {
    if (agent.state === 'talking') {
      talkMs += durationMs - agent.since;
      busyMs += durationMs - agent.since;
    } else if (agent.state === 'wrap') {
      busyMs += durationMs - agent.since;
    }
  }

  let agentMs = 0;
  agents.forEach((_, agent) => (agentMs += Math.max(0, durationMs - loginAt(agent))));
  const talkMean = meanDuration(scenario.talkTime);
  const cycleMean = talkMean + meanDuration(scenario.wrapTime);
  const answered = connected + abandoned;
  const cps = summarizePerSecond(dialsPerSecond, START_SECONDS);
  return {
    mode: settings.mode,
    agents: scenario.agents,
    hours: durationMs / 3_600_000,
    dials,
    personAnswers,
    connected,
    abandoned,
    abandonRate: answered > 0 ? abandoned / answered : 0,
    worstHourAbandonRate: worstWindowRate(abandonedPerSecond, answeredPerSecond, HOUR_SECONDS),
    occupancy: busyMs / agentMs,
    talkMinutesPerAgentHour: (talkMs / agentMs) * 60,
    idealTalkMinutesPerAgentHour: (talkMean / cycleMean) * 60,
    attemptsPerAgentHour: dials / (agentMs / 3_600_000),
    idleSecondsBetweenCalls: connected > 0 ? idleBeforeCallsMs / connected / 1_000 : 0,
    callsPerSecond: { mean: cps.mean, p99: cps.p99, peak: cps.peak, startPeak: cps.warmUpPeak },
    offset: {
      final: offsetAt(durationMs),
      min: offsetMin,
      max: offsetMax,
      mean: offsetSamples > 0 ? offsetSum / offsetSamples : controller.offset,
    },
  };
}
