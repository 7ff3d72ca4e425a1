import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  CALLBACK_MAX_DAYS,
  ErrorCode,
  WrapUpError,
  assertNever,
  canTransition,
  type AgentSnapshot,
  type AgentState,
  type AgentStateView,
  type BreakReason,
  type CallEndedView,
  type CallView,
  type WrapUpRequest,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessageKey } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import {
  AgentSocketService,
  type AgentRequestName,
  type AgentRequestPayload,
} from '../../core/realtime/agent-socket.service';
import { secondsSince } from './softphone-clock.util';

/** What the agent asked for and the server has not acknowledged yet. */
export type SoftphoneAction = 'available' | 'break' | 'hang-up' | 'wrap-up';

export interface SoftphoneError {
  /** The console's own words for the refusal, in the agent's language. */
  headline: string;
  /** The server's explanation (e.g. "You cannot go break while on_call"). */
  detail: string;
}

interface Refusal {
  code: ErrorCode;
  message: string;
}

const TICK_MS = 1_000;

/** What a wrap-up sends besides the call it closes (the store names the call). */
export type WrapUpBody = Omit<WrapUpRequest, 'callId'>;

function refusalKey(code: ErrorCode): MessageKey {
  if (code === ErrorCode.Conflict) return 'softphone.refused.conflict';
  if (code === ErrorCode.ServiceUnavailable) return 'softphone.refused.unavailable';
  return errorMessageKey(code);
}

const WRAP_UP_ERRORS = new Set<string>(Object.values(WrapUpError));

function isWrapUpError(message: string): message is WrapUpError {
  return WRAP_UP_ERRORS.has(message);
}

/** A refused wrap-up names the rule it broke by its code: say it in the agent's words. */
function wrapUpRefusalKey(error: WrapUpError): MessageKey {
  switch (error) {
    case WrapUpError.UnknownDisposition:
      return 'softphone.wrapUp.refused.unknown_disposition';
    case WrapUpError.CallbackRequired:
      return 'softphone.wrapUp.refused.callback_required';
    case WrapUpError.CallbackOutOfRange:
      return 'softphone.wrapUp.refused.callback_out_of_range';
    case WrapUpError.AgreementRequired:
      return 'softphone.wrapUp.refused.agreement_required';
    default:
      return assertNever(error);
  }
}

/**
 * The agent's softphone: their state on the floor, the call on their line and their requests.
 * The server owns the state machine; this store only mirrors what `/agent` reports and asks for
 * changes. It lives for the whole session (root), so opening an account from the screen pop does
 * not drop the line or forget the call.
 */
