import type { ChatMessageView, WidgetAgreementView, WidgetSnapshot } from '@recupera/shared';
import {
  chatEnded,
  initialState,
  localMessageId,
  mergeMessage,
  reduce,
  type WidgetState,
} from './widget-state.util';

function message(overrides: Partial<ChatMessageView>): ChatMessageView {
  return {
    id: '1',
    conversationId: 'c1',
    author: 'debtor',
    agentName: null,
    body: 'Hola',
    media: [],
    status: 'received',
    at: '2026-12-02T15:00:00.000Z',
    clientRef: null,
    ...overrides,
  };
}

function agreement(id: string, createdAt: string): WidgetAgreementView {
  const money = { amountMinor: 100_00, currency: 'MXN' };
  return {
    id,
    accountId: 'a1',
    status: 'active',
    total: money,
    downPayment: { amountMinor: 0, currency: 'MXN' },
    settlesInFull: true,
    installments: [
      {
        seq: 1,
        dueDate: '2026-12-15',
        amount: money,
        paid: { amountMinor: 0, currency: 'MXN' },
        status: 'pending',
      },
    ],
    createdAt,
  };
}

const SNAPSHOT: WidgetSnapshot = {
  debtorName: 'Ana Pérez',
  accounts: [
    {
      accountId: 'a1',
      accountNumber: '4000123412341234',
      clientName: 'Banco Cordillera',
      balance: { amountMinor: 1_250_000, currency: 'MXN' },
      daysPastDue: 45,
      dueDate: '2026-10-18',
    },
  ],
  agreements: [],
  conversation: null,
};

function signedIn(): WidgetState {
  let state = initialState();
  state = reduce(state, {
    type: 'challenged',
    challenge: { challengeId: 'x', sentTo: '+52 *** *** 4321', expiresAt: '' },
  });
  state = reduce(state, { type: 'verified', session: { token: 't', expiresAt: '2999-01-01T00:00:00Z' } });
  return reduce(state, { type: 'snapshot', snapshot: SNAPSHOT });
}

