import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  MESSAGE_BODY_MAX,
  type AckResult,
  type AgentSnapshot,
  type ChatClosed,
  type ChatMessageStatusChanged,
  type ChatMessageView,
  type ChatOffer,
  type ChatTyping,
  type ConversationDetail,
  type ConversationRef,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import {
  AgentSocketService,
  type AgentRequestName,
  type AgentRequestPayload,
} from '../../core/realtime/agent-socket.service';
import type { AgreementSubject } from '../agent/agreement-builder.store';
import { refusalText, type Refusal, type SoftphoneError } from '../agent/softphone-refusal.util';
import {
  EMPTY_WRAP_UP,
  toWrapUpBody,
  type WrapUpDraft,
  type WrapUpProblem,
} from '../agent/wrap-up-draft.util';
import {
  LOCAL_MESSAGE_PREFIX,
  addMessage,
  adoptMessageId,
  secondsUntil,
  setMessageStatus,
  templateRequired,
  withLocalMessages,
} from './chat-thread.util';

/** The agent stops "typing" for the debtor this long after the last keystroke. */
export const TYPING_IDLE_MS = 2_000;
const TICK_MS = 1_000;

export type ChatAction = 'accept' | 'decline' | 'transfer' | 'match' | 'wrap-up';

interface Pending {
  action: ChatAction;
  conversationId: string;
}

interface WrapUpSession {
  draft: WrapUpDraft;
  /** The agent pressed "close" once: from then on the form says what is missing. */
  attempted: boolean;
}

type SendAck = AckResult | { ok: true; messageId: string };

function without<V>(map: ReadonlyMap<string, V>, key: string): Map<string, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> {
  return new Map(map).set(key, value);
}

