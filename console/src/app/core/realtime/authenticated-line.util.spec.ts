import { ErrorCode } from '@recupera/shared';
import { of } from 'rxjs';
import type { AuthService } from '../auth/auth.service';
import type { AuthStore } from '../auth/auth.store';
import { AuthenticatedLine } from './authenticated-line.util';

type Listener = (...args: unknown[]) => void;

/** socket.io's client socket as the line uses it: the test plays the server's side. */
class FakeIoSocket {
  connected = false;
  connects = 0;
  readonly listeners = new Map<string, Listener[]>();
  answer: (() => Promise<unknown>) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  onAny(): this {
    return this;
  }
  offAny(): this {
    return this;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
  connect(): this {
    this.connects++;
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  timeout(): { emitWithAck: () => Promise<unknown> } {
    return { emitWithAck: () => (this.answer ? this.answer() : Promise.resolve({ ok: true })) };
  }
  fire(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

let fakeSocket: FakeIoSocket;
jest.mock('socket.io-client', () => ({ io: jest.fn(() => fakeSocket) }));

describe(AuthenticatedLine.name, () => {
  let refreshes: number;
  let dropped: number;
  let line: AuthenticatedLine;

  beforeEach(() => {
    fakeSocket = new FakeIoSocket();
    refreshes = 0;
    dropped = 0;
    const store = { accessToken: () => 'token', isAuthenticated: () => true } as unknown as AuthStore;
    const auth = {
      refreshAccessToken: () => {
        refreshes++;
        return of(null);
      },
    } as unknown as AuthService;
    line = new AuthenticatedLine(store, auth, {
      namespace: '/test',
      ackTimeoutMs: 1_000,
      channel: 'test channel',
      receive: () => undefined,
      dropped: () => dropped++,
    });
  });

  afterEach(() => jest.useRealTimers());

  it('refuses a request while the line is down, and one the server does not answer in time', async () => {
    line.connect();
    expect(await line.request('x', {})).toEqual({
      ok: false,
      code: ErrorCode.ServiceUnavailable,
      message: 'Not connected to the test channel',
    });
    fakeSocket.fire('connect');
    expect(line.status()).toBe('connected');
    fakeSocket.answer = () => Promise.reject(new Error('operation has timed out'));
    expect(await line.request('x', {})).toMatchObject({
      ok: false,
      message: 'The server did not answer in time',
    });
  });

  it('knocks again after the server closed the line, later each time, five times at most', () => {
    jest.useFakeTimers();
    line.connect();
    fakeSocket.fire('connect');
    for (let attempt = 1; attempt <= 6; attempt++) {
      fakeSocket.fire('disconnect', 'io server disconnect');
      expect(line.status()).toBe('disconnected');
      jest.advanceTimersByTime(2_000 * attempt);
    }
    expect(fakeSocket.connects).toBe(5);
    expect(dropped).toBe(6);
  });

  it('leaves a transport loss to socket.io', () => {
    jest.useFakeTimers();
    line.connect();
    fakeSocket.fire('connect');
    fakeSocket.fire('disconnect', 'transport close');
    jest.advanceTimersByTime(60_000);
    expect(fakeSocket.connects).toBe(0);
  });

  it('refreshes the session once when the handshake is refused for an expired token', () => {
    line.connect();
    const expired = Object.assign(new Error('expired'), {
      data: { code: ErrorCode.TokenExpired, message: 'expired' },
    });
    fakeSocket.fire('connect_error', expired);
    expect(line.handshakeError()?.code).toBe(ErrorCode.TokenExpired);
    expect(refreshes).toBe(1);
    expect(fakeSocket.connects).toBe(1);
    fakeSocket.fire('connect_error', expired);
    expect(refreshes).toBe(1);
    fakeSocket.fire('connect');
    expect(line.handshakeError()).toBeNull();
  });
});
