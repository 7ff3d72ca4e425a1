import {
  WIDGET_NAMESPACE,
  type ChatQueue,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSessionToken,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { WidgetApi, WidgetApiError } from './widget-api.util';
import { cleanCode, failureText } from './widget-format.util';
import { translator, type WidgetLocale, type WidgetTextKey } from './widget-i18n.constant';
import {
  initialState,
  localMessageId,
  reduce,
  type WidgetAction,
  type WidgetState,
} from './widget-state.util';
import { WidgetView } from './widget-view.util';

export type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

export interface WidgetOptions {
  /** Origin of the Recupera server (where the script came from). */
  base: string;
  clientCode: string;
  locale: WidgetLocale;
  /** sessionStorage: a reload resumes the session and its chat; a closed tab forgets them. */
  storage: Storage | null;
  root: ShadowRoot;
}

interface Saved {
  session: WidgetSessionToken | null;
  open: boolean;
  leftConversationId: string | null;
}

type AckOf<E extends keyof WidgetClientToServerEvents> = Parameters<
  Parameters<WidgetClientToServerEvents[E]>[1]
>[0];

const ACK_TIMEOUT_MS = 10_000;
/** A typing signal is repeated at most this often, and cleared after this long without a key. */
const TYPING_REPEAT_MS = 2_500;
const TYPING_IDLE_MS = 4_000;

function ackFailure(code: string): WidgetTextKey {
  if (code === 'unauthenticated' || code === 'token_expired' || code === 'token_invalid')
    return 'errorSessionExpired';
  if (code === 'validation_failed') return 'errorInvalid';
  if (code === 'service_unavailable') return 'errorNetwork';
  return 'errorGeneric';
}

/** The widget: its state, the REST calls and the /widget socket, drawn by WidgetView. */
export class RecuperaWidget {
  private state: WidgetState;
  private readonly view: WidgetView;
  private readonly api: WidgetApi;
  private readonly storageKey: string;
  private socket: WidgetSocket | null = null;
  private typingSentAt = 0;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly options: WidgetOptions,
    private readonly connect: (url: string, token: string) => WidgetSocket = (url, token) =>
      io(url, { auth: { token }, transports: ['websocket', 'polling'] }),
    api?: WidgetApi,
  ) {
    this.api = api ?? new WidgetApi(options.base, options.clientCode);
    this.storageKey = `recupera-widget:${options.clientCode}`;
    const saved = this.load();
    this.state = initialState(saved);
    this.view = new WidgetView(options.root, translator(options.locale), options.locale, {
      toggle: (open) => this.dispatch({ type: 'toggled', open }),
      identify: (accountNumber, nationalId) => void this.identify(accountNumber, nationalId),
      verify: (code) => void this.verify(code),
      restart: () => this.dispatch({ type: 'restarted' }),
      askChat: (accountId, queue) => void this.askChat(accountId, queue),
      send: (body) => void this.send(body),
      typing: () => this.typing(),
      leave: () => void this.leave(),
      back: () => void this.back(),
      logout: () => this.logout(),
    });
  }

  start(): void {
    this.view.render(this.state);
    if (this.state.session) void this.resume();
  }

  get snapshot(): WidgetState {
    return this.state;
  }

  private dispatch(action: WidgetAction): void {
    this.state = reduce(this.state, action);
    this.save();
    this.view.render(this.state);
  }

  private load(): Partial<Saved> {
    try {
      const raw = this.options.storage?.getItem(this.storageKey);
      const saved = raw ? (JSON.parse(raw) as Partial<Saved>) : {};
      const expired = !saved.session || Date.parse(saved.session.expiresAt) <= Date.now();
      return { ...saved, session: expired ? null : saved.session };
    } catch {
      return {};
    }
  }

  private save(): void {
    const saved: Saved = {
      session: this.state.session,
      open: this.state.open,
      leftConversationId: this.state.leftConversationId,
    };
    try {
      this.options.storage?.setItem(this.storageKey, JSON.stringify(saved));
    } catch {
      // Storage can be full or blocked (private browsing): the widget works, it just cannot resume.
    }
  }

  private async identify(accountNumber: string, nationalId: string): Promise<void> {
    this.dispatch({ type: 'busy' });
    try {
      const challenge = await this.api.identify({ accountNumber, nationalId });
      this.dispatch({ type: 'challenged', challenge });
    } catch (error) {
      this.dispatch({ type: 'failed', error: this.failure('identify', error) });
    }
  }

  private async verify(raw: string): Promise<void> {
    const code = cleanCode(raw);
    const challenge = this.state.challenge;
    if (!challenge) return;
    if (code.length !== 6) {
      this.dispatch({ type: 'failed', error: 'errorCodeWrong' });
      return;
    }
    this.dispatch({ type: 'busy' });
    try {
      const session = await this.api.verify({ challengeId: challenge.challengeId, code });
      this.dispatch({ type: 'verified', session });
      await this.resume();
    } catch (error) {
      this.dispatch({ type: 'failed', error: this.failure('verify', error) });
    }
  }

  /** Loads what the session shows, then opens the socket that keeps it current. */
  private async resume(): Promise<void> {
    const session = this.state.session;
    if (!session) return;
    try {
      this.dispatch({ type: 'snapshot', snapshot: await this.api.snapshot(session.token) });
    } catch (error) {
      const key = this.failure('session', error);
      if (key === 'errorSessionExpired') this.loseSession(key);
      else this.dispatch({ type: 'failed', error: key });
      return;
    }
    this.openSocket(session.token);
  }

  private openSocket(token: string): void {
    this.socket?.disconnect();
    const socket = this.connect(`${this.options.base}${WIDGET_NAMESPACE}`, token);
    this.socket = socket;
    socket.on('widget.snapshot', (snapshot) => this.dispatch({ type: 'snapshot', snapshot }));
    socket.on('widget.message', (message) => this.dispatch({ type: 'message', message }));
    socket.on('widget.typing', ({ typing }) => this.dispatch({ type: 'typing', typing }));
    socket.on('widget.agent-joined', (joined) => this.dispatch({ type: 'agent-joined', ...joined }));
    socket.on('widget.agreement', (agreement) => this.dispatch({ type: 'agreement', agreement }));
    socket.on('widget.closed', ({ conversationId }) => this.dispatch({ type: 'closed', conversationId }));
    // A refusal in the handshake carries a code: the session is over. Transport trouble retries by itself.
    socket.on('connect_error', (error) => {
      if ((error as Error & { data?: unknown }).data) this.loseSession('errorSessionExpired');
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.loseSession('errorSessionExpired');
    });
  }

  private loseSession(error: WidgetTextKey | null): void {
    this.socket?.disconnect();
    this.socket = null;
    this.dispatch({ type: 'session-lost', error });
  }

  /** Sends a request on the socket; a socket that is down or silent answers as a refusal. */
  private async request<E extends keyof WidgetClientToServerEvents>(
    event: E,
    payload: Parameters<WidgetClientToServerEvents[E]>[0],
  ): Promise<AckOf<E> | { ok: false; code: string }> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, code: 'service_unavailable' };
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    // The typed emitWithAck cannot resolve its argument list for a generic event name.
    const emitWithAck = timed.emitWithAck.bind(timed) as unknown as (
      name: E,
      body: typeof payload,
    ) => Promise<AckOf<E>>;
    try {
      return await emitWithAck(event, payload);
    } catch {
      return { ok: false, code: 'service_unavailable' };
    }
  }

  private async askChat(accountId: string, queue: ChatQueue): Promise<void> {
    this.dispatch({ type: 'busy' });
    const result = await this.request('widget.chat-requested', { accountId, queue });
    if (!result.ok) {
      this.failAck(result.code);
      return;
    }
    const conversationId = 'conversationId' in result ? result.conversationId : this.state.chat?.id;
    if (conversationId) this.dispatch({ type: 'chat-opened', conversationId, queue });
  }

  private async send(body: string): Promise<void> {
    const clientRef = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const conversationId = this.state.chat?.id ?? '';
    const at = new Date().toISOString();
    this.stopTyping();
    this.dispatch({
      type: 'message',
      message: {
        id: localMessageId(clientRef),
        conversationId,
        author: 'debtor',
        agentName: null,
        body,
        media: [],
        status: 'queued',
        at,
        clientRef,
      },
    });
    const result = await this.request('widget.send-requested', { body, clientRef });
    if (!result.ok) {
      this.dispatch({ type: 'message-failed', clientRef, error: ackFailure(result.code) });
      return;
    }
    if (!('messageId' in result)) return;
    // The room usually delivers the stored copy first; if not, the ack's id replaces the optimistic one.
    if (this.state.messages.some((m) => m.id === result.messageId)) return;
    this.dispatch({
      type: 'message',
      message: {
        id: result.messageId,
        conversationId,
        author: 'debtor',
        agentName: null,
        body,
        media: [],
        status: 'received',
        at,
        clientRef,
      },
    });
  }

  private typing(): void {
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_REPEAT_MS) {
      this.typingSentAt = now;
      void this.request('widget.typing', { typing: true });
    }
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    if (this.typingSentAt === 0) return;
    this.typingSentAt = 0;
    void this.request('widget.typing', { typing: false });
  }

  private async leave(): Promise<void> {
    const chat = this.state.chat;
    if (!chat) return;
    this.stopTyping();
    this.dispatch({ type: 'busy' });
    const result = await this.request('widget.leave-requested', {});
    if (!result.ok) {
      this.failAck(result.code);
      return;
    }
    this.dispatch({ type: 'left', conversationId: chat.id });
  }

  private async back(): Promise<void> {
    this.dispatch({ type: 'back-to-overview' });
    const session = this.state.session;
    if (!session) return;
    try {
      this.dispatch({ type: 'snapshot', snapshot: await this.api.snapshot(session.token) });
    } catch (error) {
      const key = this.failure('session', error);
      if (key === 'errorSessionExpired') this.loseSession(key);
    }
  }

  private logout(): void {
    this.stopTyping();
    this.loseSession(null);
  }

  private failAck(code: string): void {
    const key = ackFailure(code);
    if (key === 'errorSessionExpired') this.loseSession(key);
    else this.dispatch({ type: 'failed', error: key });
  }

  private failure(step: 'identify' | 'verify' | 'session', error: unknown): WidgetTextKey {
    return error instanceof WidgetApiError ? failureText(step, error) : 'errorGeneric';
  }
}