function setWith(set: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/**
 * The agent's chats: the offer waiting for an answer, the chats they hold (several at once), which
 * one they look at, unread counts, the debtor typing, and what the agent typed for each. It mirrors
 * what `/agent` reports (a snapshot replaces everything, numbered events follow it, a gap in the
 * numbering brings a new snapshot) and sends the agent's requests. Root-provided like the softphone:
 * a visit to an account page keeps the chats and their drafts.
 */
@Injectable({ providedIn: 'root' })
export class ChatWorkspaceStore {
  private readonly socket = inject(AgentSocketService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly chatsState = signal<readonly ConversationDetail[]>([]);
  private readonly offerState = signal<ChatOffer | null>(null);
  private readonly focusedState = signal<string | null>(null);
  private readonly unreadState = signal<ReadonlyMap<string, number>>(new Map());
  private readonly debtorTypingState = signal<ReadonlySet<string>>(new Set());
  private readonly draftsState = signal<ReadonlyMap<string, string>>(new Map());
  private readonly wrapUpsState = signal<ReadonlyMap<string, WrapUpSession>>(new Map());
  private readonly pendingState = signal<Pending | null>(null);
  private readonly refusalState = signal<Refusal | null>(null);
  private readonly closedNoticeState = signal<ChatClosed | null>(null);
  private readonly nowState = signal(Date.now());
  /** Chats where the agent is shown as typing, each with the timer that stops it. */
  private readonly typingOut = new Map<string, ReturnType<typeof setTimeout>>();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private sent = 0;

  readonly chats = this.chatsState.asReadonly();
  readonly offer = this.offerState.asReadonly();
  readonly now = this.nowState.asReadonly();
  readonly pending = this.pendingState.asReadonly();
  readonly closedNotice = this.closedNoticeState.asReadonly();
  readonly connected = computed(() => this.socket.status() === 'connected');
  /** The chat on screen: the one picked, or the first one when that one is gone. */
  readonly focusedId = computed(() => {
    const chats = this.chatsState();
    const picked = this.focusedState();
    return chats.some((c) => c.id === picked) ? picked : (chats[0]?.id ?? null);
  });
  readonly focused = computed(() => this.chatsState().find((c) => c.id === this.focusedId()) ?? null);
  readonly totalUnread = computed(() => [...this.unreadState().values()].reduce((a, b) => a + b, 0));
  readonly offerSecondsLeft = computed(() => {
    const offer = this.offerState();
    return offer ? secondsUntil(offer.expiresAt, this.nowState()) : 0;
  });
  readonly error = computed<SoftphoneError | null>(() => {
    const refusal = this.refusalState();
    return refusal ? refusalText(refusal, this.i18n) : null;
  });
  /** The focused chat as the agreement builder sees it: an account matched and its interaction. */
  readonly agreementSubject = computed<AgreementSubject | null>(() => {
    const chat = this.focused();
    if (!chat?.account || !chat.interactionId) return null;
    return {
      interactionId: chat.interactionId,
      accountId: chat.account.accountId,
      balanceMinor: chat.account.balance.amountMinor,
      currency: chat.account.balance.currency,
      keep: 'memory',
    };
  });

  constructor() {
    const off = [
      this.socket.on('agent.snapshot', (snapshot) => this.applySnapshot(snapshot)),
      this.socket.on('chat.offered', (offer) => this.offered(offer)),
      this.socket.on('chat.offer-withdrawn', (ref) => this.offerWithdrawn(ref)),
      this.socket.on('chat.assigned', (detail) => this.assigned(detail)),
      this.socket.on('chat.updated', (detail) => this.updated(detail)),
      this.socket.on('chat.message', (message) => this.messageReceived(message)),
      this.socket.on('chat.message-status', (change) => this.statusChanged(change)),
      this.socket.on('chat.typing', (typing) => this.debtorTyping(typing)),
      this.socket.on('chat.closed', (closed) => this.closed(closed)),
    ];
    let wasSignedIn = untracked(() => this.auth.isAuthenticated());
    effect(() => {
      const signedIn = this.auth.isAuthenticated();
      if (wasSignedIn && !signedIn) untracked(() => this.reset());
      wasSignedIn = signedIn;
    });
    inject(DestroyRef).onDestroy(() => {
      off.forEach((unsubscribe) => unsubscribe());
      this.reset();
    });
  }

  /** Opens the agent's line (shared with the softphone) and starts the clock the offer counts down on. */
  connect(): void {
    this.socket.connect();
    if (this.ticker) return;
    this.nowState.set(Date.now());
    this.ticker = setInterval(() => this.nowState.set(Date.now()), TICK_MS);
  }

  unread(conversationId: string): number {
    return this.unreadState().get(conversationId) ?? 0;
  }

  isDebtorTyping(conversationId: string): boolean {
    return this.debtorTypingState().has(conversationId);
  }

  draft(conversationId: string): string {
    return this.draftsState().get(conversationId) ?? '';
  }

  isTemplateRequired(chat: ConversationDetail): boolean {
    return templateRequired(chat, this.nowState());
  }

  wrapUpDraft(conversationId: string): WrapUpDraft {
    return this.wrapUpsState().get(conversationId)?.draft ?? EMPTY_WRAP_UP;
  }

  /** What keeps the wrap-up from being sent, once the agent tried. */
  wrapUpProblems(conversationId: string): WrapUpProblem[] {
    const session = this.wrapUpsState().get(conversationId);
    const chat = this.chatsState().find((c) => c.id === conversationId);
    if (!session?.attempted || !chat) return [];
    const outcome = this.wrapUpOutcome(chat, session.draft);
    return outcome.ok ? [] : outcome.problems;
  }

  isPending(action: ChatAction, conversationId: string): boolean {
    const pending = this.pendingState();
    return pending?.action === action && pending.conversationId === conversationId;
  }

  // Server events.

  /** The whole picture at every (re)connection, and after a gap in the numbering: it replaces ours. */
  applySnapshot(snapshot: AgentSnapshot): void {
    const known = new Map(this.chatsState().map((c) => [c.id, c]));
    const chats = snapshot.chats.map((chat) => withLocalMessages(chat, known.get(chat.id)));
    const ids = new Set(chats.map((c) => c.id));
    const keep = <V>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([id]) => ids.has(id)));
    this.chatsState.set(chats);
    this.offerState.set(snapshot.chatOffer);
    this.unreadState.update(keep);
    this.draftsState.update(keep);
    this.wrapUpsState.update(keep);
    // Typing is a moment, not a state: a snapshot does not carry it, so it starts over.
    this.debtorTypingState.set(new Set());
  }

  offered(offer: ChatOffer): void {
    this.offerState.set(offer);
  }

  offerWithdrawn(ref: ConversationRef): void {
    if (this.offerState()?.conversationId === ref.conversationId) this.offerState.set(null);
  }

  /** A chat the agent accepted, or one transferred to them: accepted ones come to the front. */
  assigned(detail: ConversationDetail): void {
    const accepted = this.offerState()?.conversationId === detail.id || this.isPending('accept', detail.id);
    if (this.offerState()?.conversationId === detail.id) this.offerState.set(null);
    const exists = this.chatsState().some((c) => c.id === detail.id);
    this.upsert(detail);
    if (accepted || this.focusedId() === null) this.focus(detail.id);
    else if (!exists && this.focusedId() !== detail.id)
      this.unreadState.update((map) => withEntry(map, detail.id, 1));
  }

  updated(detail: ConversationDetail): void {
    if (this.chatsState().some((c) => c.id === detail.id)) this.upsert(detail);
  }

  messageReceived(message: ChatMessageView): void {
    const id = message.conversationId;
    if (!this.chatsState().some((c) => c.id === id)) return;
    this.patchChat(id, (chat) => ({
      ...chat,
      messages: addMessage(chat.messages, message),
      lastMessageAt: message.at,
    }));
    if (message.author === 'debtor') this.debtorTypingState.update((set) => setWith(set, id, false));
    if (message.author !== 'agent' && this.focusedId() !== id)
      this.unreadState.update((map) => withEntry(map, id, (map.get(id) ?? 0) + 1));
  }

  statusChanged(change: ChatMessageStatusChanged): void {
    this.patchChat(change.conversationId, (chat) => ({
      ...chat,
      messages: setMessageStatus(chat.messages, change.messageId, change.status),
    }));
  }

  debtorTyping(typing: ChatTyping): void {
    this.debtorTypingState.update((set) => setWith(set, typing.conversationId, typing.typing));
  }

  /** The chat left the agent: wrapped up, transferred, lapsed. Anything typed for it goes too. */
  closed(closed: ChatClosed): void {
    const id = closed.conversationId;
    this.chatsState.update((chats) => chats.filter((c) => c.id !== id));
    this.unreadState.update((map) => without(map, id));
    this.draftsState.update((map) => without(map, id));
    this.wrapUpsState.update((map) => without(map, id));
    this.debtorTypingState.update((set) => setWith(set, id, false));
    this.stopTyping(id, false);
    if (this.offerState()?.conversationId === id) this.offerState.set(null);
    if (closed.reason !== 'wrapped_up')
      this.closedNoticeState.set({ conversationId: id, reason: closed.reason });
  }

  // The agent's side.

  focus(conversationId: string): void {
    this.focusedState.set(conversationId);
    this.unreadState.update((map) => without(map, conversationId));
  }

  /** The next (or previous) chat, round the list. */
  focusNext(step: 1 | -1): void {
    const chats = this.chatsState();
    if (chats.length < 2) return;
    const index = chats.findIndex((c) => c.id === this.focusedId());
    this.focus(chats[(index + step + chats.length) % chats.length]!.id);
  }

  async accept(): Promise<boolean> {
    const offer = this.offerState();
    if (!offer) return false;
    const ok = await this.perform('accept', offer.conversationId, 'chat.accept-requested', {
      conversationId: offer.conversationId,
    });
    // Taken by someone else or lapsed meanwhile: the offer is gone either way.
    if (!ok && this.offerState()?.conversationId === offer.conversationId) this.offerState.set(null);
    return ok;
  }

  async decline(): Promise<boolean> {
    const offer = this.offerState();
    if (!offer) return false;
    const ok = await this.perform('decline', offer.conversationId, 'chat.decline-requested', {
      conversationId: offer.conversationId,
    });
    if (this.offerState()?.conversationId === offer.conversationId) this.offerState.set(null);
    return ok;
  }

  /** What the agent types: kept per chat, and shown to the debtor as typing until they pause. */
  edit(conversationId: string, text: string): void {
    this.draftsState.update((map) => withEntry(map, conversationId, text));
    if (text.trim().length === 0) {
      this.stopTyping(conversationId, true);
      return;
    }
    const timer = this.typingOut.get(conversationId);
    if (timer) clearTimeout(timer);
    else void this.socket.request('chat.typing', { conversationId, typing: true });
    this.typingOut.set(
      conversationId,
      setTimeout(() => this.stopTyping(conversationId, true), TYPING_IDLE_MS),
    );
  }

  /** Puts a canned response's text where the agent is writing. */
  insert(conversationId: string, text: string): void {
    const draft = this.draft(conversationId);
    this.edit(conversationId, draft.trim() ? `${draft.trimEnd()} ${text}` : text);
  }

  canSend(chat: ConversationDetail): boolean {
    const body = this.draft(chat.id).trim();
    return (
      this.connected() && body.length > 0 && body.length <= MESSAGE_BODY_MAX && !this.isTemplateRequired(chat)
    );
  }

  /**
   * Sends the chat's draft. It shows at once as queued; the server's echo (matched by its
   * clientRef) or its ack gives it its id. A refusal marks it failed and gives the text back.
   */
  async send(conversationId: string): Promise<boolean> {
    const chat = this.chatsState().find((c) => c.id === conversationId);
    if (!chat || !this.canSend(chat)) return false;
    const body = this.draft(conversationId).trim();
    this.sent += 1;
    const clientRef = `${Date.now().toString(36)}-${this.sent}`;
    const local: ChatMessageView = {
      id: `${LOCAL_MESSAGE_PREFIX}${clientRef}`,
      conversationId,
      author: 'agent',
      agentName: this.auth.user()?.fullName ?? null,
      body,
      media: [],
      status: 'queued',
      at: new Date().toISOString(),
      clientRef,
    };
    this.patchChat(conversationId, (c) => ({ ...c, messages: addMessage(c.messages, local) }));
    this.draftsState.update((map) => without(map, conversationId));
    this.stopTyping(conversationId, true);
    this.refusalState.set(null);
    const result = (await this.socket.request('chat.send-requested', {
      conversationId,
      body,
      clientRef,
    })) as SendAck;
    if (result.ok) {
      if ('messageId' in result)
        this.patchChat(conversationId, (c) => ({
          ...c,
          messages: adoptMessageId(c.messages, clientRef, result.messageId),
        }));
      return true;
    }
    this.patchChat(conversationId, (c) => ({
      ...c,
      messages: c.messages.map((m) => (m.clientRef === clientRef ? { ...m, status: 'failed' } : m)),
    }));
    if (!this.draft(conversationId)) this.draftsState.update((map) => withEntry(map, conversationId, body));
    this.refusalState.set({ code: result.code, message: result.message });
    return false;
  }

  transfer(conversationId: string, toAgentId: string): Promise<boolean> {
    return this.perform('transfer', conversationId, 'chat.transfer-requested', { conversationId, toAgentId });
  }

  /** An unknown number: the agent says whose account it is; the server answers with `chat.updated`. */
  match(conversationId: string, accountId: string): Promise<boolean> {
    return this.perform('match', conversationId, 'chat.match-requested', { conversationId, accountId });
  }

  patchWrapUp(conversationId: string, change: Partial<WrapUpDraft>): void {
    this.wrapUpsState.update((map) => {
      const session = map.get(conversationId) ?? { draft: EMPTY_WRAP_UP, attempted: false };
      return withEntry(map, conversationId, { ...session, draft: { ...session.draft, ...change } });
    });
  }

  /** Closes the chat with its disposition, notes and callback; the server answers with `chat.closed`. */
  async wrapUp(conversationId: string): Promise<boolean> {
    const chat = this.chatsState().find((c) => c.id === conversationId);
    if (!chat) return false;
    const session = this.wrapUpsState().get(conversationId) ?? { draft: EMPTY_WRAP_UP, attempted: false };
    this.wrapUpsState.update((map) => withEntry(map, conversationId, { ...session, attempted: true }));
    const outcome = this.wrapUpOutcome(chat, session.draft);
    if (!outcome.ok) return false;
    return this.perform('wrap-up', conversationId, 'chat.wrap-up-finished', {
      conversationId,
      ...outcome.body,
    });
  }

  dismissError(): void {
    this.refusalState.set(null);
  }

  dismissClosedNotice(): void {
    this.closedNoticeState.set(null);
  }

  private wrapUpOutcome(chat: ConversationDetail, draft: WrapUpDraft) {
    const disposition = chat.dispositions.find((d) => d.code === draft.dispositionCode) ?? null;
    return toWrapUpBody(draft, disposition, this.nowState());
  }

  /** One request at a time, its refusal shown in the agent's words; resolves true when accepted. */
  private async perform<E extends AgentRequestName>(
    action: ChatAction,
    conversationId: string,
    event: E,
    payload: AgentRequestPayload<E>,
  ): Promise<boolean> {
    if (this.pendingState() !== null) return false;
    this.pendingState.set({ action, conversationId });
    this.refusalState.set(null);
    try {
      const result = await this.socket.request(event, payload);
      if (!result.ok) this.refusalState.set({ code: result.code, message: result.message });
      return result.ok;
    } finally {
      this.pendingState.set(null);
    }
  }

  private stopTyping(conversationId: string, tell: boolean): void {
    const timer = this.typingOut.get(conversationId);
    if (!timer) return;
    clearTimeout(timer);
    this.typingOut.delete(conversationId);
    if (tell && this.socket.status() === 'connected')
      void this.socket.request('chat.typing', { conversationId, typing: false });
  }

  private upsert(detail: ConversationDetail): void {
    this.chatsState.update((chats) => {
      const known = chats.find((c) => c.id === detail.id);
      const fresh = withLocalMessages(detail, known);
      return known ? chats.map((c) => (c.id === detail.id ? fresh : c)) : [...chats, fresh];
    });
  }

  private patchChat(id: string, change: (chat: ConversationDetail) => ConversationDetail): void {
    this.chatsState.update((chats) => chats.map((c) => (c.id === id ? change(c) : c)));
  }

  private reset(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    for (const timer of this.typingOut.values()) clearTimeout(timer);
    this.typingOut.clear();
    this.chatsState.set([]);
    this.offerState.set(null);
    this.focusedState.set(null);
    this.unreadState.set(new Map());
    this.debtorTypingState.set(new Set());
    this.draftsState.set(new Map());
    this.wrapUpsState.set(new Map());
    this.pendingState.set(null);
    this.refusalState.set(null);
    this.closedNoticeState.set(null);
  }
}
