import { signal } from '@angular/core';
import type {
  AckResult,
  AgentStateView,
  CallView,
  SupervisorServerToClientEvents,
  TransferRequested,
  WrapUpOverdue,
} from '@recupera/shared';
import type { SocketStatus } from '../../core/realtime/admin-socket.service';

type Handlers = { [E in keyof SupervisorServerToClientEvents]?: SupervisorServerToClientEvents[E][] };
export interface FakeSupervisorRequest {
  event: string;
  payload: unknown;
  answer: (result: AckResult) => void;
}

/** Stands in for the /supervisor socket: the test plays the server's events and answers the requests. */
export class FakeSupervisorSocket {
  private readonly handlers: Handlers = {};
  readonly status = signal<SocketStatus>('disconnected');
  readonly requests: FakeSupervisorRequest[] = [];
  connects = 0;

  connect(): void {
    this.connects += 1;
    this.status.set('connected');
  }

  on<E extends keyof SupervisorServerToClientEvents>(
    event: E,
    handler: SupervisorServerToClientEvents[E],
  ): () => void {
    const list = (this.handlers[event] ?? []) as SupervisorServerToClientEvents[E][];
    list.push(handler);
    (this.handlers as Record<string, unknown>)[event] = list;
    return () => list.splice(list.indexOf(handler), 1);
  }

  request(event: string, payload: unknown): Promise<AckResult> {
    return new Promise((answer) => this.requests.push({ event, payload, answer }));
  }

  /** Plays a server event to every handler registered for it. */
  emit<E extends keyof SupervisorServerToClientEvents>(
    event: E,
    payload: Parameters<SupervisorServerToClientEvents[E]>[0],
  ): void {
    for (const handler of this.handlers[event] ?? []) (handler as (payload: unknown) => void)(payload);
  }

  /** Answers the oldest unanswered request and lets the store's await continue. */
  async answer(result: AckResult): Promise<FakeSupervisorRequest> {
    const request = this.requests.shift();
    if (!request) throw new Error('no request to answer');
    request.answer(result);
    for (let i = 0; i < 3; i++) await Promise.resolve();
    return request;
  }
}

const AT = '2026-03-09T16:00:00.000Z';

/** A call on an agent's line: a Colombian card debtor owing 1,250,000.50 COP. */
export function floorCallView(patch: Partial<CallView> = {}): CallView {
  return {
    callId: 'call-1',
    campaignId: 'cmp-1',
    campaignName: 'Tarjetas temprana',
    accountId: 'acc-1',
    accountNumber: '100234',
    debtorName: 'María López',
    phone: '+573001234567',
    balanceMinor: 125_000_050,
    currency: 'COP',
    daysPastDue: 47,
    connectedAt: AT,
    dispositions: [],
    wrapUpLimitSeconds: 120,
    controls: { held: false, muted: false, transfer: 'requested' },
    ...patch,
  };
}

export function transferRequested(
  patch: Partial<Omit<TransferRequested, 'call'>> & { call?: Partial<CallView> } = {},
): TransferRequested {
  const { call, ...rest } = patch;
  return {
    agentId: 'ag-1',
    agentName: 'Ana Pérez',
    teamId: 'tm-1',
    at: AT,
    ...rest,
    call: floorCallView(call),
  };
}

export function agentStateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'on_call',
    since: AT,
    breakReason: null,
    callId: 'call-1',
    campaignId: 'cmp-1',
    ...patch,
  };
}

export function wrapUpOverdue(patch: Partial<WrapUpOverdue> = {}): WrapUpOverdue {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    campaignId: 'cmp-1',
    callId: 'call-1',
    since: AT,
    limitSeconds: 120,
    ...patch,
  };
}
