import { TestBed } from '@angular/core/testing';
import { ErrorCode, type AuthTokens } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import { FloorLiveStore } from './floor-live.store';
import { FakeSupervisorSocket, agentStateView, wrapUpOverdue } from './fake-supervisor-socket.factory';
import { floorAgent, floorAlert, floorSnapshot } from './floor-snapshot.factory';

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

/** Two agents: Ana on a call since the snapshot, Luis available for a minute already. */
function twoAgents() {
  return floorSnapshot({
    at: iso(0),
    agents: [
      floorAgent({ state: { since: iso(0) } }),
      floorAgent({
        agentId: 'ag-2',
        name: 'Luis Gómez',
        call: null,
        state: { state: 'available', callId: null, since: iso(-60_000) },
        today: { calls: 12 },
      }),
    ],
  });
}

describe(FloorLiveStore.name, () => {
  let socket: FakeSupervisorSocket;
  let store: FloorLiveStore;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
    localStorage.clear();
    socket = new FakeSupervisorSocket();
    TestBed.configureTestingModule({ providers: [{ provide: SupervisorSocketService, useValue: socket }] });
    signIn();
    store = TestBed.inject(FloorLiveStore);
    store.connect();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('opens the floor line once and shows nothing until the first snapshot', () => {
    store.connect();
    expect(socket.connects).toBe(2);
    expect(store.ready()).toBe(false);
    expect(store.rows()).toEqual([]);
    socket.emit('floor.snapshot', twoAgents());
    expect(store.ready()).toBe(true);
    expect(store.currency()).toBe('COP');
    expect(store.visibleRows().map((row) => row.name)).toEqual(['Ana Pérez', 'Luis Gómez']);
    expect(store.rows()[0].call?.accountNumber).toBe('100234');
  });

  it('applies an agent’s state change the moment it arrives, before the next snapshot', () => {
    socket.emit('floor.snapshot', twoAgents());
    jest.advanceTimersByTime(500);
    socket.emit('agent.state-changed', agentStateView({ state: 'wrap_up', since: iso(500) }));
    expect(store.rows()[0].state.state).toBe('wrap_up');
    expect(store.stateOf('ag-1')?.state).toBe('wrap_up');
    expect(store.secondsInState('ag-1')).toBe(0);

    socket.emit(
      'agent.state-changed',
      agentStateView({ agentId: 'ag-2', state: 'on_call', callId: 'call-2', since: iso(600) }),
    );
    socket.emit('call.progressed', {
      callId: 'call-2',
      campaignId: 'cmp-1',
      accountId: 'acc-2',
      stage: 'connected',
      outcome: 'human',
      agentId: 'ag-2',
      at: iso(600),
    });
    expect(store.rows()[1].call).toMatchObject({ accountId: 'acc-2', accountNumber: null });

    // A snapshot computed before those changes does not undo them.
    socket.emit('floor.snapshot', { ...twoAgents(), at: iso(400) });
    expect(store.rows().map((row) => row.state.state)).toEqual(['wrap_up', 'on_call']);
  });

  it('ticks the time in each state every second on the server’s clock', () => {
    // The browser runs 3 s ahead of the server.
    jest.setSystemTime(NOW + 3_000);
    socket.emit('floor.snapshot', twoAgents());
    expect(store.secondsInState('ag-1')).toBe(0);
    expect(store.secondsInState('ag-2')).toBe(60);
    jest.advanceTimersByTime(5_000);
    expect(store.secondsInState('ag-1')).toBe(5);
    expect(store.secondsInState('ag-2')).toBe(65);
    expect(store.secondsInState('ag-9')).toBeNull();
  });

  it('counts no time for an agent the dialer never saw sign in (offline since the epoch)', () => {
    socket.emit(
      'floor.snapshot',
      floorSnapshot({
        agents: [
          floorAgent({
            call: null,
            state: { state: 'offline', callId: null, since: new Date(0).toISOString() },
          }),
        ],
      }),
    );
    expect(store.stateOf('ag-1')?.state).toBe('offline');
    expect(store.secondsInState('ag-1')).toBeNull();
  });

  it('knows the live state of agents no snapshot listed yet (the roster shows them)', () => {
    socket.emit(
      'agent.state-changed',
      agentStateView({ agentId: 'ag-7', state: 'break', breakReason: 'lunch' }),
    );
    expect(store.stateOf('ag-7')?.breakReason).toBe('lunch');
    expect(store.rows()).toEqual([]);
  });

  it('filters and sorts the agents table as MatSort asks', () => {
    socket.emit('floor.snapshot', twoAgents());
    store.setFilterText('luis');
    expect(store.visibleRows().map((row) => row.agentId)).toEqual(['ag-2']);
    store.setFilterText('');
    store.setFilterState('on_call');
    expect(store.visibleRows().map((row) => row.agentId)).toEqual(['ag-1']);
    store.clearFilter();
    store.setSort({ active: 'calls', direction: 'asc' });
    expect(store.sort()).toEqual({ key: 'calls', direction: 'asc' });
    expect(store.visibleRows().map((row) => row.agentId)).toEqual(['ag-2', 'ag-1']);
    store.setSort({ active: 'calls', direction: '' });
    expect(store.sort()).toBeNull();
    store.setSort({ active: 'nonsense', direction: 'asc' });
    expect(store.sort()).toBeNull();
    expect(store.visibleRows().map((row) => row.agentId)).toEqual(['ag-1', 'ag-2']);
  });

  it('sends an agent on a break with a reason, one request at a time', async () => {
    socket.emit('floor.snapshot', twoAgents());
    const sending = store.forceState('ag-2', 'break', 'coaching');
    expect(socket.requests[0]).toMatchObject({
      event: 'agent.force-state',
      payload: { agentId: 'ag-2', state: 'break', breakReason: 'coaching' },
    });
    expect(store.isForcing('ag-2')).toBe(true);
    expect(await store.forceState('ag-2', 'offline')).toBe(false);
    expect(socket.requests).toHaveLength(1);
    await socket.answer({ ok: true });
    expect(await sending).toBe(true);
    expect(store.isForcing('ag-2')).toBe(false);
    expect(store.notice()).toEqual({
      tone: 'info',
      text: 'Se envió a Luis Gómez a pausa.',
      detail: null,
      reason: null,
    });
  });

  it('logs an agent out, and shows a refusal with the server’s own words', async () => {
    socket.emit('floor.snapshot', twoAgents());
    const logging = store.forceState('ag-1', 'offline');
    expect(socket.requests[0].payload).toEqual({ agentId: 'ag-1', state: 'offline' });
    await socket.answer({ ok: false, code: ErrorCode.Conflict, message: 'The agent is on a call' });
    expect(await logging).toBe(false);
    expect(store.notice()).toEqual({
      tone: 'danger',
      text: 'No se pudo cerrar la sesión de Ana Pérez.',
      detail: 'El agente no puede cambiar de estado ahora (por ejemplo, porque está en una llamada).',
      reason: 'The agent is on a call',
    });
    TestBed.inject(I18nService).setLocale('en', false);
    expect(store.notice()?.text).toBe('Ana Pérez could not be logged out.');
    store.dismissNotice();
    expect(store.notice()).toBeNull();
  });

  it('merges the snapshot’s alerts with the live overdue wrap-ups, once per situation', () => {
    const since = iso(-200_000);
    socket.emit('agent.state-changed', agentStateView({ state: 'wrap_up', since }));
    socket.emit('agent.wrap-up-overdue', wrapUpOverdue({ since, limitSeconds: 120 }));
    socket.emit(
      'floor.snapshot',
      floorSnapshot({
        agents: [floorAgent({ state: { state: 'wrap_up', since } })],
        alerts: [
          floorAlert({ kind: 'wrap_up_long', subjectId: 'ag-1', subject: 'Ana Pérez', since, value: 200 }),
          floorAlert({ kind: 'agreement_pending', subjectId: 'agr-1', subject: '100234' }),
        ],
      }),
    );
    expect(store.alerts().map((item) => item.kind)).toEqual(['wrap_up_overdue', 'agreement_pending']);
    expect(store.pendingAgreementIds()).toEqual(new Set(['agr-1']));

    store.markDecided('agr-1');
    expect(store.alerts().map((item) => item.kind)).toEqual(['wrap_up_overdue']);

    // Dismissing the wrap-up hides both channels' alerts about it.
    store.dismissAlert(store.alerts()[0]);
    expect(store.alerts()).toEqual([]);
    socket.emit('floor.snapshot', { ...store.snapshot()!, at: iso(2_000) });
    expect(store.alerts()).toEqual([]);
  });

  it('forgets the floor when the supervisor signs out', () => {
    socket.emit('floor.snapshot', twoAgents());
    store.setFilterText('ana');
    TestBed.inject(AuthStore).clear();
    TestBed.tick();
    expect(store.ready()).toBe(false);
    expect(store.filter().text).toBe('');
    expect(store.stateOf('ag-1')).toBeNull();
  });
});
