import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ErrorCode,
  MESSAGE_BODY_MAX,
  WrapUpError,
  type AckResult,
  type AgentServerToClientEvents,
  type AgentSnapshot,
  type AgentStateView,
  type AuthTokens,
  type ChatMessageView,
  type ChatOffer,
  type ConversationDetail,
  type Sequenced,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import type { SocketStatus } from '../../core/realtime/admin-socket.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import {
  AgentEventSequence,
  type AgentEventName,
  type SnapshotResult,
} from '../../core/realtime/agent-sequence.util';
import { ChatWorkspaceStore, TYPING_IDLE_MS } from './chat-workspace.store';

const NOW = Date.parse('2026-03-09T16:00:00Z');
const iso = (offsetMs = 0) => new Date(NOW + offsetMs).toISOString();

const TOKENS: AuthTokens = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 900,
  user: {
    id: 'ag-1',
    email: 'ag@recupera.test',
    fullName: 'Ana Pérez',
    role: 'agent',
    teamId: 'tm-1',
    locale: 'es',
  },
};

const STATE: AgentStateView = {
  agentId: 'ag-1',
  teamId: 'tm-1',
  state: 'available',
  since: iso(),
  breakReason: null,
  callId: null,
  campaignId: null,
};

function message(patch: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    id: 'msg-1',
    conversationId: 'cv-1',
    author: 'debtor',
    agentName: null,
    body: 'Hola, quiero pagar',
    media: [],
    status: 'received',
    at: iso(),
    clientRef: null,
    ...patch,
  };
}

function chat(patch: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: 'cv-1',
    channel: 'whatsapp',
    status: 'assigned',
    queue: 'cobranza',
    address: '+573001112233',
    account: {
      accountId: 'acc-1',
      accountNumber: '100234',
      debtorName: 'María López',
      balance: { amountMinor: 1_250_000, currency: 'COP' },
      daysPastDue: 47,
    },
    agentId: 'ag-1',
    agentName: 'Ana Pérez',
    interactionId: 'int-1',
    openedAt: iso(-60_000),
    lastMessageAt: iso(),
    freeFormUntil: iso(23 * 3_600_000),
    messages: [message()],
    dispositions: [
      {
        id: 'd-1',
        code: 'PROMESA',
        labelEs: 'Promesa de pago',
        labelEn: 'Promise to pay',
        category: 'promise',
        isContact: true,
        isRpc: true,
        isPromise: true,
      },
      {
        id: 'd-2',
        code: 'VOLVER',
        labelEs: 'Volver a contactar',
        labelEn: 'Call back',
        category: 'callback',
        isContact: true,
        isRpc: true,
        isPromise: false,
      },
    ],
    ...patch,
  };
}

function offer(patch: Partial<ChatOffer> = {}): ChatOffer {
  return {
    conversationId: 'cv-1',
    channel: 'whatsapp',
    queue: 'cobranza',
    account: chat().account,
    preview: 'Hola, quiero pagar',
    waitingSince: iso(-20_000),
    expiresAt: iso(30_000),
    ...patch,
  };
}

function snapshot(patch: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return { state: STATE, call: null, script: null, preview: null, chats: [], chatOffer: null, ...patch };
}

interface Sent {
  event: string;
  payload: unknown;
  answer: (result: AckResult | { ok: true; messageId: string }) => void;
}

type Payload<E extends AgentEventName> = Omit<Parameters<AgentServerToClientEvents[E]>[0], 'seq'>;

/**
 * Stands in for the /agent line, with the console's real numbering in front of the handlers: the
 * test plays numbered events (skipping one when it wants a gap) and answers the snapshot asked for.
 */
class SequencedSocket {
  readonly status = signal<SocketStatus>('connected');
  readonly requests: Sent[] = [];
  readonly snapshotsAsked: ((result: SnapshotResult) => void)[] = [];
  private readonly handlers = new Map<string, ((payload: unknown) => void)[]>();
  private readonly sequence = new AgentEventSequence(
    (event, payload) => (this.handlers.get(event) ?? []).forEach((handler) => handler(payload)),
    () => new Promise((answer) => this.snapshotsAsked.push(answer)),
  );

  connect(): void {
    this.status.set('connected');
  }

