import {
  WIDGET_NAMESPACE,
  type ChatMessageView,
  type ChatOffer,
  type SimulatedOutboxMessage,
  type WidgetChallenge,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSessionToken,
  type WidgetSnapshot,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { DialerFixtures, emitWithAck, until } from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';

type WidgetClient = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;
const MOBILE = '+573004440001';

/** The debtor's widget through the real app: one-time code, session scope, and a chat with an agent. */
describe('Web chat widget', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let admin: string;
  const sockets: WidgetClient[] = [];

  async function codeSent(): Promise<string> {
    const outbox = await api<SimulatedOutboxMessage[]>(
      t.url,
      'GET',
      `/simulated-carrier/outbox?to=${encodeURIComponent(MOBILE)}`,
      { token: admin },
    );
    return /(\d{6})/.exec(outbox.body[0]!.body)![1]!;
  }

  async function identify(nationalId = '1.020.304-5') {
    return api<WidgetChallenge>(t.url, 'POST', '/widget/BCO/identify', {
      body: { accountNumber: 'WG-1', nationalId },
    });
  }

  async function session(): Promise<string> {
    const challenge = await identify();
    const verified = await api<WidgetSessionToken>(t.url, 'POST', '/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code: await codeSent() },
    });
    expect(verified.status).toBe(200);
    return verified.body.token;
  }

  function connect(token: string): WidgetClient {
    const socket: WidgetClient = io(`${t.url}${WIDGET_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
    });
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('WG-1', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', MOBILE);
    await f.account('WG-OTHER', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', '+573004440002');
    await t.db.query("UPDATE debtors SET national_id = '10203045' WHERE debtor_key = 'WG-1'");
    admin = await login(t.url, 'admin@dialer.test');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await f?.close();
    await t?.close();
  });

  it('refuses a wrong national id with one generic message', async () => {
    const wrong = await identify('999');
    expect(wrong.status).toBe(404);
    expect((wrong.body as unknown as { message: string }).message).toBe(
      'No encontramos una cuenta con esos datos',
    );
  });

  it('sends a code to the mobile, and opens a session for the debtor who types it', async () => {
    const challenge = await identify();
    expect(challenge.status).toBe(201);
    expect(challenge.body.sentTo).toBe('+57 *** *** 0001');
    const code = await codeSent();
    const wrong = await api(t.url, 'POST', '/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    const verified = await api<WidgetSessionToken>(t.url, 'POST', '/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code },
    });
    expect(verified.status).toBe(200);
    const snapshot = await api<WidgetSnapshot>(t.url, 'GET', '/widget/session', {
      token: verified.body.token,
    });
    expect(snapshot.body.accounts.map((a) => a.accountNumber)).toEqual(['WG-1']);
    // A code opens one session only.
    const again = await api(t.url, 'POST', '/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code },
    });
    expect(again.status).toBe(404);
  });

  it('kills a challenge after five wrong codes', async () => {
    const challenge = await identify();
    const code = await codeSent();
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      await api(t.url, 'POST', '/widget/verify', {
        body: { challengeId: challenge.body.challengeId, code: wrongCode },
      });
    const late = await api(t.url, 'POST', '/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code },
    });
    expect(late.status).toBe(409);
  });

  it("refuses another debtor's account, on REST and over the socket, and a bad token at the handshake", async () => {
    const token = await session();
    const refused = await api(t.url, 'GET', `/widget/session/accounts/${f.ids['WG-OTHER']}`, { token });
    expect(refused.status).toBe(403);
    const socket = connect(token);
    await new Promise((resolve) => socket.once('widget.snapshot', resolve));
    expect(
      await socket.emitWithAck('widget.chat-requested', { accountId: f.ids['WG-OTHER']!, queue: 'cobranza' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const forged = connect('f'.repeat(64));
    await expect(
      new Promise((resolve, reject) => {
        forged.once('connect', () => resolve(null));
        forged.once('connect_error', reject);
      }),
    ).rejects.toThrow(/unknown or has expired/);
  });

  it('puts the debtor through to an agent: messages both ways, typing, and the chat in the thread', async () => {
    const agent = await f.connectAgent('a@dialer.test');
    const offers: ChatOffer[] = [];
    const received: ChatMessageView[] = [];
    agent.on('chat.offered', (o) => offers.push(o));
    agent.on('chat.message', (m) => received.push(m));
    await emitWithAck(agent, 'agent.state-requested', { state: 'available' });

    const widget = connect(await session());
    const fromAgent: ChatMessageView[] = [];
    const typing: boolean[] = [];
    let joined = '';
    widget.on('widget.message', (m) => fromAgent.push(m));
    widget.on('widget.typing', (e) => typing.push(e.typing));
    widget.on('widget.agent-joined', (e) => (joined = e.agentName));
    await new Promise((resolve) => widget.once('widget.snapshot', resolve));
    const chat = (await widget.emitWithAck('widget.chat-requested', {
      accountId: f.ids['WG-1']!,
      queue: 'convenios',
      message: 'Quiero un convenio',
    })) as { ok: true; conversationId: string };
    expect(chat.ok).toBe(true);
    const offer = await until('the offer', async () =>
      offers.find((o) => o.conversationId === chat.conversationId),
    );
    expect(offer.queue).toBe('convenios');
    await emitWithAck(agent, 'chat.accept-requested', { conversationId: chat.conversationId });
    await until('the agent joining', async () => joined);
    await emitWithAck(agent, 'chat.typing', { conversationId: chat.conversationId, typing: true });
    await emitWithAck(agent, 'chat.send-requested', {
      conversationId: chat.conversationId,
      body: 'Con gusto',
    });
    await until('the reply in the widget', async () => fromAgent.find((m) => m.body === 'Con gusto'));
    await until('typing in the widget', async () => typing.includes(true));
    await widget.emitWithAck('widget.send-requested', { body: '¿Dos cuotas?', clientRef: 'w-1' });
    const mine = await until('the debtor message at the agent', async () =>
      received.find((m) => m.clientRef === 'w-1'),
    );
    expect(mine.body).toBe('¿Dos cuotas?');
    const [rows] = await t.db.query(
      'SELECT i.channel, i.account_id FROM conversations c JOIN interactions i ON i.id = c.interaction_id WHERE c.id = ?',
      [chat.conversationId],
    );
    expect(rows).toEqual([{ channel: 'webchat', account_id: Number(f.ids['WG-1']) }]);
  });
});
