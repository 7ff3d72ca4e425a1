import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ErrorCode,
  type AckResult,
  type AgentServerToClientEvents,
  type AgentStateView,
  type CallView,
} from '@recupera/shared';
import type { SocketStatus } from '../../core/realtime/admin-socket.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { callView } from './call-view.factory';
import { SoftphoneStore } from './softphone.store';

type Handlers = { [E in keyof AgentServerToClientEvents]?: AgentServerToClientEvents[E] };
type Request = { event: string; payload: unknown; answer: (result: AckResult) => void };

/** Stands in for the /agent socket: the test plays the server's events and answers the requests. */
/** A server event's payload before the server numbers it. */
type Unsequenced<E extends keyof AgentServerToClientEvents> = Omit<
  Parameters<AgentServerToClientEvents[E]>[0],
  'seq'
>;

class FakeAgentSocket {
  readonly handlers: Handlers = {};
  readonly status = signal<SocketStatus>('disconnected');
  private seq = 0;
  readonly requests: Request[] = [];
  connects = 0;

  connect(): void {
    this.connects += 1;
    this.status.set('connected');
  }

  on<E extends keyof AgentServerToClientEvents>(event: E, handler: AgentServerToClientEvents[E]): () => void {
    (this.handlers as Record<string, unknown>)[event] = handler;
    return () => delete this.handlers[event];
  }

  request(event: string, payload: unknown): Promise<AckResult> {
    return new Promise((answer) => this.requests.push({ event, payload, answer }));
  }

  /** Plays a server event, numbered as the server numbers them (1, 2, 3…). */
  emit<E extends keyof AgentServerToClientEvents>(event: E, payload: Unsequenced<E>): void {
    this.seq += 1;
    (this.handlers[event] as (payload: unknown) => void)({ ...payload, seq: this.seq });
  }

  /** Answers the oldest unanswered request and lets the store's await continue. */
  async answer(result: AckResult): Promise<Request> {
    const request = this.requests.shift();
    if (!request) throw new Error('no request to answer');
    request.answer(result);
    await Promise.resolve();
    await Promise.resolve();
    return request;
  }
}

const NOW = Date.parse('2026-03-09T16:00:00Z');

function stateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'offline',
    since: new Date(NOW).toISOString(),
    breakReason: null,
    callId: null,
    campaignId: null,
    ...patch,
  };
}

const CALL: CallView = callView({ connectedAt: new Date(NOW).toISOString() });