  on(event: string, handler: (payload: unknown) => void): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return () => list.splice(list.indexOf(handler), 1);
  }

  request(event: string, payload: unknown): Promise<AckResult> {
    return new Promise((answer) => this.requests.push({ event, payload, answer }));
  }

  play<E extends AgentEventName>(event: E, seq: number, payload: Payload<E>): void {
    this.sequence.receive(event, { ...payload, seq });
  }

  /** The requests of one kind sent so far. */
  sent(event: string): Sent[] {
    return this.requests.filter((r) => r.event === event);
  }

  /** Answers the oldest unanswered request of that kind and lets the store's await go on. */
  async answer(event: string, result: AckResult | { ok: true; messageId: string }): Promise<Sent> {
    const index = this.requests.findIndex((r) => r.event === event);
    if (index < 0) throw new Error(`no ${event} to answer`);
    const [request] = this.requests.splice(index, 1);
    request!.answer(result);
    await settle();
    return request!;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe(ChatWorkspaceStore.name, () => {
  let socket: SequencedSocket;
  let store: ChatWorkspaceStore;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    socket = new SequencedSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    store = TestBed.inject(ChatWorkspaceStore);
    store.connect();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('takes an offered chat: countdown, accept, the whole conversation in focus', async () => {
    socket.play('agent.snapshot', 1, snapshot());
    socket.play('chat.offered', 2, offer());
    expect(store.offer()?.conversationId).toBe('cv-1');
    expect(store.offerSecondsLeft()).toBe(30);
    jest.advanceTimersByTime(10_000);
    expect(store.offerSecondsLeft()).toBe(20);

    const accepting = store.accept();
    expect(store.isPending('accept', 'cv-1')).toBe(true);
    expect(socket.sent('chat.accept-requested')[0]!.payload).toEqual({ conversationId: 'cv-1' });
    // The server pushes the conversation before it answers the request.
    socket.play('chat.assigned', 3, chat());
    await socket.answer('chat.accept-requested', { ok: true });
    expect(await accepting).toBe(true);

    expect(store.offer()).toBeNull();
    expect(store.chats().map((c) => c.id)).toEqual(['cv-1']);
    expect(store.focusedId()).toBe('cv-1');
    expect(store.agreementSubject()).toEqual({
      interactionId: 'int-1',
      accountId: 'acc-1',
      balanceMinor: 1_250_000,
      currency: 'COP',
      keep: 'memory',
    });
  });

  it('drops an offer that was declined, withdrawn, or taken by someone else', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chatOffer: offer() }));
    const declining = store.decline();
    await socket.answer('chat.decline-requested', { ok: true });
    expect(await declining).toBe(true);
    expect(store.offer()).toBeNull();

    socket.play('chat.offered', 2, offer({ conversationId: 'cv-2' }));
    socket.play('chat.offer-withdrawn', 3, { conversationId: 'cv-2' });
    expect(store.offer()).toBeNull();

    socket.play('chat.offered', 4, offer({ conversationId: 'cv-3' }));
    const accepting = store.accept();
    await socket.answer('chat.accept-requested', {
      ok: false,
      code: ErrorCode.Conflict,
      message: 'Someone else took this chat',
    });
    expect(await accepting).toBe(false);
    expect(store.offer()).toBeNull();
    expect(store.error()?.detail).toBe('Someone else took this chat');
  });

  it('counts unread messages of the chats out of focus and clears them on focus', () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat(), chat({ id: 'cv-2', messages: [] })] }));
    expect(store.focusedId()).toBe('cv-1');

    socket.play('chat.message', 2, message({ id: 'm-2', conversationId: 'cv-2', body: '¿Sigue ahí?' }));
    socket.play(
      'chat.message',
      3,
      message({ id: 'm-3', conversationId: 'cv-2', author: 'system', body: 'x' }),
    );
    socket.play('chat.message', 4, message({ id: 'm-4', conversationId: 'cv-1', body: 'En el foco' }));
    expect(store.unread('cv-2')).toBe(2);
    expect(store.unread('cv-1')).toBe(0);
    expect(store.totalUnread()).toBe(2);
    // A repeat of the same message (a reconnection replays it) is not counted twice on screen.
    expect(store.chats()[1]!.messages.map((m) => m.id)).toEqual(['m-2', 'm-3']);

    store.focus('cv-2');
    expect(store.unread('cv-2')).toBe(0);
    expect(store.totalUnread()).toBe(0);

    store.focusNext(1);
    expect(store.focusedId()).toBe('cv-1');
    store.focusNext(-1);
    expect(store.focusedId()).toBe('cv-2');
  });

  it('sends a message at once as queued and adopts the echo and the delivery reports', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    store.edit('cv-1', '  Claro, le ayudo  ');
    const sending = store.send('cv-1');
    const [request] = socket.sent('chat.send-requested');
    const { clientRef } = request!.payload as { clientRef: string };
    expect(request!.payload).toEqual({ conversationId: 'cv-1', body: 'Claro, le ayudo', clientRef });
    expect(store.draft('cv-1')).toBe('');
    const mine = () => store.chats()[0]!.messages.filter((m) => m.author === 'agent');
    expect(mine()).toEqual([
      expect.objectContaining({
        body: 'Claro, le ayudo',
        status: 'queued',
        agentName: 'Ana Pérez',
        clientRef,
      }),
    ]);

    socket.play(
      'chat.message',
      2,
      message({
        id: 'm-9',
        author: 'agent',
        agentName: 'Ana Pérez',
        body: 'Claro, le ayudo',
        status: 'sent',
        clientRef,
      }),
    );
    await socket.answer('chat.send-requested', { ok: true, messageId: 'm-9' });
    expect(await sending).toBe(true);
    expect(mine().map((m) => [m.id, m.status])).toEqual([['m-9', 'sent']]);

    socket.play('chat.message-status', 3, { conversationId: 'cv-1', messageId: 'm-9', status: 'delivered' });
    socket.play('chat.message-status', 4, { conversationId: 'cv-1', messageId: 'm-9', status: 'read' });
    expect(mine()[0]!.status).toBe('read');
  });

  it('marks a refused message failed and gives its text back', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    store.edit('cv-1', 'Hola');
    const sending = store.send('cv-1');
    await socket.answer('chat.send-requested', {
      ok: false,
      code: ErrorCode.Conflict,
      message: 'The debtor withdrew consent for whatsapp',
    });
    expect(await sending).toBe(false);
    expect(store.chats()[0]!.messages.at(-1)).toEqual(
      expect.objectContaining({ body: 'Hola', status: 'failed' }),
    );
    expect(store.draft('cv-1')).toBe('Hola');
    expect(store.error()?.detail).toBe('The debtor withdrew consent for whatsapp');
  });

  it('does not send empty, too long, or free text outside the WhatsApp window', () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat({ freeFormUntil: iso(60_000) })] }));
    const current = () => store.chats()[0]!;
    store.edit('cv-1', '   ');
    expect(store.canSend(current())).toBe(false);
    store.edit('cv-1', 'x'.repeat(MESSAGE_BODY_MAX + 1));
    expect(store.canSend(current())).toBe(false);
    store.edit('cv-1', 'Buenas tardes');
    expect(store.canSend(current())).toBe(true);
    expect(store.isTemplateRequired(current())).toBe(false);

    jest.advanceTimersByTime(61_000);
    expect(store.isTemplateRequired(current())).toBe(true);
    expect(store.canSend(current())).toBe(false);
    void store.send('cv-1');
    expect(socket.sent('chat.send-requested')).toHaveLength(0);
  });

  it('tells the debtor the agent is typing, and stops after a pause or on sending', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    const typing = () => socket.sent('chat.typing').map((r) => (r.payload as { typing: boolean }).typing);

    store.edit('cv-1', 'H');
    store.edit('cv-1', 'Ho');
    store.edit('cv-1', 'Hol');
    expect(typing()).toEqual([true]);
    jest.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(typing()).toEqual([true]);
    jest.advanceTimersByTime(1);
    expect(typing()).toEqual([true, false]);

    store.edit('cv-1', 'Hola');
    expect(typing()).toEqual([true, false, true]);
    void store.send('cv-1');
    expect(typing()).toEqual([true, false, true, false]);
    jest.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(typing()).toEqual([true, false, true, false]);
    await settle();
  });

  it('shows the debtor typing until they stop or their message arrives', () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    socket.play('chat.typing', 2, { conversationId: 'cv-1', typing: true });
    expect(store.isDebtorTyping('cv-1')).toBe(true);
    socket.play('chat.message', 3, message({ id: 'm-5' }));
    expect(store.isDebtorTyping('cv-1')).toBe(false);
    socket.play('chat.typing', 4, { conversationId: 'cv-1', typing: true });
    socket.play('chat.typing', 5, { conversationId: 'cv-1', typing: false });
    expect(store.isDebtorTyping('cv-1')).toBe(false);
  });

  it('wraps a chat up: says what is missing, sends the disposition, and forgets the chat once closed', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    store.edit('cv-1', 'borrador');

    expect(await store.wrapUp('cv-1')).toBe(false);
    expect(store.wrapUpProblems('cv-1')).toEqual(['disposition_required']);
    expect(socket.sent('chat.wrap-up-finished')).toHaveLength(0);

    store.patchWrapUp('cv-1', { dispositionCode: 'VOLVER' });
    expect(store.wrapUpProblems('cv-1')).toEqual(['callback_required']);
    store.patchWrapUp('cv-1', { dispositionCode: 'PROMESA', notes: '  Paga el viernes  ' });
    expect(store.wrapUpProblems('cv-1')).toEqual([]);

    const wrapping = store.wrapUp('cv-1');
    expect(socket.sent('chat.wrap-up-finished')[0]!.payload).toEqual({
      conversationId: 'cv-1',
      dispositionCode: 'PROMESA',
      notes: 'Paga el viernes',
    });
    socket.play('chat.closed', 2, { conversationId: 'cv-1', reason: 'wrapped_up' });
    await socket.answer('chat.wrap-up-finished', { ok: true });
    expect(await wrapping).toBe(true);

    expect(store.chats()).toEqual([]);
    expect(store.focused()).toBeNull();
    expect(store.draft('cv-1')).toBe('');
    // The agent closed it themself: nothing to tell them.
    expect(store.closedNotice()).toBeNull();
  });

  it('translates a refused wrap-up and keeps the chat open', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    store.patchWrapUp('cv-1', { dispositionCode: 'PROMESA' });
    const wrapping = store.wrapUp('cv-1');
    await socket.answer('chat.wrap-up-finished', {
      ok: false,
      code: ErrorCode.ValidationFailed,
      message: WrapUpError.AgreementRequired,
    });
    expect(await wrapping).toBe(false);
    expect(store.chats()).toHaveLength(1);
    expect(store.error()?.detail).toContain('convenio');
  });

  it('transfers and matches through the line, and says when a chat moved away', async () => {
    socket.play(
      'agent.snapshot',
      1,
      snapshot({ chats: [chat(), chat({ id: 'cv-2', account: null, interactionId: null })] }),
    );

    const matching = store.match('cv-2', 'acc-7');
    expect(socket.sent('chat.match-requested')[0]!.payload).toEqual({
      conversationId: 'cv-2',
      accountId: 'acc-7',
    });
    socket.play('chat.updated', 2, chat({ id: 'cv-2', interactionId: 'int-7' }));
    await socket.answer('chat.match-requested', { ok: true });
    expect(await matching).toBe(true);
    expect(store.chats()[1]!.account?.accountNumber).toBe('100234');

    const transferring = store.transfer('cv-1', 'ag-2');
    expect(socket.sent('chat.transfer-requested')[0]!.payload).toEqual({
      conversationId: 'cv-1',
      toAgentId: 'ag-2',
    });
    socket.play('chat.closed', 3, { conversationId: 'cv-1', reason: 'transferred' });
    await socket.answer('chat.transfer-requested', { ok: true });
    expect(await transferring).toBe(true);
    expect(store.chats().map((c) => c.id)).toEqual(['cv-2']);
    expect(store.focusedId()).toBe('cv-2');
    expect(store.closedNotice()).toEqual({ conversationId: 'cv-1', reason: 'transferred' });
  });

  it('asks for a snapshot after a gap in the numbering and lets it replace the chats', async () => {
    socket.play('agent.snapshot', 1, snapshot({ chats: [chat()] }));
    socket.play('chat.message', 2, message({ id: 'm-2', conversationId: 'cv-1' }));
    store.edit('cv-1', 'a medio escribir');

    // Event 3 was lost (say, a transfer away and a new chat): 4 arrives first.
    socket.play('chat.message', 4, message({ id: 'm-4', conversationId: 'cv-9' }));
    expect(socket.snapshotsAsked).toHaveLength(1);
    expect(store.chats().map((c) => c.id)).toEqual(['cv-1']);

    socket.snapshotsAsked[0]!({
      ...snapshot({
        chats: [chat(), chat({ id: 'cv-9', messages: [] })],
        chatOffer: offer({ conversationId: 'cv-10' }),
      }),
      seq: 3,
    } as Sequenced<AgentSnapshot>);
    await settle();

    expect(store.chats().map((c) => c.id)).toEqual(['cv-1', 'cv-9']);
    expect(store.offer()?.conversationId).toBe('cv-10');
    // The held event 4 is passed on after the snapshot, so its message is there.
    expect(store.chats()[1]!.messages.map((m) => m.id)).toEqual(['m-4']);
    expect(store.draft('cv-1')).toBe('a medio escribir');
  });

  it('forgets everything at sign-out', () => {
    socket.play(
      'agent.snapshot',
      1,
      snapshot({ chats: [chat()], chatOffer: offer({ conversationId: 'cv-2' }) }),
    );
    TestBed.inject(AuthStore).clear();
    TestBed.tick();
    expect(store.chats()).toEqual([]);
    expect(store.offer()).toBeNull();
  });
});
