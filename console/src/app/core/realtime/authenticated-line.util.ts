import { signal } from '@angular/core';
import { ErrorCode, type AckResult, type HandshakeError } from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import type { AuthService } from '../auth/auth.service';
import type { AuthStore } from '../auth/auth.store';
import type { SocketStatus } from './admin-socket.service';
import { handshakeError } from './handshake-error.util';

/** After the server itself closed the socket, wait this long (times the tries) before knocking again. */
const SERVER_CLOSE_RETRY_MS = 2_000;
const SERVER_CLOSE_MAX_RETRIES = 5;

export interface AuthenticatedLineOptions {
  namespace: string;
  /** A request the server has not answered by then is reported as failed rather than left spinning. */
  ackTimeoutMs: number;
  /** Named in the refusal of a request made while the line is down ("the agent channel"). */
  channel: string;
  /** Every server event, in the order it arrives. */
  receive(event: string, payload: unknown): void;
  /** After the line dropped, for whatever reason. */
  dropped?(): void;
}

/**
 * A namespace socket that authenticates with the in-memory access token at every (re)connection,
 * refreshes the session once when a handshake is refused for an expired token, knocks again a few
 * times after the server itself closed it (a restart's drain), and answers every request with an
 * ack — a line that is down or an answer that does not come back in time is a refused request too.
 * The agent's and the supervisor's sockets are each one of these.
 */
export class AuthenticatedLine {
  private socket: Socket | null = null;
  private refreshedForHandshake = false;
  private serverCloseRetries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly statusState = signal<SocketStatus>('disconnected');
  private readonly errorState = signal<HandshakeError | null>(null);

  readonly status = this.statusState.asReadonly();
  readonly handshakeError = this.errorState.asReadonly();

  constructor(
    private readonly store: AuthStore,
    private readonly auth: AuthService,
    private readonly options: AuthenticatedLineOptions,
  ) {}

  /** Connects if needed; safe to call repeatedly. */
  connect(): void {
    if (this.socket) {
      if (!this.socket.connected) this.socket.connect();
      return;
    }
    const socket = io(this.options.namespace, {
      auth: (callback) => callback({ token: this.store.accessToken() }),
      transports: ['websocket'],
    });
    this.statusState.set('connecting');
    socket.on('connect', () => {
      this.refreshedForHandshake = false;
      this.serverCloseRetries = 0;
      this.errorState.set(null);
      this.statusState.set('connected');
    });
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect_error', (error) => this.onConnectError(error));
    // One listener for every server event, so handlers registered before `connect` are kept.
    socket.onAny((event: string, payload: unknown) => this.options.receive(event, payload));
    this.socket = socket;
  }

  /** Sends `event` and resolves with the server's acknowledgement; it never rejects. */
  async request<R = AckResult>(event: string, payload: unknown): Promise<R | AckResult> {
    const socket = this.socket;
    // socket.io would buffer the emit and replay it on reconnection, possibly minutes later.
    if (!socket?.connected) return unavailable(`Not connected to the ${this.options.channel}`);
    try {
      return (await socket.timeout(this.options.ackTimeoutMs).emitWithAck(event, payload)) as R;
    } catch {
      return unavailable('The server did not answer in time');
    }
  }

  disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.offAny();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.options.dropped?.();
    this.statusState.set('disconnected');
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.statusState.set('disconnected');
    this.options.dropped?.();
    // Transport losses reconnect by themselves; a close decided by the server (a restart's drain,
    // a refused session) does not, and a console left silently offline would miss its events.
    if (reason !== 'io server disconnect' || !this.store.isAuthenticated()) return;
    if (this.serverCloseRetries >= SERVER_CLOSE_MAX_RETRIES) return;
    this.serverCloseRetries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.socket && this.store.isAuthenticated()) {
        this.statusState.set('connecting');
        this.socket.connect();
      }
    }, SERVER_CLOSE_RETRY_MS * this.serverCloseRetries);
  }

  private onConnectError(error: Error): void {
    const reason = handshakeError(error);
    if (!reason) {
      // Transport trouble: socket.io keeps retrying by itself.
      this.statusState.set('connecting');
      return;
    }
    this.errorState.set(reason);
    this.statusState.set('disconnected');
    if (reason.code === ErrorCode.TokenExpired && !this.refreshedForHandshake) {
      this.refreshedForHandshake = true;
      this.auth.refreshAccessToken().subscribe({
        next: () => this.socket?.connect(),
        error: () => this.disconnect(),
      });
    }
  }
}

function unavailable(message: string): AckResult {
  return { ok: false, code: ErrorCode.ServiceUnavailable, message };
}