@Injectable({ providedIn: 'root' })
export class SoftphoneStore {
  private readonly socket = inject(AgentSocketService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly agentState = signal<AgentStateView | null>(null);
  private readonly callState = signal<CallView | null>(null);
  private readonly lastCallState = signal<CallView | null>(null);
  private readonly lastEndedState = signal<CallEndedView | null>(null);
  private readonly pendingState = signal<SoftphoneAction | null>(null);
  private readonly refusalState = signal<Refusal | null>(null);
  private readonly nowState = signal(Date.now());
  /** How far the browser's clock runs ahead of the server's (ms); see `adoptSkew`. */
  private readonly skewState = signal(0);
  private ticker: ReturnType<typeof setInterval> | null = null;

  readonly connection = this.socket.status;
  /** True once the server has told us the agent's state (the first snapshot). */
  readonly ready = computed(() => this.agentState() !== null);
  readonly state = computed<AgentState>(() => this.agentState()?.state ?? 'offline');
  readonly since = computed(() => this.agentState()?.since ?? null);
  readonly breakReason = computed<BreakReason | null>(() => this.agentState()?.breakReason ?? null);
  readonly call = this.callState.asReadonly();
  readonly lastCall = this.lastCallState.asReadonly();
  readonly lastEnded = this.lastEndedState.asReadonly();
  readonly pending = this.pendingState.asReadonly();
  readonly error = computed<SoftphoneError | null>(() => {
    const refusal = this.refusalState();
    if (!refusal) return null;
    const detail = isWrapUpError(refusal.message)
      ? this.i18n.t(wrapUpRefusalKey(refusal.message), { days: CALLBACK_MAX_DAYS })
      : refusal.message;
    return { headline: this.i18n.t(refusalKey(refusal.code)), detail };
  });
  /** The call the agent works on: the one on the line, or the one they are wrapping up. */
  readonly activeCall = computed(() => this.callState() ?? this.lastCallState());
  /** The browser's clock, ticking every second while the line is open. */
  readonly now = this.nowState.asReadonly();

  readonly secondsInState = computed(() => secondsSince(this.since(), this.nowState(), this.skewState()));
  readonly callSeconds = computed(() =>
    secondsSince(this.callState()?.connectedAt, this.nowState(), this.skewState()),
  );

  private readonly canAct = computed(() => this.connection() === 'connected' && this.pendingState() === null);
  readonly canGoAvailable = computed(() => {
    const state = this.state();
    // Leaving wrap-up goes through "finish wrap-up", which names the call it closes.
    return this.canAct() && state !== 'available' && state !== 'wrap_up' && canTransition(state, 'available');
  });
  readonly canTakeBreak = computed(() => this.canAct() && canTransition(this.state(), 'break'));
  readonly canHangUp = computed(() => this.canAct() && this.callState() !== null);
  readonly canFinishWrapUp = computed(
    () => this.canAct() && this.state() === 'wrap_up' && this.wrapUpCallId() !== null,
  );

  private readonly wrapUpCallId = computed(
    () => this.agentState()?.callId ?? this.lastEndedState()?.callId ?? null,
  );

  constructor() {
    const off = [
      this.socket.on('agent.snapshot', (snapshot) => this.applySnapshot(snapshot)),
      this.socket.on('agent.state-changed', (view) => this.stateChanged(view)),
      this.socket.on('call.connected', (call) => this.callConnected(call)),
      this.socket.on('call.ended', (ended) => this.callEnded(ended)),
    ];
    // Signing out forgets the agent's line; the socket service closes the socket itself.
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

  /** Opens the line (idempotent); the server answers with a snapshot of the agent's state and call. */
  connect(): void {
    this.socket.connect();
    this.startTicking();
  }

  /** The whole picture, sent at every (re)connection: it replaces what we had. */
  applySnapshot(snapshot: AgentSnapshot): void {
    this.agentState.set(snapshot.state);
    const wrapping = snapshot.state.state === 'wrap_up';
    // A call being wrapped up is no longer on the line: it has no hang-up, only its wrap-up.
    this.callState.set(wrapping ? null : snapshot.call);
    if (!wrapping || this.lastCallState()?.callId !== snapshot.state.callId) {
      this.lastCallState.set(
        wrapping && snapshot.call?.callId === snapshot.state.callId ? snapshot.call : null,
      );
      this.lastEndedState.set(null);
    }
  }

  stateChanged(view: AgentStateView): void {
    this.adoptSkew(view.since);
    this.agentState.set(view);
    // A lost `call.ended` must not leave a hang-up button on a line that is already closed.
    const call = this.callState();
    if (call && view.state !== 'on_call' && view.state !== 'reserved') {
      this.lastCallState.set(call);
      this.callState.set(null);
    }
  }

  callConnected(call: CallView): void {
    this.adoptSkew(call.connectedAt);
    this.callState.set(call);
    this.lastCallState.set(null);
    this.lastEndedState.set(null);
  }

  callEnded(ended: CallEndedView): void {
    const call = this.callState();
    if (call?.callId === ended.callId) {
      this.lastCallState.set(call);
      this.callState.set(null);
    }
    this.lastEndedState.set(ended);
  }

  goAvailable(): Promise<void> {
    if (!this.canGoAvailable()) return Promise.resolve();
    return this.act('available', 'agent.state-requested', { state: 'available' });
  }

  takeBreak(breakReason: BreakReason): Promise<void> {
    if (!this.canTakeBreak()) return Promise.resolve();
    return this.act('break', 'agent.state-requested', { state: 'break', breakReason });
  }

  hangUp(): Promise<void> {
    const call = this.callState();
    if (!call || !this.canHangUp()) return Promise.resolve();
    return this.act('hang-up', 'call.hang-up-requested', { callId: call.callId });
  }

  /** Sends the wrap-up of the call in wrap-up; a refusal leaves the agent in wrap-up to fix it. */
  finishWrapUp(wrapUp: WrapUpBody): Promise<void> {
    const callId = this.wrapUpCallId();
    if (!callId || !this.canFinishWrapUp()) return Promise.resolve();
    return this.act('wrap-up', 'call.wrap-up-finished', { ...wrapUp, callId });
  }

  dismissError(): void {
    this.refusalState.set(null);
  }

  private async act<E extends AgentRequestName>(
    action: SoftphoneAction,
    event: E,
    payload: AgentRequestPayload<E>,
  ): Promise<void> {
    this.pendingState.set(action);
    this.refusalState.set(null);
    try {
      const result = await this.socket.request(event, payload);
      if (!result.ok) this.refusalState.set({ code: result.code, message: result.message });
    } finally {
      this.pendingState.set(null);
    }
  }

  /**
   * Timers count on the server's clock: a live change happened just now, so the gap between its
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
    this.agentState.set(null);
    this.callState.set(null);
    this.lastCallState.set(null);
    this.lastEndedState.set(null);
    this.pendingState.set(null);
    this.refusalState.set(null);
    this.skewState.set(0);
  }
}
