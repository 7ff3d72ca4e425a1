import type { DialerEngine } from '@recupera/dialer';
import type {
  AccountDetail,
  ChatClosed,
  ChatMessageView,
  ChatOffer,
  ConversationDetail,
} from '@recupera/shared';
import { DialerFixtures, emitWithAck, until, type AgentClient } from '../../testing/dialer-fixtures.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { FloorSnapshotService } from '../floor/floor-snapshot.service';
import type { InboundMessage } from '../messaging/messaging.type';
import { ConversationsService } from './conversations.service';

interface Seen {
  offers: ChatOffer[];
  withdrawn: string[];
  assigned: ConversationDetail[];
  updated: ConversationDetail[];
  messages: ChatMessageView[];
  closed: ChatClosed[];
}

function watch(agent: AgentClient): Seen {
  const seen: Seen = { offers: [], withdrawn: [], assigned: [], updated: [], messages: [], closed: [] };
  agent.on('chat.offered', (o) => seen.offers.push(o));
  agent.on('chat.offer-withdrawn', (o) => seen.withdrawn.push(o.conversationId));
  agent.on('chat.assigned', (d) => seen.assigned.push(d));
  agent.on('chat.updated', (d) => seen.updated.push(d));
  agent.on('chat.message', (m) => seen.messages.push(m));
  agent.on('chat.closed', (c) => seen.closed.push(c));
  return seen;
}

let sid = 0;
function sms(
  from: string,
  body: string,
  carrierSid = `SM${String(++sid).padStart(32, '0')}`,
): InboundMessage {
  return { channel: 'sms', from, to: '+15005550006', body, media: [], carrierSid, at: new Date() };
}

