import { SeededRandom, type ChatMessageView, type ConversationDetail } from '@recupera/shared';
import { DemoChatDesk, type DemoChatHost } from './demo-chat-desk.util';
import { DEMO_AGENT_CLOSING, DEMO_AGENT_GREETING } from './demo-chat-lines.constant';

/** A host whose timers run at once, in order, and that records what the desk said and did. */
function host() {
  const said: string[] = [];
  const done: string[] = [];
  const queue: (() => Promise<void> | void)[] = [];
  const fake: DemoChatHost = {
    rng: new SeededRandom(3),
    emit: async (event, request) => {
      done.push(`${event} ${request.conversationId}`);
      return { ok: true };
    },
    send: async (_id, body) => void said.push(body),
    wrapUp: async (id, code) => {
      done.push(`wrap-up ${id} ${code}`);
      return { ok: true };
    },
    later: (_ms, task) => void queue.push(task),
  };
  const flush = async () => {
    while (queue.length > 0) await queue.shift()!();
  };
  return { fake, said, done, flush };
}

const detail = (messages: Partial<ChatMessageView>[]): ConversationDetail =>
  ({
    id: 'c1',
    status: 'assigned',
    account: {
      accountId: '1',
      accountNumber: 'A-1',
      debtorName: 'Ana',
      balance: { amountMinor: 150_000, currency: 'MXN' },
      daysPastDue: 40,
    },
    dispositions: [
      { code: 'PROMESA', label: 'Promesa', category: 'promise' },
      { code: 'TITULAR', label: 'Titular', category: 'rpc' },
    ],
    messages: messages.map((m, i) => ({ id: String(i + 1), conversationId: 'c1', author: 'debtor', ...m })),
  }) as unknown as ConversationDetail;

const debtorSays = (body: string) =>
  ({ id: body, conversationId: 'c1', author: 'debtor', body }) as unknown as ChatMessageView;

describe(DemoChatDesk.name, () => {
  it('greets, answers each line with the balance, and after the third says goodbye and wraps up without a promise', async () => {
    const { fake, said, done, flush } = host();
    const desk = new DemoChatDesk(fake);
    desk.assigned(detail([{ body: '¿Cuánto debo?' }]));
    await flush();
    expect(said).toEqual([DEMO_AGENT_GREETING, expect.stringContaining('1500.00 MXN') as string]);
    desk.message(debtorSays('¿Y en dos partes?'));
    await flush();
    expect(said).toHaveLength(3);
    desk.message(debtorSays('Gracias.'));
    await flush();
    expect(said.at(-1)).toBe(DEMO_AGENT_CLOSING);
    expect(done).toEqual(['wrap-up c1 TITULAR']);
    expect(desk.held).toBe(0);
    expect(desk.wrappedUp).toBe(1);
  });

  it('accepts while it has room for a chat, and declines a third', async () => {
    const { fake, done, flush } = host();
    const desk = new DemoChatDesk(fake);
    desk.assigned({ ...detail([]), id: 'a' });
    desk.assigned({ ...detail([]), id: 'b' });
    desk.offered({ conversationId: 'c' } as never);
    await flush();
    expect(done).toEqual(['chat.decline-requested c']);
  });

  it('lets go of chats a snapshot no longer has', () => {
    const { fake } = host();
    const desk = new DemoChatDesk(fake);
    desk.assigned({ ...detail([]), id: 'gone' });
    desk.resume([{ ...detail([]), id: 'kept' }]);
    expect(desk.held).toBe(1);
  });

  it('ignores its own lines and other chats', async () => {
    const { fake, said, flush } = host();
    const desk = new DemoChatDesk(fake);
    desk.assigned(detail([{ body: 'Hola' }, { body: 'Hola', author: 'agent' }]));
    await flush();
    const before = said.length;
    desk.message({ ...debtorSays('x'), author: 'agent' } as ChatMessageView);
    desk.message({ ...debtorSays('y'), conversationId: 'other' } as ChatMessageView);
    await flush();
    expect(said).toHaveLength(before);
  });
});
