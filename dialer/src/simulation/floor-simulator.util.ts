import { SeededRandom } from '@recupera/shared';
import {
  ABANDON_CONTROLLER_DEFAULTS,
  initialAbandonControllerState,
  updateAbandonController,
  type AbandonControllerState,
} from '../pacing/abandon-controller.util';
import type { PacingSnapshot } from '../pacing/pacing.type';
import { decideDials } from '../pacing/pacing.util';
import { RollingHistogram, RollingRate } from '../pacing/rolling-statistics.util';
import { meanDuration, sampleDuration } from './duration-model.util';
import { EventQueue } from './event-queue.util';
import type { MeasurementWindows, SimulationOptions, SimulationResult } from './simulation.type';

type SimEvent =
  | { readonly kind: 'tick' }
  | { readonly kind: 'dial-ended'; readonly dialId: number; readonly person: boolean }
  | { readonly kind: 'abandon-due'; readonly callId: number }
  | { readonly kind: 'talk-ended'; readonly agent: number }
  | { readonly kind: 'wrap-ended'; readonly agent: number };

interface AgentState {
  state: 'free' | 'talking' | 'wrap';
  since: number;
}

const DEFAULT_WINDOWS: MeasurementWindows = {
  dialOutcomes: 2_000,
  durationSamples: 1_000,
  abandonAnswers: 1_000,
};

/**
 * Replays a floor in virtual time: the carrier and the agents draw from the scenario's seeded
 * distributions, while the pacer sees only what a live dialer would (counts, start instants and
 * its own rolling measurements), through the same `decideDials` used live.
 */
export function simulateFloor(options: SimulationOptions): SimulationResult {
  const { scenario, settings, durationMs } = options;
  const tickMs = options.tickMs ?? 1_000;
  const windows = { ...DEFAULT_WINDOWS, ...options.windows };
  const controllerSettings = options.controller ?? {
    ...ABANDON_CONTROLLER_DEFAULTS,
    cap: settings.abandonCap,
  };
  const rng = new SeededRandom(options.seed);
  const events = new EventQueue<SimEvent>();

  const agents: AgentState[] = Array.from({ length: scenario.agents }, () => ({ state: 'free', since: 0 }));
  const dialsInFlight = new Map<number, number>();
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
  let offsetChangedAt = 0;
  let offsetArea = 0;
  let offsetMin = controller.offset;
  let offsetMax = controller.offset;

  let dials = 0;
  let personAnswers = 0;
  let connected = 0;
  let abandoned = 0;
  let busyMs = 0;
  let talkMs = 0;

  const bridge = (agent: number, now: number): void => {
    agents[agent] = { state: 'talking', since: now };
    connected++;
    events.push(now + sampleDuration(scenario.talkTime, rng), { kind: 'talk-ended', agent });
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
      if (agent.state === 'free') freeAgents++;
      else if (agent.state === 'wrap') wrapStartedAt.push(agent.since);
      else talkStartedAt.push(agent.since);
    }
    while (recentDialsAt.length > 0 && recentDialsAt[0] <= now - 10_000) recentDialsAt.shift();
    return {
      freeAgents,
      wrapStartedAt,
      talkStartedAt,
      answeredWaiting: waiting.length,
      dialsInFlightStartedAt: [...dialsInFlight.values()],
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
      offset: controller.offset,
    };
  };

  const pace = (now: number): void => {
    const { dials: count } = decideDials(snapshotAt(now), now);
    for (let i = 0; i < count; i++) {
      const dialId = nextId++;
      dials++;
      dialsInFlight.set(dialId, now);
      recentDialsAt.push(now);
      const person = rng.chance(scenario.answerProbability);
      const endsAt = now + (person ? sampleDuration(scenario.answerTime, rng) : scenario.ringNoAnswerMs);
      events.push(endsAt, { kind: 'dial-ended', dialId, person });
    }
  };

  const steerOffset = (now: number): void => {
    if (options.fixedOffset !== undefined || settings.mode !== 'predictive') return;
    const next = updateAbandonController(
      controller,
      { abandoned: abandonWindow.count, answered: abandonWindow.total },
      controllerSettings,
      now,
    );
    if (next.offset !== controller.offset) {
      offsetArea += controller.offset * (now - offsetChangedAt);
      offsetChangedAt = now;
      offsetMin = Math.min(offsetMin, next.offset);
      offsetMax = Math.max(offsetMax, next.offset);
    }
    controller = next;
  };

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
      case 'dial-ended': {
        const startedAt = dialsInFlight.get(event.dialId)!;
        dialsInFlight.delete(event.dialId);
        outcomes.add(event.person);
        if (!event.person) break;
        personAnswers++;
        answerTimes.add(now - startedAt);
        const agent = longestIdleAgent();
        if (agent >= 0) {
          abandonWindow.add(false);
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
          abandonWindow.add(true);
        }
        break;
      }
      case 'talk-ended': {
        const talk = now - agents[event.agent].since;
        talkMs += talk;
        busyMs += talk;
        talkTimes.add(talk);
        agents[event.agent] = { state: 'wrap', since: now };
        events.push(now + sampleDuration(scenario.wrapTime, rng), { kind: 'wrap-ended', agent: event.agent });
        break;
      }
      case 'wrap-ended': {
        const wrap = now - agents[event.agent].since;
        busyMs += wrap;
        wrapTimes.add(wrap);
        agents[event.agent] = { state: 'free', since: now };
        const call = waiting.shift();
        if (call) {
          abandonWindow.add(false);
          bridge(event.agent, now);
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
  offsetArea += controller.offset * (durationMs - offsetChangedAt);

  const agentMs = scenario.agents * durationMs;
  const talkMean = meanDuration(scenario.talkTime);
  const cycleMean = talkMean + meanDuration(scenario.wrapTime);
  const answered = connected + abandoned;
  return {
    mode: settings.mode,
    agents: scenario.agents,
    hours: durationMs / 3_600_000,
    dials,
    personAnswers,
    connected,
    abandoned,
    abandonRate: answered > 0 ? abandoned / answered : 0,
    occupancy: busyMs / agentMs,
    talkMinutesPerAgentHour: (talkMs / agentMs) * 60,
    idealTalkMinutesPerAgentHour: (talkMean / cycleMean) * 60,
    offset: { final: controller.offset, min: offsetMin, max: offsetMax, mean: offsetArea / durationMs },
  };
}
