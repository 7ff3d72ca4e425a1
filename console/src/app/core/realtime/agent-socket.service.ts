import { Injectable, effect, inject } from '@angular/core';
import {
  AGENT_NAMESPACE,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
} from '@recupera/shared';
import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { AgentEventSequence, type AgentEventName, type SnapshotResult } from './agent-sequence.util';
import { AuthenticatedLine } from './authenticated-line.util';

export type { AgentEventName } from './agent-sequence.util';
export type AgentRequestName = keyof AgentClientToServerEvents;
/** What the client sends with a request: the event's first argument (the last one is the ack). */
export type AgentRequestPayload<E extends AgentRequestName> = Parameters<AgentClientToServerEvents[E]>[0];

/** An action the server has not answered by then is reported as failed rather than left spinning. */
export const AGENT_ACK_TIMEOUT_MS = 8_000;

/** Handlers by event; `on` keeps each paired with its own event's signature. */
type AnyHandler = AgentServerToClientEvents[AgentEventName];

/**
 * The agent namespace socket (the softphone's line), an authenticated line that keeps the
 * registered handlers across reconnections and sign-ins. Events reach the handlers in the server's
 * numbering: repeats are dropped and a lost event brings a snapshot.
 */
@Injectable({ providedIn: 'root' })
export class AgentSocketService {
  private readonly store = inject(AuthStore);
  private readonly handlers = new Map<AgentEventName, Set<AnyHandler>>();
  private readonly sequence = new AgentEventSequence(
    (event, payload) => this.dispatch(event, payload),
    () => this.requestSnapshot(),
  );
  private readonly line = new AuthenticatedLine(this.store, inject(AuthService), {
    namespace: AGENT_NAMESPACE,
    ackTimeoutMs: AGENT_ACK_TIMEOUT_MS,
    channel: 'agent channel',
    // Numbering is checked before any handler runs.
    receive: (event, payload) => this.sequence.receive(event as AgentEventName, payload),
    dropped: () => this.sequence.reset(),
  });

  readonly status = this.line.status;
  readonly handshakeError = this.line.handshakeError;

  constructor() {
    // Signing out closes the line: the next user of this browser must not inherit the agent's calls.
    effect(() => {
      if (!this.store.isAuthenticated()) this.disconnect();
    });
  }

  /** Connects if needed; safe to call repeatedly. */
  connect(): void {
    this.line.connect();
  }

  /** Registers a handler for a server event; it stays registered until the returned function runs. */
  on<E extends AgentEventName>(event: E, handler: AgentServerToClientEvents[E]): () => void {
    const set = this.handlers.get(event) ?? new Set<AnyHandler>();
    this.handlers.set(event, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  /** The current state, call, script and preview, and the number they are current to. */
  requestSnapshot(): Promise<SnapshotResult> {
    return this.line.request<SnapshotResult>('agent.snapshot-requested', {});
  }

  /** Sends an agent request and resolves with the server's acknowledgement; it never rejects. */
  request<E extends AgentRequestName>(event: E, payload: AgentRequestPayload<E>): Promise<AckResult> {
    return this.line.request(event, payload);
  }

  disconnect(): void {
    this.line.disconnect();
  }

  /** Hands a server event, in order, to its handlers. */
  private dispatch(event: AgentEventName, payload: unknown): void {
    // Copied: a handler may unsubscribe while the event is being handed out.
    for (const handler of [...(this.handlers.get(event) ?? [])])
      (handler as (payload: unknown) => void)(payload);
  }
}
