import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  NO_CALL_CONTROLS,
  canTransition,
  type AgentSnapshot,
  type AgentState,
  type AgentStateView,
  type BreakReason,
  type CallControls,
  type CallControlsChanged,
  type CallEndedView,
  type CallView,
  type WrapUpExpired,
  type WrapUpRequest,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import {
  AgentSocketService,
  type AgentRequestName,
  type AgentRequestPayload,
} from '../../core/realtime/agent-socket.service';
import { VoiceDeviceService } from '../../core/voice/voice-device.service';
import { keepCallDrafts, removeCallDrafts } from './call-draft-storage.util';
import { secondsSince, wrapUpCountdown as countdownOf } from './softphone-clock.util';
import { refusalText, type Refusal, type SoftphoneError } from './softphone-refusal.util';

export type { SoftphoneError } from './softphone-refusal.util';

/** What the agent asked for and the server has not acknowledged yet. */
export type SoftphoneAction =
  | 'available'
  | 'break'
  | 'hang-up'
  | 'wrap-up'
  | 'hold'
  | 'mute'
  | 'transfer'
  | 'preview-dial'
  | 'preview-skip';

const TICK_MS = 1_000;

/**
 * The states a conference call from the dialer is answered in by the browser's audio line: the
 * dialer rings the softphone as it bridges the debtor, so the ring may arrive once the agent is
 * already on the call.
 */
const ANSWERING_STATES: readonly AgentState[] = ['available', 'reserved', 'on_call'];
/** The states whose call (or previewed account) keeps the drafts typed for it. */
const DRAFT_STATES: readonly AgentState[] = ['on_call', 'wrap_up', 'preview', 'reserved'];

