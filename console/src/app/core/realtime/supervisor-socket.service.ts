import { Injectable, effect, inject } from '@angular/core';
import {
  SUPERVISOR_NAMESPACE,
  type AckResult,
  type SupervisorClientToServerEvents,
  type SupervisorServerToClientEvents,
} from '@recupera/shared';
import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { AuthenticatedLine } from './authenticated-line.util';

export type SupervisorEventName = keyof SupervisorServerToClientEvents;
export type SupervisorRequestName = keyof SupervisorClientToServerEvents;
/** What the client sends with a request: the event's first argument (the last one is the ack). */
export type SupervisorRequestPayload<E extends SupervisorRequestName> = Parameters<
  SupervisorClientToServerEvents[E]
>[0];

/** A request the server has not answered by then is reported as failed rather than left spinning. */
export const SUPERVISOR_ACK_TIMEOUT_MS = 8_000;

/** Handlers by event; `on` keeps each paired with its own event's signature. */
type AnyHandler = SupervisorServerToClientEvents[SupervisorEventName];

/**
 * The supervisor namespace socket (the live floor), an authenticated line that keeps the
 * registered handlers across reconnections and sign-ins. Floor events are not numbered: the floor
 * shows what it hears from the moment it joins.
 */
@Injectable({ providedIn: 'root' })
export class SupervisorSocketService {
  private readonly store = inject(AuthStore);
  private readonly handlers = new Map<SupervisorEventName, Set<AnyHandler>>();
  private readonly line = new AuthenticatedLine(this.store, inject(AuthService), {
    namespace: SUPERVISOR_NAMESPACE,
    ackTimeoutMs: SUPERVISOR_ACK_TIMEOUT_MS,
    channel: 'supervisor channel',
    receive: (event, payload) => this.dispatch(event as SupervisorEventName, payload),
  });

  readonly status = this.line.status;
  readonly handshakeError = this.line.handshakeError;

  constructor() {
    // Signing out closes the socket: the next user of this browser must not hear this floor.
    effect(() => {
      if (!this.store.isAuthenticated()) this.disconnect();
    });
  }

  /** Connects if needed; safe to call repeatedly. */
  connect(): void {
    this.line.connect();
  }

  /** Registers a handler for a server event; it stays registered until the returned function runs. */
  on<E extends SupervisorEventName>(event: E, handler: SupervisorServerToClientEvents[E]): () => void {
    const set = this.handlers.get(event) ?? new Set<AnyHandler>();
    this.handlers.set(event, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Sends a supervisor request and resolves with the server's acknowledgement; it never rejects. */
  request<E extends SupervisorRequestName>(
    event: E,
    payload: SupervisorRequestPayload<E>,
  ): Promise<AckResult> {
    return this.line.request(event, payload);
  }

  disconnect(): void {
    this.line.disconnect();
  }

  private dispatch(event: SupervisorEventName, payload: unknown): void {
    // Copied: a handler may unsubscribe while the event is being handed out.
    for (const handler of [...(this.handlers.get(event) ?? [])])
      (handler as (payload: unknown) => void)(payload);
  }
}
