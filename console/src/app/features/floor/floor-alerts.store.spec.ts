import { TestBed } from '@angular/core/testing';
import { ErrorCode, type AuthTokens } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import { FloorAlertsStore } from './floor-alerts.store';
import {
  FakeSupervisorSocket,
  agentStateView,
  transferRequested,
  wrapUpOverdue,
} from './fake-supervisor-socket.factory';

const NOW = Date.parse('2026-03-09T16:00:00.000Z');
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

function signIn(): void {
  const tokens: AuthTokens = {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: {
      id: 'sup-1',
      email: 'sup@recupera.test',
      fullName: 'Sofía',
      role: 'supervisor',
      teamId: 'tm-1',
      locale: 'es',
    },
  };
  TestBed.inject(AuthStore).setSession(tokens);
}

describe(FloorAlertsStore.name, () => {
  let socket: FakeSupervisorSocket;
  let store: FloorAlertsStore;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
    localStorage.clear();
    socket = new FakeSupervisorSocket();
    TestBed.configureTestingModule({ providers: [{ provide: SupervisorSocketService, useValue: socket }] });
    signIn();
    store = TestBed.inject(FloorAlertsStore);
    store.connect();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('opens the floor line once and ticks the waiting time of each request', () => {
    expect(socket.connects).toBe(1);
    expect(store.connection()).toBe('connected');
    socket.emit('call.transfer-requested', transferRequested({ at: iso(0) }));
    expect(store.secondsWaiting(store.transfers()[0])).toBe(0);
    jest.advanceTimersByTime(42_000);
    expect(store.secondsWaiting(store.transfers()[0])).toBe(42);
  });

  it('lists transfer requests newest first, once per call', () => {
    socket.emit('call.transfer-requested', transferRequested({ at: iso(0) }));
    socket.emit(
      'call.transfer-requested',
      transferRequested({ agentId: 'ag-2', agentName: 'Luis', at: iso(5_000), call: { callId: 'call-2' } }),
    );
    socket.emit('call.transfer-requested', transferRequested({ at: iso(0) }));
    expect(store.transfers().map((request) => request.call.callId)).toEqual(['call-2', 'call-1']);
    expect(store.knownName('ag-2')).toBe('Luis');
  });

  it('takes a call: it leaves the list and stays on the supervisor’s line until the call ends', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    const taking = store.take('call-1');
    expect(socket.requests[0]).toMatchObject({
      event: 'call.transfer-accepted',
      payload: { callId: 'call-1' },
    });
    expect(store.pending()).toEqual({ action: 'take', callId: 'call-1' });
    expect(store.canTake()).toBe(false);
    // The agent leaves the call (to wrap it up) before the ack comes back: the request stays meanwhile.
    socket.emit('agent.state-changed', agentStateView({ state: 'wrap_up', since: iso(200) }));
    expect(store.transfers()).toHaveLength(1);

    await socket.answer({ ok: true });
    await taking;
    expect(store.transfers()).toEqual([]);
    expect(store.myCall()?.request.call.debtorName).toBe('María López');
    expect(store.pending()).toBeNull();
    expect(store.canTake()).toBe(false);
    expect(store.canHangUp()).toBe(true);
    jest.advanceTimersByTime(30_000);
    expect(store.secondsOnLine(store.myCall()!)).toBe(30);

    socket.emit('call.transfer-ended', { callId: 'call-9' });
    expect(store.myCall()).not.toBeNull();
    socket.emit('call.transfer-ended', { callId: 'call-1' });
    expect(store.myCall()).toBeNull();
    expect(store.canTake()).toBe(true);
  });

  it('drops a request another supervisor took first, and says so', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    const taking = store.take('call-1');
    await socket.answer({
      ok: false,
      code: ErrorCode.Conflict,
      message: 'This transfer was taken or withdrawn',
    });
    await taking;
    expect(store.transfers()).toEqual([]);
    expect(store.myCall()).toBeNull();
    expect(store.notice()).toEqual({
      tone: 'info',
      text: 'Otro supervisor ya tomó la llamada de Ana Pérez, o la llamada terminó.',
      detail: null,
    });
    TestBed.inject(I18nService).setLocale('en', false);
    expect(store.notice()?.text).toBe('Another supervisor already took Ana Pérez’s call, or the call ended.');
    store.dismissNotice();
    expect(store.notice()).toBeNull();
  });

  it('keeps a request whose take got no answer, and explains why', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    const taking = store.take('call-1');
    await socket.answer({
      ok: false,
      code: ErrorCode.ServiceUnavailable,
      message: 'The server did not answer in time',
    });
    await taking;
    expect(store.transfers()).toHaveLength(1);
    expect(store.notice()).toEqual({
      tone: 'danger',
      text: 'No se pudo tomar la llamada.',
      detail: 'El servicio no está disponible. Intenta de nuevo en unos minutos.',
    });
    expect(store.canTake()).toBe(true);
  });

  it('drops a request once its agent left the call, whoever took it', () => {
    socket.emit('call.transfer-requested', transferRequested());
    socket.emit(
      'call.transfer-requested',
      transferRequested({ agentId: 'ag-2', call: { callId: 'call-2' }, at: iso(1_000) }),
    );
    socket.emit('agent.state-changed', agentStateView({ agentId: 'ag-3', state: 'available', callId: null }));
    expect(store.transfers()).toHaveLength(2);
    socket.emit('agent.state-changed', agentStateView({ state: 'wrap_up', since: iso(3_000) }));
    expect(store.transfers().map((request) => request.call.callId)).toEqual(['call-2']);
    // The debtor hung up while waiting.
    socket.emit('call.progressed', {
      callId: 'call-2',
      campaignId: 'cmp-1',
      accountId: 'acc-2',
      stage: 'ended',
      outcome: 'human',
      agentId: 'ag-2',
      at: iso(4_000),
    });
    expect(store.transfers()).toEqual([]);
  });

  it('takes one call at a time', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    socket.emit(
      'call.transfer-requested',
      transferRequested({ agentId: 'ag-2', call: { callId: 'call-2' } }),
    );
    const taking = store.take('call-1');
    await socket.answer({ ok: true });
    await taking;
    await store.take('call-2');
    expect(socket.requests).toEqual([]);
    expect(store.transfers().map((request) => request.call.callId)).toEqual(['call-2']);
  });

  it('does not put a call on the line that ended before the take was answered', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    const taking = store.take('call-1');
    socket.emit('call.transfer-ended', { callId: 'call-1' });
    await socket.answer({ ok: true });
    await taking;
    expect(store.myCall()).toBeNull();
  });

  it('hangs up the call it took; the call leaves the line when the server says it ended', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    const taking = store.take('call-1');
    await socket.answer({ ok: true });
    await taking;

    const hanging = store.hangUp();
    expect(socket.requests[0]).toMatchObject({
      event: 'call.hang-up-requested',
      payload: { callId: 'call-1' },
    });
    expect(store.pending()).toEqual({ action: 'hang-up', callId: 'call-1' });
    await socket.answer({ ok: true });
    await hanging;
    expect(store.myCall()?.hangingUp).toBe(true);
    expect(store.canHangUp()).toBe(false);
    socket.emit('call.transfer-ended', { callId: 'call-1' });
    expect(store.myCall()).toBeNull();
  });

  it('forgets a taken call the server no longer has, and explains other refusals', async () => {
    socket.emit('call.transfer-requested', transferRequested());
    const taking = store.take('call-1');
    await socket.answer({ ok: true });
    await taking;

    let hanging = store.hangUp();
    await socket.answer({ ok: false, code: ErrorCode.Internal, message: 'The action failed' });
    await hanging;
    expect(store.myCall()).not.toBeNull();
    expect(store.notice()?.text).toBe('No se pudo colgar la llamada.');

    hanging = store.hangUp();
    await socket.answer({ ok: false, code: ErrorCode.Conflict, message: 'This call is not on your line' });
    await hanging;
    expect(store.myCall()).toBeNull();
  });

  it('raises an overdue wrap-up alert, dismissible, cleared once the agent leaves the wrap-up', () => {
    socket.emit('agent.wrap-up-overdue', wrapUpOverdue({ since: iso(0), limitSeconds: 120 }));
    socket.emit(
      'agent.wrap-up-overdue',
      wrapUpOverdue({ agentId: 'ag-2', callId: 'call-2', since: iso(-60_000) }),
    );
    expect(store.overdue().map((alert) => alert.agentId)).toEqual(['ag-2', 'ag-1']);
    jest.advanceTimersByTime(150_000);
    const ana = store.overdue()[1];
    expect(store.secondsInWrapUp(ana)).toBe(150);
    expect(store.secondsOverdue(ana)).toBe(30);

    // Another agent's change, or the same agent still wrapping up, leave the alert standing.
    socket.emit('agent.state-changed', agentStateView({ agentId: 'ag-3', state: 'available', callId: null }));
    expect(store.overdue()).toHaveLength(2);
    socket.emit('agent.state-changed', agentStateView({ agentId: 'ag-2', state: 'available', callId: null }));
    expect(store.overdue().map((alert) => alert.agentId)).toEqual(['ag-1']);

    store.dismissOverdue('ag-1');
    expect(store.overdue()).toEqual([]);
  });

  it('ignores an overdue alert about a wrap-up the agent already left', () => {
    socket.emit(
      'agent.state-changed',
      agentStateView({ state: 'available', callId: null, since: iso(130_000) }),
    );
    socket.emit('agent.wrap-up-overdue', wrapUpOverdue({ since: iso(0) }));
    expect(store.overdue()).toEqual([]);
    // A state heard before that wrap-up began says nothing about it.
    socket.emit(
      'agent.state-changed',
      agentStateView({ agentId: 'ag-2', state: 'on_call', since: iso(-90_000) }),
    );
    socket.emit('agent.wrap-up-overdue', wrapUpOverdue({ agentId: 'ag-2', since: iso(0) }));
    expect(store.overdue().map((alert) => alert.agentId)).toEqual(['ag-2']);
  });

  it('keeps every agent’s live state and the time in it', () => {
    expect(store.stateOf('ag-1')).toBeNull();
    expect(store.secondsInState('ag-1')).toBeNull();
    socket.emit('agent.state-changed', agentStateView({ state: 'available', callId: null, since: iso(0) }));
    socket.emit(
      'agent.state-changed',
      agentStateView({ agentId: 'ag-2', state: 'break', breakReason: 'lunch' }),
    );
    jest.advanceTimersByTime(65_000);
    expect(store.stateOf('ag-1')?.state).toBe('available');
    expect(store.secondsInState('ag-1')).toBe(65);
    expect(store.stateOf('ag-2')?.breakReason).toBe('lunch');
    socket.emit('agent.state-changed', agentStateView({ state: 'on_call', since: iso(65_000) }));
    expect(store.stateOf('ag-1')?.state).toBe('on_call');
    expect(store.secondsInState('ag-1')).toBe(0);
    expect(store.agentStates().size).toBe(2);
  });

  it('counts on the server’s clock when the browser’s runs ahead', () => {
    // The server says the change happened at NOW - 4 s, as it reached us: the browser is 4 s ahead.
    socket.emit('agent.state-changed', agentStateView({ state: 'available', since: iso(-4_000) }));
    expect(store.secondsInState('ag-1')).toBe(0);
    jest.advanceTimersByTime(10_000);
    expect(store.secondsInState('ag-1')).toBe(10);
  });

  it('forgets the floor when the supervisor signs out', () => {
    socket.emit('call.transfer-requested', transferRequested());
    socket.emit('agent.wrap-up-overdue', wrapUpOverdue());
    socket.emit('agent.state-changed', agentStateView({ agentId: 'ag-2' }));
    TestBed.inject(AuthStore).clear();
    TestBed.tick();
    expect(store.transfers()).toEqual([]);
    expect(store.overdue()).toEqual([]);
    expect(store.agentStates().size).toBe(0);
    expect(store.knownName('ag-1')).toBeNull();
  });
});