describe(SoftphoneStore.name, () => {
  let socket: FakeAgentSocket;
  let store: SoftphoneStore;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    store = TestBed.inject(SoftphoneStore);
    store.connect();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the state of the snapshot and counts the time in it every second', () => {
    expect(socket.connects).toBe(1);
    expect(store.ready()).toBe(false);
    expect(store.state()).toBe('offline');

    socket.emit('agent.snapshot', {
      state: stateView({ state: 'break', breakReason: 'lunch', since: new Date(NOW - 65_000).toISOString() }),
      call: null,
      script: null,
    });

    expect(store.ready()).toBe(true);
    expect(store.state()).toBe('break');
    expect(store.breakReason()).toBe('lunch');
    expect(store.secondsInState()).toBe(65);
    jest.advanceTimersByTime(3_000);
    expect(store.secondsInState()).toBe(68);
    expect(store.canGoAvailable()).toBe(true);
    expect(store.canHangUp()).toBe(false);
  });

  it('restores a call in progress from the snapshot after a reconnection', () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'on_call', callId: 'call-1', campaignId: 'cmp-1' }),
      call: { ...CALL, connectedAt: new Date(NOW - 42_000).toISOString() },
      script: null,
    });

    expect(store.call()?.debtorName).toBe('María López');
    expect(store.callSeconds()).toBe(42);
    expect(store.canHangUp()).toBe(true);
    expect(store.canGoAvailable()).toBe(false);
    expect(store.canTakeBreak()).toBe(false);
  });

  it('asks to go available and follows the state the server reports', async () => {
    socket.emit('agent.snapshot', { state: stateView(), call: null, script: null });

    const asked = store.goAvailable();
    expect(store.pending()).toBe('available');
    expect(store.canGoAvailable()).toBe(false);
    const request = await socket.answer({ ok: true });
    await asked;

    expect(request).toMatchObject({ event: 'agent.state-requested', payload: { state: 'available' } });
    expect(store.pending()).toBeNull();
    socket.emit('agent.state-changed', stateView({ state: 'available' }));
    expect(store.state()).toBe('available');
    expect(store.canGoAvailable()).toBe(false);
    expect(store.canTakeBreak()).toBe(true);
  });

  it('sends the chosen break reason', async () => {
    socket.emit('agent.snapshot', { state: stateView({ state: 'available' }), call: null, script: null });

    const asked = store.takeBreak('training');
    const request = await socket.answer({ ok: true });
    await asked;

    expect(request).toMatchObject({
      event: 'agent.state-requested',
      payload: { state: 'break', breakReason: 'training' },
    });
  });

  it('takes a call, hangs it up, wraps it up and is available again', async () => {
    socket.emit('agent.snapshot', { state: stateView({ state: 'available' }), call: null, script: null });

    socket.emit(
      'agent.state-changed',
      stateView({ state: 'on_call', callId: 'call-1', campaignId: 'cmp-1' }),
    );
    socket.emit('call.connected', CALL);
    expect(store.call()).toMatchObject(CALL);
    jest.advanceTimersByTime(5_000);
    expect(store.callSeconds()).toBe(5);

    const hangingUp = store.hangUp();
    expect(store.pending()).toBe('hang-up');
    const hangUp = await socket.answer({ ok: true });
    await hangingUp;
    expect(hangUp).toMatchObject({ event: 'call.hang-up-requested', payload: { callId: 'call-1' } });

    socket.emit('call.ended', {
      callId: 'call-1',
      endedBy: 'agent',
      talkSeconds: 5,
      endedAt: new Date().toISOString(),
    });
    socket.emit(
      'agent.state-changed',
      stateView({ state: 'wrap_up', since: new Date().toISOString(), callId: 'call-1', campaignId: 'cmp-1' }),
    );
    expect(store.call()).toBeNull();
    expect(store.lastCall()?.debtorName).toBe('María López');
    expect(store.lastEnded()).toMatchObject({ endedBy: 'agent', talkSeconds: 5 });
    expect(store.state()).toBe('wrap_up');
    expect(store.secondsInState()).toBe(0);
    expect(store.canHangUp()).toBe(false);
    expect(store.canFinishWrapUp()).toBe(true);
    // Wrap-up ends through its own button, which names the call it closes.
    expect(store.canGoAvailable()).toBe(false);

    const finishing = store.finishWrapUp({ dispositionCode: 'RPC', notes: 'Paga el viernes' });
    const finish = await socket.answer({ ok: true });
    await finishing;
    expect(finish).toEqual({
      event: 'call.wrap-up-finished',
      payload: { callId: 'call-1', dispositionCode: 'RPC', notes: 'Paga el viernes' },
      answer: expect.any(Function),
    });

    socket.emit('agent.state-changed', stateView({ state: 'available', since: new Date().toISOString() }));
    expect(store.state()).toBe('available');
    expect(store.canFinishWrapUp()).toBe(false);
  });

  it('closes the screen pop when the state leaves the call even if call.ended was lost', () => {
    socket.emit('agent.snapshot', { state: stateView({ state: 'available' }), call: null, script: null });
    socket.emit('call.connected', CALL);

    socket.emit(
      'agent.state-changed',
      stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
    );

    expect(store.call()).toBeNull();
    expect(store.lastCall()?.callId).toBe('call-1');
    expect(store.canFinishWrapUp()).toBe(true);
  });

  it("shows a refused request's message and lets the agent try again", async () => {
    socket.emit('agent.snapshot', { state: stateView({ state: 'available' }), call: null, script: null });

    const asked = store.takeBreak('rest');
    await socket.answer({
      ok: false,
      code: ErrorCode.Conflict,
      message: 'You cannot go break while on_call',
    });
    await asked;

    expect(store.error()).toEqual({
      headline: 'La acción no es posible en tu estado actual.',
      detail: 'You cannot go break while on_call',
    });
    expect(store.pending()).toBeNull();
    expect(store.canTakeBreak()).toBe(true);

    store.dismissError();
    expect(store.error()).toBeNull();
  });

  it('clears the last refusal when the next request goes out', async () => {
    socket.emit('agent.snapshot', { state: stateView({ state: 'offline' }), call: null, script: null });
    const first = store.goAvailable();
    await socket.answer({ ok: false, code: ErrorCode.ServiceUnavailable, message: 'Not connected' });
    await first;
    expect(store.error()?.headline).toBe('No hay conexión con la central telefónica. Intenta de nuevo.');

    const second = store.goAvailable();
    expect(store.error()).toBeNull();
    await socket.answer({ ok: true });
    await second;
    expect(store.error()).toBeNull();
  });

  it('puts a call in wrap-up from the snapshot in the wrap-up panel, not on the line', () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
      call: CALL,
      script: null,
    });

    expect(store.call()).toBeNull();
    expect(store.lastCall()).toEqual(CALL);
    expect(store.activeCall()).toEqual(CALL);
    expect(store.canHangUp()).toBe(false);
    expect(store.canFinishWrapUp()).toBe(true);
  });

  it("says which wrap-up rule the server's refusal names, in the agent's language", async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
      call: null,
      script: null,
    });

    const finishing = store.finishWrapUp({ dispositionCode: 'PTP' });
    await socket.answer({ ok: false, code: ErrorCode.ValidationFailed, message: 'agreement_required' });
    await finishing;

    expect(store.error()).toEqual({
      headline: 'Algunos datos no son válidos.',
      detail: 'Una promesa de pago necesita el convenio creado en esta llamada.',
    });
    expect(store.state()).toBe('wrap_up');
    expect(store.canFinishWrapUp()).toBe(true);
  });

  it('counts on the server clock when the browser clock runs ahead', () => {
    // The server says the change happened 30 s "before" the browser's now: its clock is behind.
    socket.emit(
      'agent.state-changed',
      stateView({ state: 'available', since: new Date(NOW - 30_000).toISOString() }),
    );
    expect(store.secondsInState()).toBe(0);
    jest.advanceTimersByTime(2_000);
    expect(store.secondsInState()).toBe(2);
  });

  it('asks for nothing while the line is down', async () => {
    socket.emit('agent.snapshot', { state: stateView({ state: 'offline' }), call: null, script: null });
    socket.status.set('connecting');

    expect(store.canGoAvailable()).toBe(false);
    await store.goAvailable();
    expect(socket.requests).toHaveLength(0);
  });
});
