import {
  AGENT_NAMESPACE,
  ErrorCode,
  SeededRandom,
  isSequenceGap,
  toIsoDate,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type AgentSnapshot,
  type AgentStateView,
  type AgreementResponse,
  type CallEndedView,
  type CallView,
  type CreateAgreementRequest,
  type PreviewView,
  type ScriptPushed,
  type Sequenced,
  type WrapUpRequest,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import {
  fallbackDisposition,
  planBreak,
  planCall,
  planCallback,
  planDemoAgreement,
  planPreview,
  planScriptPath,
  workStretchSeconds,
  type DemoCallPlan,
} from './demo-agent-plan.util';
import { DemoChatDesk } from './demo-chat-desk.util';

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export interface DemoBotAgent {
  id: string;
  email: string;
  teamId: string | null;
}

export interface MintedToken {
  token: string;
  /** Epoch milliseconds the token stops being accepted. */
  expiresAt: number;
}

export interface DemoBotLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface DemoBotOptions {
  /** This server's own origin, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  agent: DemoBotAgent;
  seed: number;
  /** Multiplies every wait of the bot (the simulated carrier's time scale, or a test's). */
  timeScale: number;
  /** Unscaled milliseconds before the bot connects and asks to be available. */
  startDelayMs: number;
  mintToken: (agent: DemoBotAgent) => Promise<MintedToken>;
  logger: DemoBotLogger;
  now?: () => Date;
}

export interface DemoBotStats {
  connects: number;
  calls: number;
  hangUps: number;
  steps: number;
  wrapUps: number;
  agreements: number;
  callbacks: number;
  breaks: number;
  previewsDialled: number;
  previewsSkipped: number;
  /** Chats answered and wrapped up. */
  chats: number;
  errors: number;
}

/** Chat events the desk does not act on, numbered all the same: they keep the sequence whole. */
const CHAT_EVENTS_IGNORED = [
  'chat.offer-withdrawn',
  'chat.updated',
  'chat.message-status',
  'chat.typing',
] as const;

/** Acks that do not come back within this long count as failures (the bot retries later). */
const ACK_TIMEOUT_MS = 10_000;
/** Retry after a failure, unscaled: never hammer a server that is struggling. */
const RETRY_MS: readonly [number, number] = [3_000, 12_000];
/** A token is re-minted when it has less than this left. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * One simulated agent on the demo floor: a real socket.io client on `/agent`, authenticated like
 * the console, following the agent protocol (acks, sequence numbers, snapshots). It goes available,
 * takes breaks, talks, follows the script and wraps up; what it decides comes from the pure
 * functions of demo-agent-plan.util.ts. Every failure is logged and retried later: a bot never
 * throws into the server that hosts it.
 */
export class DemoAgentBot {
  readonly stats: DemoBotStats = {
    connects: 0,
    calls: 0,
    hangUps: 0,
    steps: 0,
    wrapUps: 0,
    agreements: 0,
    callbacks: 0,
    breaks: 0,
    previewsDialled: 0,
    previewsSkipped: 0,
    chats: 0,
    errors: 0,
  };
  private readonly rng: SeededRandom;
  private readonly desk: DemoChatDesk;
  private readonly now: () => Date;
  private socket: AgentSocket | null = null;
  private token: MintedToken | null = null;
  private stopped = false;
  /** Leaving the floor: events still update the view, but nothing new is scheduled. */
  private leaving = false;
  private lastSeq = 0;
  private view: AgentStateView | null = null;
  private call: CallView | null = null;
  private script: ScriptPushed | null = null;
  private plan: { callId: string; plan: DemoCallPlan } | null = null;
  /** The call whose wrap-up is scheduled or being sent, so it is finished once. */
  private wrapping: string | null = null;
  private previewing: string | null = null;
  /** A snapshot was asked for: events until it comes are in it or after it. */
  private resyncing = false;
  private walking: string | null = null;
  private breakSeconds: number | null = null;
  private nextBreakAt: number;
  /** The one thing the bot is waiting to do (go available, break, hang up, finish a wrap-up…). */
  private action: NodeJS.Timeout | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: DemoBotOptions) {
    this.rng = new SeededRandom(options.seed);
    this.now = options.now ?? (() => new Date());
    this.desk = new DemoChatDesk({
      rng: this.rng,
      later: (ms, task) => void this.later(ms, task),
      emit: (event, request) => this.connected().timeout(ACK_TIMEOUT_MS).emitWithAck(event, request),
      send: async (conversationId, body) => {
        const sent = await this.connected()
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('chat.send-requested', { conversationId, body });
        if (!sent.ok) throw new Error(`chat message refused: ${sent.message}`);
      },
      wrapUp: async (conversationId, dispositionCode, notes) => {
        const result = await this.connected()
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('chat.wrap-up-finished', { conversationId, dispositionCode, notes });
        if (result.ok) this.stats.chats++;
        return result;
      },
    });
    this.nextBreakAt = this.now().getTime() + this.scaled(workStretchSeconds(this.rng) * 1_000);
  }

  get email(): string {
    return this.options.agent.email;
  }

  get state(): AgentStateView | null {
    return this.view;
  }

  start(): void {
    this.later(this.options.startDelayMs, () => this.connect(), false);
  }

  /**
   * Leaves the floor as an agent ends a shift: a call is hung up and wrapped up, a preview
   * skipped, and the agent logged off, within `deadlineMs`. A call left open when its server stops
   * would outlive the simulated carrier that holds it, and keep the agent on it for good.
   */
  async leave(deadlineMs: number): Promise<void> {
    if (this.stopped || this.leaving) return;
    this.leaving = true;
    this.clearAction();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const deadline = Date.now() + deadlineMs;
    const socket = this.socket;
    const view = this.view;
    try {
      if (!socket?.connected || !view) return;
      const ack = { timeout: () => socket.timeout(Math.max(1, deadline - Date.now())) };
      if (view.state === 'preview' && view.callId)
        await ack
          .timeout()
          .emitWithAck('preview.skip-requested', { callId: view.callId, reason: 'not_workable_now' });
      // A call being put through a moment ago is let through, to be hung up like any other.
      await this.until(() => this.view?.state !== 'reserved', deadline);
      const callId = this.view?.callId;
      if (this.view?.state === 'on_call' && callId) {
        await ack.timeout().emitWithAck('call.hang-up-requested', { callId });
        await this.until(() => this.view?.state !== 'on_call', deadline);
      }
      const call = this.call;
      if (this.view?.state === 'wrap_up' && call && this.view.callId === call.callId) {
        const planned = this.plan?.callId === call.callId ? this.plan.plan.disposition : null;
        const disposition =
          planned && planned.category !== 'promise'
            ? planned
            : fallbackDisposition(call.dispositions, 'promise');
        if (disposition) {
          const result = await ack
            .timeout()
            .emitWithAck(
              'call.wrap-up-finished',
              this.wrapUp(
                call.callId,
                disposition.code,
                'Llamada cerrada al terminar el turno.',
                disposition,
              ),
            );
          if (result.ok) this.stats.wrapUps++;
        }
      }
      await this.desk.leave();
      await ack.timeout().emitWithAck('agent.state-requested', { state: 'offline' });
    } catch (error) {
      this.options.logger.debug(`${this.email}: left the floor abruptly (${String(error)})`);
    } finally {
      this.stop();
    }
  }

  private connected(): AgentSocket {
    const socket = this.socket;
    if (!socket?.connected) throw new Error('not connected');
    return socket;
  }

  private async until(condition: () => boolean, deadline: number): Promise<void> {
    while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  /** Disconnects and forgets every timer; the server marks a free agent offline when the socket goes. */
  stop(): void {
    this.stopped = true;
    this.clearAction();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  private scaled(ms: number): number {
    return Math.max(1, Math.round(ms * this.options.timeScale));
  }

  /** Runs `task` after `ms` (scaled unless told otherwise); a failure is logged, never thrown. */
  private later(ms: number, task: () => Promise<void> | void, scale = true): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (this.stopped || this.leaving) return;
        this.guard('task', task);
      },
      scale ? this.scaled(ms) : ms,
    );
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private guard(what: string, task: () => Promise<void> | void): void {
    try {
      const result = task();
      if (result) result.catch((error: unknown) => this.failed(what, error));
    } catch (error) {
      this.failed(what, error);
    }
  }

  private failed(what: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    // An ack lost with the connection is expected: the snapshot on reconnect says what to do.
    if (!this.socket?.connected) {
      this.options.logger.debug(`${this.email}: ${what} cut short by a disconnect (${reason})`);
      return;
    }
    this.stats.errors++;
    this.options.logger.warn(`${this.email}: ${what} failed (${reason}); retrying later`);
    this.retrySoon();
  }

  /** Replaces the pending action: the bot only ever waits to do one thing. */
  private setAction(ms: number, task: () => Promise<void> | void, scale = true): void {
    this.clearAction();
    if (this.stopped || this.leaving) return;
    this.action = this.later(
      ms,
      () => {
        this.action = null;
        return task();
      },
      scale,
    );
  }

  private clearAction(): void {
    if (this.action) {
      clearTimeout(this.action);
      this.timers.delete(this.action);
      this.action = null;
    }
  }

  /** After a failure: ask where things stand and carry on from there. */
  private retrySoon(): void {
    if (this.stopped || this.leaving) return;
    this.setAction(this.rng.int(...RETRY_MS), () => this.resync());
  }

  private async freshToken(): Promise<string> {
    if (!this.token || this.token.expiresAt - Date.now() < TOKEN_MARGIN_MS)
      this.token = await this.options.mintToken(this.options.agent);
    return this.token.token;
  }

  private connect(): void {
    if (this.stopped || this.socket) return;
    const socket: AgentSocket = io(`${this.options.baseUrl}${AGENT_NAMESPACE}`, {
      // Asked on every (re)connection, so a reconnect an hour later still carries a valid token.
      auth: (cb) => {
        this.freshToken().then(
          (token) => cb({ token }),
          (error: unknown) => {
            this.options.logger.warn(`${this.email}: no token (${String(error)})`);
            cb({});
          },
        );
      },
      transports: ['websocket'],
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 15_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.stats.connects++;
      this.options.logger.debug(`${this.email}: connected`);
    });
    socket.on('connect_error', (error) => {
      this.options.logger.debug(`${this.email}: connect error (${error.message})`);
      // Refused in the handshake (an expired token, a server starting up): socket.io does not
      // retry those by itself, so the bot does, with a token minted afresh.
      if (!socket.active) {
        this.token = null;
        this.later(this.rng.int(...RETRY_MS), () => void socket.connect(), false);
      }
    });
    socket.on('disconnect', (reason) => {
      this.options.logger.debug(`${this.email}: disconnected (${reason})`);
      this.clearAction();
      if (reason === 'io server disconnect')
        this.later(this.rng.int(...RETRY_MS), () => void socket.connect(), false);
    });
    socket.on('agent.snapshot', (snapshot) => this.guard('snapshot', () => this.applySnapshot(snapshot)));
    socket.on('agent.state-changed', (event) =>
      this.onEvent(event, () => this.guard('state change', () => this.onState(event))),
    );
    socket.on('call.connected', (event) =>
      this.onEvent(event, () => this.guard('call', () => this.onCallConnected(event))),
    );
    socket.on('script.pushed', (event) =>
      this.onEvent(event, () => this.guard('script', () => this.onScript(event))),
    );
    socket.on('call.ended', (event) =>
      this.onEvent(event, () => this.guard('call end', () => this.onCallEnded(event))),
    );
    socket.on('call.wrap-up-expired', (event) =>
      this.onEvent(event, () => {
        // The campaign freed the agent by itself: nothing to finish, carry on.
        if (this.wrapping === event.callId) this.clearAction();
      }),
    );
    socket.on('preview.offered', (event) =>
      this.onEvent(event, () => this.guard('preview', () => this.onPreview(event))),
    );
    socket.on('agreement.decided', (event) =>
      this.onEvent(event, () =>
        this.options.logger.debug(`${this.email}: agreement ${event.id} is ${event.status}`),
      ),
    );
    socket.on('call.controls-changed', (event) => this.onEvent(event, () => undefined));
    socket.on('chat.offered', (event) => this.onEvent(event, () => this.desk.offered(event)));
    socket.on('chat.assigned', (event) => this.onEvent(event, () => this.desk.assigned(event)));
    socket.on('chat.message', (event) => this.onEvent(event, () => this.desk.message(event)));
    socket.on('chat.closed', (event) => this.onEvent(event, () => this.desk.closed(event.conversationId)));
    for (const name of CHAT_EVENTS_IGNORED)
      socket.on(name, (event: { seq: number }) => this.onEvent(event, () => undefined));
  }

  /** Events the snapshot already covers are skipped; a gap in the numbering asks for a new snapshot. */
  private onEvent(event: { seq: number }, handle: () => void): void {
    if (event.seq <= this.lastSeq || this.resyncing) return;
    if (isSequenceGap(this.lastSeq, event.seq)) {
      this.guard('resync', () => this.resync());
      return;
    }
    this.lastSeq = event.seq;
    handle();
  }

  private async resync(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    this.resyncing = true;
    try {
      const snapshot = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('agent.snapshot-requested', {} as Record<string, never>);
      if ('ok' in snapshot) throw new Error(`snapshot refused: ${snapshot.message}`);
      await this.applySnapshot(snapshot);
    } finally {
      this.resyncing = false;
    }
  }

  /** On (re)connect and after a gap: the server's truth replaces whatever the bot was about to do. */
  private async applySnapshot(snapshot: Sequenced<AgentSnapshot>): Promise<void> {
    this.resyncing = false;
    this.lastSeq = snapshot.seq;
    this.clearAction();
    this.wrapping = null;
    this.previewing = null;
    if (snapshot.call) this.call = snapshot.call;
    if (snapshot.script) this.script = snapshot.script;
    this.desk.resume(snapshot.chats);
    if (snapshot.chatOffer) this.desk.offered(snapshot.chatOffer);
    if (snapshot.preview && snapshot.state.state === 'preview') {
      this.view = snapshot.state;
      await this.onPreview(snapshot.preview);
      return;
    }
    if (snapshot.state.state === 'on_call' && snapshot.call) {
      this.view = snapshot.state;
      await this.onCallConnected(snapshot.call);
      return;
    }
    await this.onState(snapshot.state, true);
  }

  private async onState(view: AgentStateView, fromSnapshot = false): Promise<void> {
    const before = this.view;
    this.view = view;
    const changed = fromSnapshot || before?.state !== view.state || before?.callId !== view.callId;
    if (!changed) return;
    switch (view.state) {
      case 'offline':
        this.setAction(this.rng.int(1_000, 4_000), () => this.requestState('available'));
        return;
      case 'available': {
        // Already scaled: the stretch was drawn in scaled time.
        const wait = Math.max(0, this.nextBreakAt - this.now().getTime());
        this.setAction(wait, () => this.takeBreak(), false);
        return;
      }
      case 'break': {
        const seconds = this.breakSeconds ?? planBreak(this.rng).seconds;
        this.breakSeconds = null;
        this.setAction(seconds * 1_000, () => this.requestState('available'));
        return;
      }
      case 'reserved':
        this.clearAction();
        return;
      case 'on_call':
        // call.connected carries what the bot needs; a snapshot while on a call was handled above.
        if (!this.plan || this.plan.callId !== view.callId) this.clearAction();
        return;
      case 'wrap_up':
        if (view.callId) await this.beginWrapUp(view.callId, !fromSnapshot);
        return;
      case 'preview':
        return;
    }
  }

  private async requestState(state: 'available' | 'offline'): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    const result = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('agent.state-requested', { state });
    this.checkAck(`going ${state}`, result);
  }

  private async takeBreak(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.view?.state !== 'available') return;
    const { reason, seconds } = planBreak(this.rng);
    this.breakSeconds = seconds;
    const result = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('agent.state-requested', { state: 'break', breakReason: reason });
    if (!result.ok) {
      // A call was being offered at that instant: the break waits for the next free moment.
      this.breakSeconds = null;
      if (this.view?.state === 'available') this.checkAck('break', result);
      return;
    }
    this.stats.breaks++;
    this.nextBreakAt = this.now().getTime() + this.scaled((seconds + workStretchSeconds(this.rng)) * 1_000);
  }

  /** A refusal is expected now and then (the state moved under the bot): resync and carry on. */
  private checkAck(what: string, result: AckResult): void {
    if (result.ok) return;
    this.options.logger.debug(`${this.email}: ${what} refused (${result.code}: ${result.message})`);
    this.retrySoon();
  }

  private async onCallConnected(call: CallView): Promise<void> {
    this.call = call;
    this.previewing = null;
    if (this.plan?.callId !== call.callId) {
      const plan = planCall(call.dispositions, this.rng);
      if (!plan) {
        this.options.logger.warn(`${this.email}: call ${call.callId} has no dispositions to choose from`);
        return;
      }
      this.plan = { callId: call.callId, plan };
      this.stats.calls++;
    }
    // After a reconnect the talk goes on from where it was.
    const talkedMs = Math.max(0, this.now().getTime() - Date.parse(call.connectedAt));
    const leftMs = Math.max(this.scaled(1_000), this.scaled(this.plan.plan.talkSeconds * 1_000) - talkedMs);
    this.setAction(leftMs, () => this.hangUp(call.callId), false);
    if (this.script?.callId === call.callId) this.walkScript(this.script);
  }

  private onScript(script: ScriptPushed): void {
    this.script = script;
    if (this.view?.state === 'on_call' && this.plan?.callId === script.callId) this.walkScript(script);
  }

  /** Marks the script's steps done one after the other over most of the talk, as an agent reads them. */
  private walkScript(script: ScriptPushed): void {
    const plan = this.plan;
    if (!plan || plan.callId !== script.callId || this.walking === script.callId) return;
    this.walking = script.callId;
    const path = planScriptPath(script.script, plan.plan.disposition, this.rng);
    const gapMs = (plan.plan.talkSeconds * 1_000 * 0.8) / (path.length + 1);
    const step = async (index: number): Promise<void> => {
      const socket = this.socket;
      const onCall = this.view?.state === 'on_call' && this.view.callId === script.callId;
      if (index >= path.length || !socket?.connected || !onCall) return;
      const result = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('script.step-recorded', { callId: script.callId, ...path[index] });
      if (!result.ok) {
        this.options.logger.debug(`${this.email}: step ${path[index].stepId} refused (${result.message})`);
        return;
      }
      this.stats.steps++;
      this.later(gapMs, () => step(index + 1));
    };
    this.later(gapMs, () => step(0));
  }

  private async hangUp(callId: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.view?.callId !== callId || this.view.state !== 'on_call') return;
    const result = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('call.hang-up-requested', { callId });
    if (result.ok) this.stats.hangUps++;
    // Usually the debtor hung up a moment earlier and the bot is wrapping up already.
    else if (this.view?.state === 'on_call' && this.view.callId === callId) this.checkAck('hang-up', result);
  }

  private async onCallEnded(ended: CallEndedView): Promise<void> {
    if (this.plan?.callId === ended.callId && this.view?.state !== 'wrap_up') this.clearAction();
    // A dial of the bot's own that nobody answered: it is free again, there is nothing to wrap up.
    if (ended.outcome) return;
    await this.beginWrapUp(ended.callId);
  }

  /** `mayResync`: the call's view may be asked of the server (not when a snapshot just lacked it). */
  private async beginWrapUp(callId: string, mayResync = true): Promise<void> {
    if (this.wrapping === callId) return;
    const call = this.call?.callId === callId ? this.call : null;
    if (!call && mayResync) {
      await this.resync();
      return;
    }
    const planned =
      this.plan?.callId === callId ? this.plan.plan : call && planCall(call.dispositions, this.rng);
    if (!call || !planned) {
      // Without the call's dispositions there is no valid wrap-up; logging off ends it without one.
      this.options.logger.warn(`${this.email}: wrap-up of ${callId} without its dispositions; logging off`);
      this.setAction(5_000, () => this.requestState('offline'));
      return;
    }
    this.wrapping = callId;
    this.setAction(planned.wrapSeconds * 1_000, () => this.finishWrapUp(call, planned));
  }

  private async finishWrapUp(call: CallView, plan: DemoCallPlan): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    if (this.view?.state !== 'wrap_up' || this.view.callId !== call.callId) {
      // The bot's view lags (a missed event): the server says whether the wrap-up is still open.
      this.wrapping = null;
      await this.resync();
      return;
    }
    let disposition = plan.disposition;
    if (disposition.category === 'promise' && !(await this.makeAgreement(call))) {
      disposition = fallbackDisposition(call.dispositions, 'promise') ?? disposition;
    }
    let result = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(
        'call.wrap-up-finished',
        this.wrapUp(call.callId, disposition.code, plan.notes, disposition),
      );
    if (!result.ok && result.code === ErrorCode.ValidationFailed) {
      const fallback = fallbackDisposition(call.dispositions, disposition.category);
      if (fallback && fallback.code !== disposition.code) {
        this.options.logger.debug(
          `${this.email}: ${disposition.code} refused (${result.message}); finishing with ${fallback.code}`,
        );
        disposition = fallback;
        result = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(
            'call.wrap-up-finished',
            this.wrapUp(call.callId, fallback.code, plan.notes, fallback),
          );
      }
    }
    if (!result.ok) {
      this.wrapping = null;
      this.checkAck(`wrap-up of ${call.callId}`, result);
      return;
    }
    this.stats.wrapUps++;
    if (disposition.category === 'callback') this.stats.callbacks++;
    this.options.logger.debug(`${this.email}: call ${call.callId} wrapped up as ${disposition.code}`);
  }

  private wrapUp(
    callId: string,
    dispositionCode: string,
    notes: string,
    disposition: { category: string },
  ): WrapUpRequest {
    const request: WrapUpRequest = { callId, dispositionCode, notes };
    if (disposition.category === 'callback') {
      const callback = planCallback(this.now(), this.rng);
      request.callback = { at: callback.at.toISOString(), assignTo: callback.assignTo };
    }
    return request;
  }

  /** POST /api/accounts/:id/agreements with the bot's own token, on this call. */
  private async makeAgreement(call: CallView): Promise<boolean> {
    const body: CreateAgreementRequest = {
      ...planDemoAgreement(call.balanceMinor, toIsoDate(this.now()), this.rng),
      interactionId: call.callId,
    };
    try {
      const response = await fetch(`${this.options.baseUrl}/api/accounts/${call.accountId}/agreements`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await this.freshToken()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
      });
      if (response.status !== 201) {
        this.options.logger.debug(
          `${this.email}: agreement on ${call.accountId} refused (${response.status} ${await response.text()})`,
        );
        return false;
      }
      const agreement = (await response.json()) as AgreementResponse;
      this.stats.agreements++;
      this.options.logger.debug(`${this.email}: agreement ${agreement.id} (${agreement.status})`);
      return true;
    } catch (error) {
      this.options.logger.debug(`${this.email}: agreement failed (${String(error)})`);
      return false;
    }
  }

  private async onPreview(preview: PreviewView): Promise<void> {
    if (this.previewing === preview.callId) return;
    this.previewing = preview.callId;
    const decision = planPreview(this.rng);
    this.setAction(decision.afterSeconds * 1_000, async () => {
      const socket = this.socket;
      if (!socket?.connected || this.view?.state !== 'preview' || this.view.callId !== preview.callId) return;
      if (decision.dial) {
        const result = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('preview.dial-requested', { callId: preview.callId });
        if (result.ok) this.stats.previewsDialled++;
        else this.checkAck(`dial of preview ${preview.callId}`, result);
      } else {
        const result = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('preview.skip-requested', { callId: preview.callId, reason: decision.reason });
        if (result.ok) this.stats.previewsSkipped++;
        else this.checkAck(`skip of preview ${preview.callId}`, result);
      }
    });
  }
}
