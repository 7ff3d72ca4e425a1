import type { DialerEngine, SimulatedCarrier } from '@recupera/dialer';
import {
  AGENT_NAMESPACE,
  ErrorCode,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type CallView,
  type HandshakeError,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { CARRIER, DIALER_ENGINE } from './dialer.constant';

type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

/** Wednesday 2 December 2026, 15:00 UTC: 10:00 in Bogotá (inside CO's window), midnight in Tokyo. */
const NOW = new Date('2026-12-02T15:00:00Z');

const EVERYONE_ANSWERS = {
  outcomes: { human: 1, machine: 0, busy: 0, noAnswer: 0, failed: 0 },
  answerTime: { kind: 'fixed' as const, ms: 300 },
  ringNoAnswerMs: 500,
  talkTime: { kind: 'fixed' as const, ms: 1_200 },
  busyAfterMs: 200,
  failedAfterMs: 200,
  messageMs: 300,
};

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function emit<E extends keyof AgentClientToServerEvents>(
  socket: AgentClient,
  event: E,
  payload: Parameters<AgentClientToServerEvents[E]>[0],
): Promise<AckResult> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(event, payload, resolve);
  });
}

describe('Live dialer', () => {
  let t: TestApp;
  let engine: DialerEngine;
  const ids: Record<string, string> = {};
  const sockets: AgentClient[] = [];

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async function account(number: string, portfolio: string, team: string, zone: string, phone: string) {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'CO')",
      [ids['client'], number, `Deudor ${number}`, zone],
    );
    await t.db.query(
      "INSERT INTO contact_points (debtor_id, type, value, consent) VALUES (?, 'mobile', ?, 'granted')",
      [debtor, phone],
    );
    ids[number] = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', 500000, 500000, 45, '31-60', 'active', ?)`,
      [ids['client'], portfolio, debtor, number, team],
    );
  }

  async function connectAgent(email: string): Promise<AgentClient> {
    const token = await login(t.url, email);
    const socket: AgentClient = io(`${t.url}${AGENT_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('agent.snapshot', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async function startCampaign(name: string, portfolio: string, team: string): Promise<string> {
    const token = await login(t.url, 'admin@dialer.test');
    const created = await api<{ id: string }>(t.url, 'POST', '/campaigns', {
      token,
      body: {
        name,
        portfolioId: portfolio,
        dialMode: 'progressive',
        linesPerAgent: 1,
        teamIds: [team],
        dispositionSetId: ids['set'],
        abandonMessage:
          'Le llamamos de Recupera por su obligación con Banco Andino; le devolveremos la llamada.',
        schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '19:00' },
      },
    });
    expect(created.status).toBe(201);
    const started = await api(t.url, 'POST', `/campaigns/${created.body.id}/start`, { token });
    expect(started.status).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.app.get<DialerEngine>(DIALER_ENGINE);
    engine.ctx.clock.now = () => new Date(NOW.getTime() + (Date.now() - startedAt));
    t.app.get<SimulatedCarrier>(CARRIER).useScenario(EVERYONE_ANSWERS);
    ids['client'] = await insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BCO', 'Banco Andino', 'CO', 'COP')",
    );
    for (const p of ['p1', 'p2'])
      ids[p] = await insertId(
        "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, ?, 'temprana', 'banking', 'COP', 'CO')",
        [ids['client'], `Tarjetas ${p}`],
      );
    ids['sup'] = await insertUser(t.db, { email: 'sup@dialer.test', role: 'supervisor' });
    for (const team of ['teamA', 'teamB'])
      ids[team] = await insertId('INSERT INTO teams (name, supervisor_id) VALUES (?, ?)', [team, ids['sup']]);
    await insertUser(t.db, { email: 'admin@dialer.test', role: 'admin' });
    ids['agentA'] = await insertUser(t.db, { email: 'a@dialer.test', role: 'agent', teamId: ids['teamA'] });
    ids['agentB'] = await insertUser(t.db, { email: 'b@dialer.test', role: 'agent', teamId: ids['teamB'] });
    ids['set'] = await insertId("INSERT INTO disposition_sets (name) VALUES ('Cobranza')");
    await account('BOG-1', ids['p1'], ids['teamA'], 'America/Bogota', '+573001110001');
    await account('BOG-2', ids['p1'], ids['teamA'], 'America/Bogota', '+573001110002');
    await account('BOG-3', ids['p1'], ids['teamA'], 'America/Bogota', '+573001110003');
    await account('TYO-1', ids['p1'], ids['teamA'], 'Asia/Tokyo', '+573001110004');
    await account('TYO-2', ids['p1'], ids['teamA'], 'Asia/Tokyo', '+573001110005');
    await account('ABN-1', ids['p2'], ids['teamB'], 'America/Bogota', '+573001110006');
  });
  const startedAt = Date.now();

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await t?.close();
  });

  it('never dials a debtor outside their contact window, and works every debtor inside it once', async () => {
    const agent = await connectAgent('a@dialer.test');
    const connected: CallView[] = [];
    agent.on('call.connected', (call) => connected.push(call));
    // The agent's bot: take the call, let the debtor hang up, wrap up, be ready again.
    agent.on('call.ended', (ended) => void emit(agent, 'call.wrap-up-finished', { callId: ended.callId }));
    expect(await emit(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    const campaign = await startCampaign('Ventana', ids['p1'], ids['teamA']);

    const rows = await until('three finished calls', async () => {
      const [r] = await t.db.query(
        "SELECT account_id, stage, outcome, agent_id, connected_at, talk_seconds, phone FROM interactions WHERE campaign_id = ? AND stage = 'ended'",
        [campaign],
      );
      const list = r as { account_id: string; agent_id: string; outcome: string; talk_seconds: number }[];
      return list.length >= 3 && list;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const [all] = await t.db.query('SELECT account_id FROM interactions WHERE campaign_id = ?', [campaign]);
    const dialled = (all as { account_id: string | number }[]).map((r) => String(r.account_id)).sort();
    expect(dialled).toEqual([ids['BOG-1'], ids['BOG-2'], ids['BOG-3']].sort());
    expect(rows.map((r) => [r.outcome, String(r.agent_id)])).toEqual(
      rows.map(() => ['human', ids['agentA']]),
    );
    expect(connected.map((c) => c.accountNumber).sort()).toEqual(['BOG-1', 'BOG-2', 'BOG-3']);
    expect(connected[0].debtorName).toMatch(/^Deudor BOG-/);

    const [refusals] = await t.db.query(
      'SELECT DISTINCT account_id, reason FROM compliance_refusals WHERE campaign_id = ? ORDER BY account_id',
      [campaign],
    );
    expect(refusals).toEqual([
      { account_id: Number(ids['TYO-1']), reason: 'outside_window' },
      { account_id: Number(ids['TYO-2']), reason: 'outside_window' },
    ]);
    const [states] = await t.db.query(
      "SELECT state FROM agent_state_changes WHERE agent_id = ? AND state IN ('on_call', 'wrap_up')",
      [ids['agentA']],
    );
    expect((states as unknown[]).length).toBe(6);
  });

  it('abandons a person no agent can take within 2 s, plays the message and blocks the number', async () => {
    t.app.get<SimulatedCarrier>(CARRIER).useScenario({
      ...EVERYONE_ANSWERS,
      answerTime: { kind: 'fixed', ms: 1_000 },
    });
    const agent = await connectAgent('b@dialer.test');
    expect(await emit(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    const campaign = await startCampaign('Abandono', ids['p2'], ids['teamB']);
    await until('a dial in flight', async () => {
      const [r] = await t.db.query('SELECT id FROM interactions WHERE campaign_id = ?', [campaign]);
      return (r as unknown[]).length > 0;
    });
    // The agent walks away while the line rings: nobody is free when the debtor answers.
    expect(await emit(agent, 'agent.state-requested', { state: 'break', breakReason: 'rest' })).toEqual({
      ok: true,
    });
    const [row] = await until('the abandoned call', async () => {
      const [r] = await t.db.query(
        "SELECT outcome, answered_at, connected_at, stage FROM interactions WHERE campaign_id = ? AND stage = 'ended'",
        [campaign],
      );
      return (r as { outcome: string; connected_at: Date | null }[]).length > 0 && (r as never[]);
    });
    expect(row).toMatchObject({ outcome: 'abandoned', connected_at: null });
    expect(await engine.ctx.live.isPhoneBlocked('+573001110006')).toBe(true);
    // Back from the break, the number is not dialled again: the 72 h block holds.
    expect(await emit(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const [again] = await t.db.query('SELECT COUNT(*) AS n FROM interactions WHERE campaign_id = ?', [
      campaign,
    ]);
    expect(again).toEqual([{ n: 1 }]);
  });

  it('never lets two dials hold one account or one number at once', async () => {
    const entry = { accountId: '999', contactPointId: '1', phone: '+573009990000' };
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => engine.ctx.live.lockForDial(entry, `call-${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const sameNumber = { accountId: '1000', contactPointId: '2', phone: entry.phone };
    expect(await engine.ctx.live.lockForDial(sameNumber, 'other')).toBe(false);
  });

  it('refuses bad payloads and other roles on the agent channel', async () => {
    const agent = await connectAgent('a@dialer.test');
    const bad = await emit(agent, 'agent.state-requested', { state: 'dancing' as never });
    expect(bad).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
    const notMine = await emit(agent, 'call.hang-up-requested', { callId: '123456' });
    expect(notMine).toMatchObject({ ok: false, code: ErrorCode.Conflict });
    const token = await login(t.url, 'sup@dialer.test');
    const refused = await new Promise<HandshakeError>((resolve) => {
      const s = io(`${t.url}${AGENT_NAMESPACE}`, { auth: { token }, transports: ['websocket'] });
      s.once('connect_error', (error) => {
        s.disconnect();
        resolve((error as Error & { data: HandshakeError }).data);
      });
    });
    expect(refused.code).toBe(ErrorCode.Forbidden);
  });
});
