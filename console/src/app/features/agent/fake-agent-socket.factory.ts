import { signal } from '@angular/core';
import type { AckResult, AgentServerToClientEvents } from '@recupera/shared';
import type { SocketStatus } from '../../core/realtime/admin-socket.service';

type Handlers = { [E in keyof AgentServerToClientEvents]?: AgentServerToClientEvents[E][] };
export interface FakeRequest {
  event: string;
  payload: unknown;
  answer: (result: AckResult) => void;
}

/** Stands in for the /agent socket: the test plays the server's events and answers the requests. */
/** A server event's payload before the server numbers it. */
type Unsequenced<E extends keyof AgentServerToClientEvents> = Omit<
  Parameters<AgentServerToClientEvents[E]>[0],
  'seq'
>;

export class FakeAgentSocket {
  private readonly handlers: Handlers = {};
  readonly status = signal<SocketStatus>('disconnected');
  private seq = 0;
  /** Requests waiting for `answer`, oldest first. */
  readonly requests: FakeRequest[] = [];
  /** Every request sent, answered or not. */
  readonly sent: { event: string; payload: unknown }[] = [];
  /** When set, every request is answered with it at once instead of waiting for `answer`. */
  autoAnswer: AckResult | null = null;
  connects = 0;

  connect(): void {
    this.connects += 1;
    this.status.set('connected');
  }

  on<E extends keyof AgentServerToClientEvents>(event: E, handler: AgentServerToClientEvents[E]): () => void {
    const list = (this.handlers[event] ?? []) as AgentServerToClientEvents[E][];
    list.push(handler);
    (this.handlers as Record<string, unknown>)[event] = list;
    return () => list.splice(list.indexOf(handler), 1);
  }

  request(event: string, payload: unknown): Promise<AckResult> {
    this.sent.push({ event, payload });
    const auto = this.autoAnswer;
    if (auto) return Promise.resolve(auto);
    return new Promise((answer) => this.requests.push({ event, payload, answer }));
  }

  /** Plays a server event, numbered as the server numbers them (1, 2, 3…). */
  emit<E extends keyof AgentServerToClientEvents>(event: E, payload: Unsequenced<E>): void {
    this.seq += 1;
    for (const handler of this.handlers[event] ?? [])
      (handler as (payload: unknown) => void)({ ...payload, seq: this.seq });
  }

  /** Answers the oldest unanswered request and lets the store's await continue. */
  async answer(result: AckResult): Promise<FakeRequest> {
    const request = this.requests.shift();
    if (!request) throw new Error('no request to answer');
    request.answer(result);
    for (let i = 0; i < 3; i++) await Promise.resolve();
    return request;
  }
}
