import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AgentSnapshot, AgentStateView, AuthTokens, Sequenced } from '@recupera/shared';
import { AuthStore } from '../auth/auth.store';
import { AgentSocketService } from './agent-socket.service';

type Listener = (...args: unknown[]) => void;

/** socket.io's client socket as the service uses it: the test plays the server's side. */
class FakeIoSocket {
  connected = false;
  readonly listeners = new Map<string, Listener[]>();
  anyListeners: Listener[] = [];
  readonly emitted: { event: string; payload: unknown }[] = [];
  snapshotAnswer: ((result: unknown) => void) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  onAny(listener: Listener): this {
    this.anyListeners.push(listener);
    return this;
  }

  offAny(): this {
    this.anyListeners = [];
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  connect(): this {
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  timeout(): { emitWithAck: (event: string, payload: unknown) => Promise<unknown> } {
    return {
      emitWithAck: (event, payload) => {
        this.emitted.push({ event, payload });
        return new Promise((answer) => (this.snapshotAnswer = answer));
      },
    };
  }

  /** The connection opens. */
  open(): void {
    this.connected = true;
    for (const listener of this.listeners.get('connect') ?? []) listener();
  }

  drop(): void {
    this.connected = false;
    for (const listener of this.listeners.get('disconnect') ?? []) listener('transport close');
  }

  /** A server event, as socket.io delivers it to `onAny` listeners. */
  serverSends(event: string, payload: unknown): void {
    for (const listener of this.anyListeners) listener(event, payload);
  }
}

let fakeSocket: FakeIoSocket;

jest.mock('socket.io-client', () => ({ io: jest.fn(() => fakeSocket) }));

const STATE: AgentStateView = {
  agentId: 'ag-1',
  teamId: 'tm-1',
  state: 'available',
  since: '2026-03-09T12:00:00.000Z',
  breakReason: null,
  callId: null,
  campaignId: null,
};

function snapshot(seq: number, patch: Partial<AgentStateView> = {}): Sequenced<AgentSnapshot> {
  return { state: { ...STATE, ...patch }, call: null, script: null, preview: null, seq };
}

const TOKENS: AuthTokens = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 900,
  user: {
    id: 'ag-1',
    email: 'ag@recupera.test',
    fullName: 'Ana',
    role: 'agent',
    teamId: 'tm-1',
    locale: 'es',
  },
};

describe(AgentSocketService.name, () => {
  let service: AgentSocketService;
  let snapshots: number[];
  let states: number[];

  beforeEach(() => {
    localStorage.clear();
    fakeSocket = new FakeIoSocket();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    service = TestBed.inject(AgentSocketService);
    snapshots = [];
    states = [];
    service.on('agent.snapshot', (s) => snapshots.push(s.seq));
    service.on('agent.state-changed', (s) => states.push(s.seq));
    service.connect();
    fakeSocket.open();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) await Promise.resolve();
  }

  it('hands the events to their handlers in order and drops repeats', () => {
    fakeSocket.serverSends('agent.snapshot', snapshot(5));
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 6 });
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 6 });
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 7 });

    expect(service.status()).toBe('connected');
    expect(snapshots).toEqual([5]);
    expect(states).toEqual([6, 7]);
    expect(fakeSocket.emitted).toEqual([]);
  });

  it('asks for a snapshot after a gap and gives it to every snapshot handler', async () => {
    const other: string[] = [];
    service.on('agent.snapshot', (s) => other.push(s.state.state));
    fakeSocket.serverSends('agent.snapshot', snapshot(5));
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 8 });

    expect(fakeSocket.emitted).toEqual([{ event: 'agent.snapshot-requested', payload: {} }]);
    fakeSocket.snapshotAnswer?.(snapshot(8, { state: 'break', breakReason: 'rest' }));
    await settle();

    expect(snapshots).toEqual([5, 8]);
    expect(other).toEqual(['available', 'break']);
    // The event that revealed the gap is covered by the snapshot.
    expect(states).toEqual([]);
  });

  it('takes the snapshot of a reconnection as the new start of the numbering', () => {
    fakeSocket.serverSends('agent.snapshot', snapshot(40));
    fakeSocket.drop();
    expect(service.status()).toBe('disconnected');
    fakeSocket.open();
    fakeSocket.serverSends('agent.snapshot', snapshot(2));
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 3 });

    expect(snapshots).toEqual([40, 2]);
    expect(states).toEqual([3]);
    expect(fakeSocket.emitted).toEqual([]);
  });

  it('stops handing events to a handler once it unsubscribes', () => {
    const seen: number[] = [];
    const off = service.on('agent.state-changed', (s) => seen.push(s.seq));
    fakeSocket.serverSends('agent.snapshot', snapshot(1));
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 2 });
    off();
    fakeSocket.serverSends('agent.state-changed', { ...STATE, seq: 3 });

    expect(seen).toEqual([2]);
    expect(states).toEqual([2, 3]);
  });

  it('answers a snapshot request as refused while the line is down', async () => {
    fakeSocket.drop();

    await expect(service.requestSnapshot()).resolves.toMatchObject({
      ok: false,
      code: 'service_unavailable',
    });
  });
});
