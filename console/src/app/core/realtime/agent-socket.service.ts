import { Injectable, effect, inject, signal } from '@angular/core';
import {
  AGENT_NAMESPACE,
  ErrorCode,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type HandshakeError,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import type { SocketStatus } from './admin-socket.service';
import { AgentEventSequence, type AgentEventName, type SnapshotResult } from './agent-sequence.util';
import { handshakeError } from './handshake-error.util';

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
export type { AgentEventName } from './agent-sequence.util';
export type AgentRequestName = keyof AgentClientToServerEvents;
/** What the client sends with a request: the event's first argument (the last one is the ack). */
export type AgentRequestPayload<E extends AgentRequestName> = Parameters<AgentClientToServerEvents[E]>[0];

/** An action the server has not answered by then is reported as failed rather than left spinning. */
export const AGENT_ACK_TIMEOUT_MS = 8_000;
/** After the server itself closed the socket, wait this long before knocking again. */
const SERVER_CLOSE_RETRY_MS = 2_000;
const SERVER_CLOSE_MAX_RETRIES = 5;

/** Handlers by event; `on` keeps each paired with its own event's signature. */
type AnyHandler = AgentServerToClientEvents[AgentEventName];

/**
 * The agent namespace socket (the softphone's line). It authenticates with the in-memory access
 * token at every (re)connection, refreshes the session once when a handshake is refused for an
 * expired token, and keeps the registered handlers across reconnections and sign-ins. Events reach
 * the handlers in the server's numbering: repeats are dropped and a lost event brings a snapshot.
 */
@Injectable({ providedIn: 'root' })
export class AgentSocketService {
  private readonly store = inject(AuthStore);
  private readonly auth = inject(AuthService);
  private socket: AgentSocket | null = null;
  private readonly handlers = new Map<AgentEventName, Set<AnyHandler>>();
  private refreshedForHandshake = false;
  private serverCloseRetries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly statusState = signal<SocketStatus>('disconnected');
  private readonly errorState = signal<HandshakeError | null>(null);
  private readonly sequence = new AgentEventSequence(
    (event, payload) => this.dispatch(event, payload),
    () => this.requestSnapshot(),
  );

  readonly status = this.statusState.asReadonly();
  readonly handshakeError = this.errorState.asReadonly();

  constructor() {
    // Signing out closes the line: the next user of this browser must not inherit the agent's calls.
    effect(() => {
      if (!this.store.isAuthenticated()) this.disconnect();
    });
  }

  /** Connects if needed; safe to call repeatedly. */
  connect(): void {
    if (this.socket) {
      if (!this.socket.connected) this.socket.connect();
      return;
    }
    const socket: AgentSocket = io(AGENT_NAMESPACE, {
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
    // One listener for every server event, so numbering is checked before any handler runs.
    socket.onAny((event: AgentEventName, payload: unknown) => this.sequence.receive(event, payload));
    this.socket = socket;
  }

  /** Registers a handler for a server event; it stays registered until the returned function runs. */
  on<E extends AgentEventName>(event: E, handler: AgentServerToClientEvents[E]): () => void {
    const set = this.handlers.get(event) ?? new Set<AnyHandler>();
    this.handlers.set(event, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  /** The current state, call, script and preview, and the number they are current to. */
  async requestSnapshot(): Promise<SnapshotResult> {
    const socket = this.socket;
    if (!socket?.connected) return unavailable('Not connected to the agent channel');
    try {
      return await socket.timeout(AGENT_ACK_TIMEOUT_MS).emitWithAck('agent.snapshot-requested', {});
    } catch {
      return unavailable('The server did not answer in time');
    }
  }

  /**
   * Sends an agent request and resolves with the server's acknowledgement. It never rejects: a
   * line that is down or an answer that does not come back in time is a refused request too.
   */
  async request<E extends AgentRequestName>(event: E, payload: AgentRequestPayload<E>): Promise<AckResult> {
    const socket = this.socket;
    // socket.io would buffer the emit and replay it on reconnection, possibly minutes later.
    if (!socket?.connected) return unavailable('Not connected to the agent channel');
    const timed = socket.timeout(AGENT_ACK_TIMEOUT_MS);
    // The typed emitWithAck cannot resolve its argument list for a generic event name.
    const emitWithAck = timed.emitWithAck.bind(timed) as unknown as (
      name: E,
      body: AgentRequestPayload<E>,
    ) => Promise<AckResult>;
    try {
      return await emitWithAck(event, payload);
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
    this.sequence.reset();
    this.statusState.set('disconnected');
  }

  /** Hands a server event, in order, to its handlers. */
  private dispatch(event: AgentEventName, payload: unknown): void {
    // Copied: a handler may unsubscribe while the event is being handed out.
    for (const handler of [...(this.handlers.get(event) ?? [])])
      (handler as (payload: unknown) => void)(payload);
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.statusState.set('disconnected');
    this.sequence.reset();
    // Transport losses reconnect by themselves; a close decided by the server (a restart's drain,
    // a refused session) does not, and an agent left silently offline would miss their calls.
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
