import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  ErrorCode,
  type AgentStateView,
  type CallProgress,
  type CallRef,
  type TransferRequested,
  type WrapUpOverdue,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessageKey } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import {
  addOverdue,
  addTransfer,
  overdueStillStands,
  secondsOverdue,
  secondsSince,
  transferStillWaiting,
} from './floor-alerts.util';

/** What the supervisor asked for and the server has not acknowledged yet. */
export interface FloorPending {
  action: 'take' | 'hang-up';
  callId: string;
}

/** The call this supervisor took: the agent's request, and when it reached the supervisor's line. */
export interface TakenCall {
  request: TransferRequested;
  /** Browser clock (ms) of the accepted take. */
  takenAtMs: number;
  /** The hang-up was accepted; the call is on its way out (`call.transfer-ended` follows). */
  hangingUp: boolean;
}

export interface FloorNotice {
  tone: 'info' | 'danger';
  text: string;
  detail: string | null;
}

interface NoticeState {
  tone: FloorNotice['tone'];
  key: MessageKey;
  params?: Record<string, string>;
  detailKey: MessageKey | null;
}

const TICK_MS = 1_000;
/** Calls known to have ended, so a late "taken" ack does not put a finished call on the line. */
const ENDED_MEMORY = 50;

/**
 * The live floor (/supervisor): transfers the team's agents ask for, the call this supervisor
 * took, overdue wrap-ups and every agent's live state. It lives for the session (root), so a
 * supervisor who looks at a campaign and comes back still has the call they took on their line.
 */
