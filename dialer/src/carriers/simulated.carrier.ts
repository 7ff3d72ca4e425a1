import { SeededRandom } from '@recupera/shared';
import { sampleDuration } from '../simulation/duration-model.util';
import type {
  CallHandle,
  Carrier,
  CarrierCallEvent,
  CarrierEndReason,
  CarrierEventSink,
  PlaceCallRequest,
} from './carrier.type';
import { REFERENCE_SCENARIO, type SimulatedCallScenario } from './simulated-scenario.constant';

/** A command for a call placed by another process; only the process that holds the call acts on it. */
export type SimulatedCommand =
  | { kind: 'bridge'; callId: string; agentId: string }
  | { kind: 'message'; callId: string }
  | { kind: 'hold'; callId: string; on: boolean }
  | { kind: 'hang-up'; callId: string };

/** How simulated carriers of several processes reach each other (Redis pub/sub in production). */
export interface SimulatedCommandBus {
  publish(command: SimulatedCommand): Promise<void>;
  subscribe(handler: (command: SimulatedCommand) => void): Promise<void>;
  close(): Promise<void>;
}

export interface SimulatedCarrierOptions {
  seed: number;
  /** Multiplies every duration: 0.1 replays a floor ten times faster. */
  timeScale?: number;
  scenario?: SimulatedCallScenario;
  bus?: SimulatedCommandBus;
}

type Stage = 'ringing' | 'answered' | 'bridged' | 'message' | 'ended';

interface LiveCall {
  handle: CallHandle;
  stage: Stage;
  rng: SeededRandom;
  timer: NodeJS.Timeout | null;
  /** What the timer will do, and when (ms since epoch, real time). */
  next: { action: () => Promise<void>; at: number } | null;
  /** On hold the conversation stops: the debtor's hang-up waits this much longer once taken off. */
  heldRemainingMs: number | null;
}