/** Conversations through the real app: the chat queue, capacity and blending, the agent's chat tools. */
describe('Conversations', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let engine: DialerEngine;
  let conversations: ConversationsService;
  let agentA: AgentClient;
  let agentA2: AgentClient;
  let seenA: Seen;
  let seenA2: Seen;

  async function row(sql: string, params: unknown[]): Promise<Record<string, unknown>> {
    const [rows] = await t.db.query(sql, params);
    return (rows as Record<string, unknown>[])[0];
  }

  beforeAll(async () => {
    t = await startTestApp({ chatOfferSeconds: 2 });
    engine = t.app.get<DialerEngine>(DIALER_ENGINE);
    conversations = t.app.get(ConversationsService);
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('CH-1', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573001110001');
    await f.account('CH-2', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573001110002');
    await f.account('CH-3', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573001110003');
    await f.account('CH-4', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573001110004');
    f.ids['agentA2'] = await insertUser(t.db, {
      email: 'a2@dialer.test',
      role: 'agent',
      teamId: f.ids['teamA'],
    });
    // Two chats each, and a call only while holding at most one.
    await t.db.query('UPDATE teams SET chat_max_chats = 2, chat_max_chats_for_call = 1 WHERE id = ?', [
      f.ids['teamA'],
    ]);
    agentA = await f.connectAgent('a@dialer.test');
    seenA = watch(agentA);
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('queues an SMS from a known number, offers it to the available agent, who accepts and replies', async () => {
    await emitWithAck(agentA, 'agent.state-requested', { state: 'available' });
    const first = await conversations.receiveInbound(sms('+573001110001', 'Hola, quiero pagar'), {
      route: true,
    });
    expect(first.duplicate).toBe(false);
    const offer = await until('the offer', async () =>
      seenA.offers.find((o) => o.conversationId === first.conversationId),
    );
    expect(offer.account?.accountNumber).toBe('CH-1');
    expect(offer.preview).toBe('Hola, quiero pagar');

    expect(
      await emitWithAck(agentA, 'chat.accept-requested', { conversationId: first.conversationId }),
    ).toEqual({
      ok: true,
    });
    const detail = await until('the chat', async () =>
      seenA.assigned.find((d) => d.id === first.conversationId),
    );
    expect(detail.status).toBe('assigned');
    expect(detail.messages.map((m) => m.body)).toEqual(['Hola, quiero pagar']);
    expect(detail.dispositions.map((d) => d.code)).toContain('TITULAR');

    const sent = (await emitWithAck(agentA, 'chat.send-requested', {
      conversationId: first.conversationId,
      body: 'Buenos días, con gusto le ayudo',
      clientRef: 'r-1',
    })) as { ok: boolean; messageId?: string };
    expect(sent.ok).toBe(true);
    const stored = await row('SELECT author, agent_id, carrier_sid, status FROM messages WHERE id = ?', [
      sent.messageId,
    ]);
    expect(stored['author']).toBe('agent');
    expect(String(stored['agent_id'])).toBe(f.ids['agentA']);
    expect(String(stored['carrier_sid'])).toMatch(/^SM/);

    await conversations.receiveInbound(sms('+573001110001', '¿Puedo pagar en dos cuotas?'), { route: true });
    await until('the reply to reach the agent', async () =>
      seenA.messages.find((m) => m.body === '¿Puedo pagar en dos cuotas?'),
    );
  });

  it('stores a message the carrier delivers twice only once', async () => {
    const again = sms('+573001110001', 'Repetido', 'SM'.padEnd(34, '9'));
    const one = await conversations.receiveInbound(again, { route: true });
    const two = await conversations.receiveInbound(again, { route: true });
    expect(two).toEqual({ ...one, duplicate: true });
    const counted = await row('SELECT COUNT(*) AS n FROM messages WHERE carrier_sid = ?', [again.carrierSid]);
    expect(Number(counted['n'])).toBe(1);
  });

  it('keeps an agent over the blending limit out of the calls, and lets them back once under it', async () => {
    const second = await conversations.receiveInbound(sms('+573001110002', 'Necesito un convenio'), {
      route: true,
    });
    await until('the second offer', async () =>
      seenA.offers.find((o) => o.conversationId === second.conversationId),
    );
    await emitWithAck(agentA, 'chat.accept-requested', { conversationId: second.conversationId });
    await until('two chats', async () => seenA.assigned.find((d) => d.id === second.conversationId));
    expect((await engine.ctx.agents.floor([f.ids['teamA']])).free).toBe(0);

    // At capacity (two chats): a third conversation waits.
    const third = await conversations.receiveInbound(sms('+573001110003', 'Hola'), { route: true });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(seenA.offers.find((o) => o.conversationId === third.conversationId)).toBeUndefined();
    expect(
      (await row('SELECT status FROM conversations WHERE id = ?', [third.conversationId]))['status'],
    ).toBe('queued');

    // The supervisor's floor shows the waiting chat and the agent's two.
    const floor = await t.app
      .get(FloorSnapshotService)
      .snapshot({ id: f.ids['sup']!, role: 'supervisor', teamId: null }, [f.ids['teamA']!]);
    const queue = floor.chatQueues.find((q) => q.teamId === f.ids['teamA'] && q.queue === 'cobranza');
    expect(queue).toMatchObject({ waiting: 1, assigned: 2 });
    expect(floor.agents.find((a) => a.agentId === f.ids['agentA'])?.chats).toBe(2);

    // Wrapping one up frees room: the agent is back among the free for calls, and the third is offered.
    expect(
      await emitWithAck(agentA, 'chat.wrap-up-finished', {
        conversationId: second.conversationId,
        dispositionCode: 'TITULAR',
        notes: 'Pide convenio, se envía propuesta',
      }),
    ).toEqual({ ok: true });
    await until('the chat to close', async () =>
      seenA.closed.find((c) => c.conversationId === second.conversationId),
    );
    expect((await engine.ctx.agents.floor([f.ids['teamA']])).free).toBe(1);
    await until('the third offer', async () =>
      seenA.offers.find((o) => o.conversationId === third.conversationId),
    );
    const interaction = await row(
      `SELECT i.channel, i.direction, i.outcome, i.agent_id, x.code, i.notes, i.ended_at IS NOT NULL AS ended
         FROM conversations c JOIN interactions i ON i.id = c.interaction_id
         LEFT JOIN dispositions x ON x.id = i.disposition_id WHERE c.id = ?`,
      [second.conversationId],
    );
    expect(interaction).toMatchObject({
      channel: 'sms',
      direction: 'inbound',
      outcome: 'human',
      code: 'TITULAR',
    });
    expect(Number(interaction['ended'])).toBe(1);
  });

  it('passes an offer the agent lets lapse to the next agent, never back to them', async () => {
    agentA2 = await f.connectAgent('a2@dialer.test');
    seenA2 = watch(agentA2);
    await emitWithAck(agentA2, 'agent.state-requested', { state: 'available' });
    const third = seenA.offers[seenA.offers.length - 1]!;
    // agentA lets it lapse (2 s in this suite): it goes to agentA2.
    await until(
      'the withdrawal',
      async () => seenA.withdrawn.find((id) => id === third.conversationId),
      6_000,
    );
    await until(
      'the offer to the next agent',
      async () => seenA2.offers.find((o) => o.conversationId === third.conversationId),
      6_000,
    );
    expect(
      await emitWithAck(agentA, 'chat.accept-requested', { conversationId: third.conversationId }),
    ).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      await emitWithAck(agentA2, 'chat.accept-requested', { conversationId: third.conversationId }),
    ).toEqual({
      ok: true,
    });
  });

  it("lets an agent read their own team's roster (to pick whom to transfer to), and no other team's", async () => {
    const token = await login(t.url, 'a@dialer.test');
    const own = await api<{ agents: { id: string }[] }>(t.url, 'GET', `/teams/${f.ids['teamA']}/roster`, {
      token,
    });
    expect(own.status).toBe(200);
    expect(own.body.agents.map((a) => a.id)).toContain(f.ids['agentA2']);
    expect((await api(t.url, 'GET', `/teams/${f.ids['teamB']}/roster`, { token })).status).toBe(404);
  });

  it('transfers a chat to another agent of the team', async () => {
    const first = seenA.assigned[0]!;
    expect(
      await emitWithAck(agentA, 'chat.transfer-requested', {
        conversationId: first.id,
        toAgentId: f.ids['agentA2'],
      }),
    ).toEqual({ ok: true });
    await until('the transfer out', async () =>
      seenA.closed.find((c) => c.conversationId === first.id && c.reason === 'transferred'),
    );
    const moved = await until('the transfer in', async () => seenA2.assigned.find((d) => d.id === first.id));
    expect(moved.messages.length).toBeGreaterThanOrEqual(3);
    expect(
      await emitWithAck(agentA, 'chat.send-requested', { conversationId: first.id, body: 'sigo aquí' }),
    ).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('lets the agent match an unknown number to an account, which puts the chat in its timeline', async () => {
    const unknown = await conversations.receiveInbound(sms('+573009999999', 'Soy el titular de CH-4'), {
      route: true,
    });
    const offer = await until('the unknown offer', async () =>
      seenA.offers.find((o) => o.conversationId === unknown.conversationId),
    );
    expect(offer.account).toBeNull();
    await emitWithAck(agentA, 'chat.accept-requested', { conversationId: unknown.conversationId });
    await until('the chat', async () => seenA.assigned.find((d) => d.id === unknown.conversationId));
    // The wrap-up needs an account.
    expect(
      await emitWithAck(agentA, 'chat.wrap-up-finished', {
        conversationId: unknown.conversationId,
        dispositionCode: 'TITULAR',
      }),
    ).toMatchObject({ ok: false, code: 'validation_failed' });
    // An account the agent cannot see is refused; the team's is matched.
    await f.account('OTHER-1', f.ids['p1'], f.ids['teamB'], 'America/Bogota', '+573001119999');
    expect(
      await emitWithAck(agentA, 'chat.match-requested', {
        conversationId: unknown.conversationId,
        accountId: f.ids['OTHER-1'],
      }),
    ).toMatchObject({ ok: false });
    await t.db.query('UPDATE accounts SET assigned_agent_id = ? WHERE id = ?', [
      f.ids['agentA'],
      f.ids['CH-4'],
    ]);
    expect(
      await emitWithAck(agentA, 'chat.match-requested', {
        conversationId: unknown.conversationId,
        accountId: f.ids['CH-4'],
      }),
    ).toEqual({ ok: true });
    const updated = await until('the match', async () =>
      seenA.updated.find((d) => d.id === unknown.conversationId),
    );
    expect(updated.account?.accountNumber).toBe('CH-4');

    const token = await login(t.url, 'a@dialer.test');
    const account = await api<AccountDetail>(t.url, 'GET', `/accounts/${f.ids['CH-4']}`, { token });
    const entry = account.body.interactions.find((i) => i.conversationId === unknown.conversationId);
    expect(entry).toMatchObject({ channel: 'sms', direction: 'inbound' });
    const thread = await api<ConversationDetail>(t.url, 'GET', `/conversations/${unknown.conversationId}`, {
      token,
    });
    expect(thread.body.messages.map((m) => m.body)).toEqual(['Soy el titular de CH-4']);
  });

  it('refuses another agent the thread of a conversation they cannot see', async () => {
    const token = await login(t.url, 'b@dialer.test');
    const first = seenA.assigned[0]!;
    const refused = await api(t.url, 'GET', `/conversations/${first.id}`, { token });
    expect(refused.status).toBe(404);
  });

  it('resumes the chats and the offer in a snapshot', async () => {
    const snapshot = (await new Promise<unknown>((resolve) =>
      (agentA2.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(
        'agent.snapshot-requested',
        {},
        resolve,
      ),
    )) as { chats: ConversationDetail[]; chatOffer: ChatOffer | null };
    expect(snapshot.chats.map((c) => c.id).sort()).toEqual(seenA2.assigned.map((d) => d.id).sort());
  });
});