@Injectable({ providedIn: 'root' })
export class FloorAlertsStore {
  private readonly socket = inject(SupervisorSocketService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly transfersState = signal<TransferRequested[]>([]);
  private readonly myCallState = signal<TakenCall | null>(null);
  private readonly pendingState = signal<FloorPending | null>(null);
  private readonly noticeState = signal<NoticeState | null>(null);
  private readonly overdueState = signal<WrapUpOverdue[]>([]);
  private readonly agentStatesState = signal<ReadonlyMap<string, AgentStateView>>(new Map());
  private readonly namesState = signal<ReadonlyMap<string, string>>(new Map());
  private readonly nowState = signal(Date.now());
  /** How far the browser's clock runs ahead of the server's (ms); see `adoptSkew`. */
  private readonly skewState = signal(0);
  private readonly ended: string[] = [];
  private ticker: ReturnType<typeof setInterval> | null = null;

  readonly connection = this.socket.status;
  /** Requests waiting for a supervisor, newest first. */
  readonly transfers = this.transfersState.asReadonly();
  readonly myCall = this.myCallState.asReadonly();
  readonly pending = this.pendingState.asReadonly();
  /** Overdue wrap-ups, the longest-running first. */
  readonly overdue = this.overdueState.asReadonly();
  readonly agentStates = this.agentStatesState.asReadonly();
  /** The browser's clock, ticking every second while the floor is open. */
  readonly now = this.nowState.asReadonly();
  readonly notice = computed<FloorNotice | null>(() => {
    const notice = this.noticeState();
    if (!notice) return null;
    return {
      tone: notice.tone,
      text: this.i18n.t(notice.key, notice.params),
      detail: notice.detailKey ? this.i18n.t(notice.detailKey) : null,
    };
  });
  /** One call at a time on the supervisor's line. */
  readonly canTake = computed(
    () => this.connection() === 'connected' && this.pendingState() === null && this.myCallState() === null,
  );
  readonly canHangUp = computed(() => {
    const call = this.myCallState();
    return this.connection() === 'connected' && this.pendingState() === null && !!call && !call.hangingUp;
  });

  constructor() {
    const off = [
      this.socket.on('call.transfer-requested', (request) => this.transferRequested(request)),
      this.socket.on('call.transfer-ended', (ended) => this.transferEnded(ended)),
      this.socket.on('agent.wrap-up-overdue', (overdue) => this.wrapUpOverdue(overdue)),
      this.socket.on('agent.state-changed', (view) => this.agentStateChanged(view)),
      this.socket.on('call.progressed', (progress) => this.callProgressed(progress)),
    ];
    // Signing out forgets the floor; the socket service closes the socket itself.
    let wasSignedIn = untracked(() => this.auth.isAuthenticated());
    effect(() => {
      const signedIn = this.auth.isAuthenticated();
      if (wasSignedIn && !signedIn) untracked(() => this.reset());
      wasSignedIn = signedIn;
    });
    inject(DestroyRef).onDestroy(() => {
      off.forEach((unsubscribe) => unsubscribe());
      this.stopTicking();
    });
  }

  /** Opens the floor's line (idempotent). The floor hears what happens from then on. */
  connect(): void {
    this.socket.connect();
    this.startTicking();
  }

  transferRequested(request: TransferRequested): void {
    this.adoptSkew(request.at);
    this.learnName(request.agentId, request.agentName);
    if (this.myCallState()?.request.call.callId === request.call.callId) return;
    this.transfersState.update((list) => addTransfer(list, request));
  }

  transferEnded({ callId }: CallRef): void {
    this.rememberEnded(callId);
    if (this.myCallState()?.request.call.callId === callId) this.myCallState.set(null);
    this.dropTransfer(callId);
  }

  wrapUpOverdue(overdue: WrapUpOverdue): void {
    const current = this.stateOf(overdue.agentId);
    // The agent already left that wrap-up (the alert raced their disposition): nothing to chase.
    if (
      current &&
      !overdueStillStands(overdue, current) &&
      Date.parse(current.since) >= Date.parse(overdue.since)
    )
      return;
    this.overdueState.update((alerts) => addOverdue(alerts, overdue));
  }

  agentStateChanged(view: AgentStateView): void {
    this.adoptSkew(view.since);
    this.agentStatesState.update((states) => new Map(states).set(view.agentId, view));
    const pending = this.pendingState();
    // A request being taken stays listed until the take is answered: the agent leaves the call
    // (to wrap it up) before this supervisor's ack comes back.
    this.transfersState.update((list) =>
      list.filter(
        (request) =>
          transferStillWaiting(request, view) ||
          (pending?.action === 'take' && pending.callId === request.call.callId),
      ),
    );
    this.overdueState.update((alerts) => alerts.filter((alert) => overdueStillStands(alert, view)));
  }

  callProgressed(progress: CallProgress): void {
    if (progress.stage !== 'ended') return;
    this.transferEnded({ callId: progress.callId });
  }

  /** Takes a transferred call; the first supervisor wins, the others hear that it was taken. */
  async take(callId: string): Promise<void> {
    const request = this.transfersState().find((candidate) => candidate.call.callId === callId);
    if (!request || !this.canTake()) return;
    this.pendingState.set({ action: 'take', callId });
    this.noticeState.set(null);
    try {
      const result = await this.socket.request('call.transfer-accepted', { callId });
      if (result.ok) {
        this.dropTransfer(callId);
        if (!this.ended.includes(callId))
          this.myCallState.set({ request, takenAtMs: Date.now(), hangingUp: false });
        return;
      }
      if (result.code === ErrorCode.Conflict) {
        // Another supervisor was first, or the call ended meanwhile: it is nobody's to take now.
        this.dropTransfer(callId);
        this.noticeState.set({
          tone: 'info',
          key: 'floor.transfers.takenElsewhere',
          params: { agent: request.agentName },
          detailKey: null,
        });
        return;
      }
      this.noticeState.set({
        tone: 'danger',
        key: 'floor.transfers.takeRefused',
        detailKey: errorMessageKey(result.code),
      });
      // The agent may have left the call while the take was in the air: then it is gone anyway.
      const view = this.stateOf(request.agentId);
      if (view && !transferStillWaiting(request, view)) this.dropTransfer(callId);
    } finally {
      this.pendingState.set(null);
    }
  }

  /** Ends the call this supervisor took; it leaves the line when the server says it ended. */
  async hangUp(): Promise<void> {
    const call = this.myCallState();
    if (!call || !this.canHangUp()) return;
    const callId = call.request.call.callId;
    this.pendingState.set({ action: 'hang-up', callId });
    this.noticeState.set(null);
    try {
      const result = await this.socket.request('call.hang-up-requested', { callId });
      const current = this.myCallState();
      if (current?.request.call.callId !== callId) return;
      if (result.ok) this.myCallState.set({ ...current, hangingUp: true });
      // Not on this line any more: the call already ended.
      else if (result.code === ErrorCode.Conflict) this.myCallState.set(null);
      else
        this.noticeState.set({
          tone: 'danger',
          key: 'floor.transfers.hangUpRefused',
          detailKey: errorMessageKey(result.code),
        });
    } finally {
      this.pendingState.set(null);
    }
  }

  dismissOverdue(agentId: string): void {
    this.overdueState.update((alerts) => alerts.filter((alert) => alert.agentId !== agentId));
  }

  dismissNotice(): void {
    this.noticeState.set(null);
  }

  /** An agent's name as their transfer requests gave it, for alerts about agents off the roster. */
  knownName(agentId: string): string | null {
    return this.namesState().get(agentId) ?? null;
  }

  stateOf(agentId: string): AgentStateView | null {
    return this.agentStatesState().get(agentId) ?? null;
  }

  /** Seconds the agent has been in their live state; null until the floor heard of them. */
  secondsInState(agentId: string): number | null {
    const view = this.stateOf(agentId);
    return view ? secondsSince(view.since, this.nowState(), this.skewState()) : null;
  }

  secondsWaiting(request: TransferRequested): number {
    return secondsSince(request.at, this.nowState(), this.skewState());
  }

  secondsOnLine(call: TakenCall): number {
    return Math.max(0, Math.floor((this.nowState() - call.takenAtMs) / 1000));
  }

  secondsInWrapUp(alert: WrapUpOverdue): number {
    return secondsSince(alert.since, this.nowState(), this.skewState());
  }

  secondsOverdue(alert: WrapUpOverdue): number {
    return secondsOverdue(alert, this.nowState(), this.skewState());
  }

  private dropTransfer(callId: string): void {
    this.transfersState.update((list) => list.filter((request) => request.call.callId !== callId));
  }

  private rememberEnded(callId: string): void {
    this.ended.push(callId);
    if (this.ended.length > ENDED_MEMORY) this.ended.shift();
  }

  private learnName(agentId: string, name: string): void {
    if (this.namesState().get(agentId) !== name)
      this.namesState.update((names) => new Map(names).set(agentId, name));
  }

  /**
   * Timers count on the server's clock: a live event happened just now, so the gap between its
   * instant and the browser's clock is the browser's skew (plus a few ms of latency).
   */
  private adoptSkew(iso: string): void {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return;
    const now = Date.now();
    this.skewState.set(now - at);
    this.nowState.set(now);
  }

  private startTicking(): void {
    if (this.ticker) return;
    this.nowState.set(Date.now());
    this.ticker = setInterval(() => this.nowState.set(Date.now()), TICK_MS);
  }

  private stopTicking(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private reset(): void {
    this.stopTicking();
    this.transfersState.set([]);
    this.myCallState.set(null);
    this.pendingState.set(null);
    this.noticeState.set(null);
    this.overdueState.set([]);
    this.agentStatesState.set(new Map());
    this.namesState.set(new Map());
    this.skewState.set(0);
    this.ended.length = 0;
  }
}