/** What a wrap-up sends besides the call it closes (the store names the call). */
export type WrapUpBody = Omit<WrapUpRequest, 'callId'>;

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
  private readonly voice = inject(VoiceDeviceService);

  private readonly agentState = signal<AgentStateView | null>(null);
  private readonly callState = signal<CallView | null>(null);
  private readonly lastCallState = signal<CallView | null>(null);
  private readonly lastEndedState = signal<CallEndedView | null>(null);
  private readonly pendingState = signal<SoftphoneAction | null>(null);
  private readonly refusalState = signal<Refusal | null>(null);
  private readonly expiredState = signal<WrapUpExpired | null>(null);
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
  /** The call (or previewed account) the server's state names. */
  readonly stateCallId = computed(() => this.agentState()?.callId ?? null);
  readonly call = this.callState.asReadonly();
  readonly lastCall = this.lastCallState.asReadonly();
  readonly lastEnded = this.lastEndedState.asReadonly();
  readonly pending = this.pendingState.asReadonly();
  readonly error = computed<SoftphoneError | null>(() => {
    const refusal = this.refusalState();
    return refusal ? refusalText(refusal, this.i18n) : null;
  });
  /** The campaign closed a wrap-up by itself when its limit ran out (undispositioned). */
  readonly wrapUpExpiredNotice = this.expiredState.asReadonly();
  /** The audio line in the browser (simulated, Twilio ready, or why it is down). */
  readonly line = this.voice.status;
  readonly lineError = this.voice.error;
  readonly lineErrorDetail = this.voice.errorDetail;
  /** The call the agent works on: the one on the line, or the one they are wrapping up. */
  readonly activeCall = computed(() => this.callState() ?? this.lastCallState());
  /** The browser's clock, ticking every second while the line is open. */
  readonly now = this.nowState.asReadonly();

  readonly secondsInState = computed(() => secondsSince(this.since(), this.nowState(), this.skewState()));
  readonly callSeconds = computed(() =>
    secondsSince(this.callState()?.connectedAt, this.nowState(), this.skewState()),
  );

  /** The line is up and no request waits for its answer. */
  readonly canAct = computed(() => this.connection() === 'connected' && this.pendingState() === null);
  readonly canGoAvailable = computed(() => {
    const state = this.state();
    // Leaving wrap-up goes through "finish wrap-up", which names the call it closes; a preview is
    // left by dialling it or skipping it with a reason.
    return (
      this.canAct() &&
      state !== 'available' &&
      state !== 'wrap_up' &&
      state !== 'preview' &&
      canTransition(state, 'available')
    );
  });
  readonly canTakeBreak = computed(
    () => this.canAct() && this.state() !== 'preview' && canTransition(this.state(), 'break'),
  );
  readonly canHangUp = computed(() => this.canAct() && this.callState() !== null);

  /** The server's switches on the call on the line. */
  readonly controls = computed<CallControls>(() => this.callState()?.controls ?? NO_CALL_CONTROLS);
  /** Once a supervisor took the call, the agent is leaving it: nothing more to switch. */
  private readonly canControl = computed(
    () => this.canAct() && this.callState() !== null && this.controls().transfer !== 'taken',
  );
  readonly canHold = this.canControl;
  readonly canMute = this.canControl;
  readonly canTransfer = computed(() => this.canControl() && this.controls().transfer === 'none');

  private readonly wrapUpCallId = computed(
    () => this.agentState()?.callId ?? this.lastEndedState()?.callId ?? null,
  );
  /** In wrap-up, unless the campaign already closed it (its state change may still be on its way). */
  readonly wrapUpOpen = computed(() => {
    const expired = this.expiredState();
    return this.state() === 'wrap_up' && (expired === null || expired.callId !== this.wrapUpCallId());
  });
  readonly canFinishWrapUp = computed(
    () => this.canAct() && this.wrapUpOpen() && this.wrapUpCallId() !== null,
  );
  /** The time left of the campaign's wrap-up limit, or how long ago it passed. */
  readonly wrapUpCountdown = computed(() =>
    this.wrapUpOpen()
      ? countdownOf(this.lastCallState()?.wrapUpLimitSeconds ?? null, this.secondsInState())
      : null,
  );

  constructor() {
    const off = [
      this.socket.on('agent.snapshot', (snapshot) => this.applySnapshot(snapshot)),
      this.socket.on('agent.state-changed', (view) => this.stateChanged(view)),
      this.socket.on('call.connected', (call) => this.callConnected(call)),
      this.socket.on('call.ended', (ended) => this.callEnded(ended)),
      this.socket.on('call.controls-changed', (changed) => this.controlsChanged(changed)),
      this.socket.on('call.wrap-up-expired', (expired) => this.wrapUpExpired(expired)),
    ];
    this.voice.setAnswerPolicy(() => ANSWERING_STATES.includes(this.state()));
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

  /** Opens the browser's audio line (a no-op on the simulated carrier). */
  startAudio(): void {
    this.voice.start();
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
    // Drafts of calls the agent no longer works on go; the current call's are restored by its stores.
    const { state, callId } = snapshot.state;
    keepCallDrafts(DRAFT_STATES.includes(state) ? callId : null);
    this.voice.mute(snapshot.call?.controls.muted ?? false);
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
    this.expiredState.set(null);
    keepCallDrafts(call.callId);
    this.voice.mute(call.controls.muted);
  }

  controlsChanged(changed: CallControlsChanged): void {
    const { callId, held, muted, transfer } = changed;
    const controls: CallControls = { held, muted, transfer };
    const call = this.callState();
    if (call?.callId === callId) {
      this.callState.set({ ...call, controls });
      this.voice.mute(muted);
    }
    const last = this.lastCallState();
    if (last?.callId === callId) this.lastCallState.set({ ...last, controls });
  }

  /** The campaign freed the agent without a disposition: the wrap-up and what was typed for it go. */
  wrapUpExpired(expired: WrapUpExpired): void {
    this.expiredState.set(expired);
    removeCallDrafts(expired.callId);
    if (this.lastCallState()?.callId === expired.callId) this.lastCallState.set(null);
    if (this.lastEndedState()?.callId === expired.callId) this.lastEndedState.set(null);
  }

  callEnded(ended: CallEndedView): void {
    const call = this.callState();
    if (call?.callId === ended.callId) {
      this.lastCallState.set(call);
      this.callState.set(null);
    }
    this.lastEndedState.set(ended);
  }

  async goAvailable(): Promise<void> {
    if (!this.canGoAvailable()) return;
    await this.perform('available', 'agent.state-requested', { state: 'available' });
  }

  async takeBreak(breakReason: BreakReason): Promise<void> {
    if (!this.canTakeBreak()) return;
    await this.perform('break', 'agent.state-requested', { state: 'break', breakReason });
  }

  async hangUp(): Promise<void> {
    const call = this.callState();
    if (!call || !this.canHangUp()) return;
    await this.perform('hang-up', 'call.hang-up-requested', { callId: call.callId });
  }

  async toggleHold(): Promise<void> {
    const call = this.callState();
    if (!call || !this.canHold()) return;
    await this.perform('hold', 'call.hold-requested', { callId: call.callId, on: !this.controls().held });
  }

  /** The microphone goes quiet at once; the server keeps the switch so a reload shows it. */
  async toggleMute(): Promise<void> {
    const call = this.callState();
    if (!call || !this.canMute()) return;
    const on = !this.controls().muted;
    this.voice.mute(on);
    const ok = await this.perform('mute', 'call.mute-requested', { callId: call.callId, on });
    if (!ok) this.voice.mute(this.controls().muted);
  }

  /** Asks the team's supervisor to take the call; the agent stays on it until one does. */
  async requestTransfer(): Promise<void> {
    const call = this.callState();
    if (!call || !this.canTransfer()) return;
    await this.perform('transfer', 'call.transfer-requested', { callId: call.callId });
  }

  /**
   * Sends the wrap-up of the call in wrap-up; a refusal leaves the agent in wrap-up to fix it.
   * Resolves true when the server accepted it.
   */
  async finishWrapUp(wrapUp: WrapUpBody): Promise<boolean> {
    const callId = this.wrapUpCallId();
    if (!callId || !this.canFinishWrapUp()) return false;
    return this.perform('wrap-up', 'call.wrap-up-finished', { ...wrapUp, callId });
  }

  dismissError(): void {
    this.refusalState.set(null);
  }

  dismissWrapUpExpired(): void {
    this.expiredState.set(null);
  }

  /**
   * Sends one of the agent's requests: one at a time, its refusal shown in the agent's words.
   * Resolves true when the server accepted it.
   */
  async perform<E extends AgentRequestName>(
    action: SoftphoneAction,
    event: E,
    payload: AgentRequestPayload<E>,
  ): Promise<boolean> {
    this.pendingState.set(action);
    this.refusalState.set(null);
    try {
      const result = await this.socket.request(event, payload);
      if (!result.ok) this.refusalState.set({ code: result.code, message: result.message });
      return result.ok;
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
    this.expiredState.set(null);
    this.skewState.set(0);
    keepCallDrafts(null);
  }
}