describe('widget state', () => {
  it('walks identify → code → overview, and back to identify when the debtor uses other details', () => {
    let state = initialState();
    expect(state.step).toBe('identify');
    state = reduce(state, { type: 'busy' });
    expect(state.busy).toBe(true);
    state = reduce(state, {
      type: 'challenged',
      challenge: { challengeId: 'x', sentTo: '+52 *** *** 4321', expiresAt: '' },
    });
    expect(state).toMatchObject({ step: 'code', busy: false, challenge: { sentTo: '+52 *** *** 4321' } });
    expect(reduce(state, { type: 'restarted' })).toMatchObject({ step: 'identify', challenge: null });
    state = reduce(state, { type: 'verified', session: { token: 't', expiresAt: '' } });
    expect(state).toMatchObject({ step: 'overview', challenge: null, session: { token: 't' } });
  });

  it('keeps the failure on screen until the next attempt starts', () => {
    const failed = reduce(initialState(), { type: 'failed', error: 'errorNotFound' });
    expect(failed.error).toBe('errorNotFound');
    expect(reduce(failed, { type: 'busy' }).error).toBeNull();
  });

  it('resumes a saved session on the overview, and opens on its chat when one is going on', () => {
    const resumed = initialState({ session: { token: 't', expiresAt: '' }, open: true });
    expect(resumed).toMatchObject({ step: 'overview', open: true });
    const withChat = reduce(resumed, {
      type: 'snapshot',
      snapshot: {
        ...SNAPSHOT,
        conversation: {
          id: 'c1',
          status: 'assigned',
          queue: 'cobranza',
          agentName: 'Laura',
          messages: [message({})],
        },
      },
    });
    expect(withChat).toMatchObject({ step: 'chat', chat: { id: 'c1', agentName: 'Laura' } });
    expect(withChat.messages).toHaveLength(1);
  });

  it('does not reopen a conversation the debtor left while the agent still holds it', () => {
    const left = reduce(
      {
        ...signedIn(),
        step: 'chat',
        chat: { id: 'c1', status: 'assigned', queue: 'cobranza', agentName: 'Laura' },
      },
      {
        type: 'left',
        conversationId: 'c1',
      },
    );
    expect(left.step).toBe('overview');
    expect(chatEnded(left)).toBe(true);
    const again = reduce(left, {
      type: 'snapshot',
      snapshot: {
        ...SNAPSHOT,
        conversation: { id: 'c1', status: 'assigned', queue: 'cobranza', agentName: 'Laura', messages: [] },
      },
    });
    expect(again.step).toBe('overview');
  });

  it('opens a chat, learns the agent who joined, shows their typing and the end of the chat', () => {
    let state = reduce(signedIn(), { type: 'chat-opened', conversationId: 'c9', queue: 'convenios' });
    expect(state).toMatchObject({ step: 'chat', chat: { id: 'c9', status: 'queued', agentName: null } });
    state = reduce(state, { type: 'typing', typing: true });
    expect(state.agentTyping).toBe(false);
    state = reduce(state, {
      type: 'agent-joined',
      conversationId: 'c9',
      agentName: 'Laura',
      queue: 'convenios',
    });
    expect(state.chat).toMatchObject({ status: 'assigned', agentName: 'Laura' });
    state = reduce(state, { type: 'typing', typing: true });
    expect(state.agentTyping).toBe(true);
    state = reduce(state, {
      type: 'message',
      message: message({ id: '7', conversationId: 'c9', author: 'agent', agentName: 'Laura' }),
    });
    expect(state.agentTyping).toBe(false);
    expect(reduce(state, { type: 'closed', conversationId: 'other' })).toBe(state);
    state = reduce(state, { type: 'closed', conversationId: 'c9' });
    expect(chatEnded(state)).toBe(true);
  });

  it("ignores another conversation's messages and agent", () => {
    const state = reduce(signedIn(), { type: 'chat-opened', conversationId: 'c9', queue: 'cobranza' });
    expect(reduce(state, { type: 'message', message: message({ conversationId: 'c8' }) })).toBe(state);
    expect(
      reduce(state, { type: 'agent-joined', conversationId: 'c8', agentName: 'X', queue: 'cobranza' }),
    ).toBe(state);
  });

  it('adds an agreement made in the chat once, newest first', () => {
    let state = reduce(signedIn(), { type: 'agreement', agreement: agreement('g1', '2026-12-01T00:00:00Z') });
    state = reduce(state, { type: 'agreement', agreement: agreement('g2', '2026-12-02T00:00:00Z') });
    state = reduce(state, {
      type: 'agreement',
      agreement: { ...agreement('g1', '2026-12-01T00:00:00Z'), status: 'active' },
    });
    expect(state.agreements.map((a) => a.id)).toEqual(['g2', 'g1']);
  });

  it('marks an optimistic message failed when the server refused it', () => {
    let state = reduce(signedIn(), { type: 'chat-opened', conversationId: 'c9', queue: 'cobranza' });
    state = reduce(state, {
      type: 'message',
      message: message({ id: localMessageId('r1'), clientRef: 'r1', status: 'queued', conversationId: '' }),
    });
    state = reduce(state, { type: 'message-failed', clientRef: 'r1', error: 'errorNetwork' });
    expect(state.messages[0].status).toBe('failed');
    expect(state.error).toBe('errorNetwork');
  });

  it('forgets everything but the open panel when the session is lost', () => {
    const lost = reduce(
      { ...signedIn(), open: true },
      { type: 'session-lost', error: 'errorSessionExpired' },
    );
    expect(lost).toMatchObject({
      step: 'identify',
      session: null,
      accounts: [],
      open: true,
      error: 'errorSessionExpired',
    });
  });
});

describe(mergeMessage.name, () => {
  it('replaces the optimistic copy with the stored one carrying the same clientRef', () => {
    const local = message({ id: localMessageId('r1'), clientRef: 'r1', status: 'queued' });
    const stored = message({ id: '42', clientRef: 'r1' });
    expect(mergeMessage([local], stored)).toEqual([stored]);
  });

  it('keeps a message delivered twice (ack and room) single', () => {
    const once = mergeMessage([], message({ id: '42' }));
    expect(mergeMessage(once, message({ id: '42', status: 'read' }))).toEqual([
      message({ id: '42', status: 'read' }),
    ]);
  });

  it('orders messages by time, whatever order they arrive in', () => {
    const late = message({ id: '2', at: '2026-12-02T15:00:05.000Z' });
    const early = message({ id: '1', at: '2026-12-02T15:00:01.000Z' });
    expect(mergeMessage([late], early).map((m) => m.id)).toEqual(['1', '2']);
  });

  it('does not take an agent message for the optimistic copy just because both lack a clientRef', () => {
    const local = message({ id: localMessageId('r1'), clientRef: 'r1' });
    expect(mergeMessage([local], message({ id: '9', author: 'agent', clientRef: null }))).toHaveLength(2);
  });
});