/** FNV-1a over the call id, so each call's draws depend only on the seed and the call. */
function callSeed(seed: number, callId: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < callId.length; i++) hash = Math.imul(hash ^ callId.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The built-in carrier: every dial draws its fate from a seeded scenario (person, machine, busy, no
 * answer, failure) and reports it through the same events a real carrier sends, on real timers, so
 * the dialer, the agents' consoles and the tests cannot tell it from a network. A call lives in the
 * process that placed it; commands for it from other processes travel over the bus.
 */
export class SimulatedCarrier implements Carrier {
  readonly name = 'simulated' as const;
  private sink: CarrierEventSink | null = null;
  private readonly calls = new Map<string, LiveCall>();
  private readonly scale: number;
  private scenario: SimulatedCallScenario;
  private sequence = 0;

  constructor(private readonly options: SimulatedCarrierOptions) {
    this.scale = options.timeScale ?? 1;
    this.scenario = options.scenario ?? REFERENCE_SCENARIO;
  }

  /** Listens to the bus; call once before placing calls when several processes share a floor. */
  async start(): Promise<void> {
    await this.options.bus?.subscribe((command) => this.onCommand(command));
  }

  /** Changes how later calls behave (a quieter afternoon, a test that needs every call answered). */
  useScenario(scenario: SimulatedCallScenario): void {
    this.scenario = scenario;
  }

  onEvent(sink: CarrierEventSink): void {
    this.sink = sink;
  }

  /** Calls this process holds right now. */
  get liveCalls(): number {
    return this.calls.size;
  }

  async placeCall(request: PlaceCallRequest): Promise<CallHandle> {
    const handle = {
      callId: request.callId,
      carrierSid: `SIM${(++this.sequence).toString(36)}-${request.callId}`,
    };
    const rng = new SeededRandom(callSeed(this.options.seed, request.callId));
    const call: LiveCall = { handle, stage: 'ringing', rng, timer: null, next: null, heldRemainingMs: null };
    this.calls.set(request.callId, call);
    const ringLimitMs = request.ringTimeoutSeconds * 1_000;
    const fate = rng.weighted(this.scenario.outcomes);
    // The network reports ringing almost at once; this timer is never cancelled, so it is not kept.
    setTimeout(() => {
      if (call.stage === 'ringing' && this.calls.has(request.callId))
        this.emit({ kind: 'ringing', ...handle, at: new Date() }).catch(() => undefined);
    }, 50 * this.scale);
    switch (fate) {
      case 'human':
      case 'machine': {
        const answerMs = sampleDuration(this.scenario.answerTime, rng);
        if (answerMs > ringLimitMs) {
          this.endAfter(call, ringLimitMs, 'no_answer');
        } else {
          this.schedule(call, answerMs, () => {
            call.stage = 'answered';
            return this.emit({ kind: 'answered', ...handle, at: new Date(), answeredBy: fate });
          });
        }
        break;
      }
      case 'busy':
        this.endAfter(call, this.scenario.busyAfterMs, 'busy');
        break;
      case 'failed':
        this.endAfter(call, this.scenario.failedAfterMs, 'failed');
        break;
      case 'noAnswer':
        this.endAfter(call, Math.min(this.scenario.ringNoAnswerMs, ringLimitMs), 'no_answer');
        break;
    }
    return handle;
  }

  async bridgeToAgent(call: CallHandle, agentId: string): Promise<{ agentLeg: string | null }> {
    await this.command({ kind: 'bridge', callId: call.callId, agentId });
    return { agentLeg: null };
  }

  /** A simulated call has no audio to listen to. */
  readonly canMonitor = false;

  monitor(): Promise<string> {
    return Promise.reject(new Error('The simulated carrier carries no audio to listen to'));
  }

  async hold(call: CallHandle, _agentId: string, on: boolean): Promise<void> {
    await this.command({ kind: 'hold', callId: call.callId, on });
  }

  async playMessageAndHangUp(call: CallHandle): Promise<void> {
    await this.command({ kind: 'message', callId: call.callId });
  }

  async hangUp(call: CallHandle): Promise<void> {
    await this.command({ kind: 'hang-up', callId: call.callId });
  }

  async close(): Promise<void> {
    for (const call of this.calls.values()) if (call.timer) clearTimeout(call.timer);
    this.calls.clear();
    await this.options.bus?.close();
  }

  private async command(command: SimulatedCommand): Promise<void> {
    if (this.calls.has(command.callId)) this.onCommand(command);
    else await this.options.bus?.publish(command);
  }

  private onCommand(command: SimulatedCommand): void {
    const call = this.calls.get(command.callId);
    if (!call || call.stage === 'ended') return;
    switch (command.kind) {
      case 'bridge':
        // A bridged call bridged again is a transfer: the debtor starts a new conversation.
        if (call.stage !== 'answered' && call.stage !== 'bridged') return;
        call.stage = 'bridged';
        call.heldRemainingMs = null;
        this.endAfter(call, sampleDuration(this.scenario.talkTime, call.rng), 'completed');
        return;
      case 'hold':
        if (call.stage === 'bridged') this.setHeld(call, command.on);
        return;
      case 'message':
        call.stage = 'message';
        this.endAfter(call, this.scenario.messageMs, 'completed');
        return;
      case 'hang-up':
        this.endAfter(call, 0, call.stage === 'ringing' ? 'canceled' : 'completed');
        return;
    }
  }

  private setHeld(call: LiveCall, on: boolean): void {
    if (on && call.heldRemainingMs === null && call.timer && call.next) {
      clearTimeout(call.timer);
      call.timer = null;
      call.heldRemainingMs = Math.max(0, call.next.at - Date.now());
    } else if (!on && call.heldRemainingMs !== null && call.next) {
      const { action } = call.next;
      const remaining = call.heldRemainingMs;
      call.heldRemainingMs = null;
      this.schedule(call, remaining / this.scale, action);
    }
  }

  /** Sets what the call waits for next, cancelling whatever it waited for before. */
  private schedule(call: LiveCall, ms: number, action: () => Promise<void>): void {
    if (call.timer) clearTimeout(call.timer);
    const delay = ms * this.scale;
    call.next = { action, at: Date.now() + delay };
    call.timer = setTimeout(() => {
      call.timer = null;
      call.next = null;
      action().catch(() => undefined);
    }, delay);
  }

  private endAfter(call: LiveCall, ms: number, reason: CarrierEndReason): void {
    this.schedule(call, ms, () => {
      call.stage = 'ended';
      this.calls.delete(call.handle.callId);
      return this.emit({ kind: 'ended', ...call.handle, at: new Date(), reason });
    });
  }

  private async emit(event: CarrierCallEvent): Promise<void> {
    await this.sink?.(event);
  }
}
