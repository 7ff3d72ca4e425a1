import type { DialerEngine, SimulatedCarrier } from '@recupera/dialer';
import {
  AGENT_NAMESPACE,
  ErrorCode,
  SUPERVISOR_NAMESPACE,
  type AgentStateView,
  type CallProgress,
  type CallView,
  type HandshakeError,
} from '@recupera/shared';
import { io } from 'socket.io-client';
import {
  DialerFixtures,
  EVERYONE_ANSWERS,
  WEDNESDAY_MORNING_IN_BOGOTA,
  emitWithAck,
  until,
} from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { CARRIER, DIALER_ENGINE } from './dialer.constant';

describe('Live dialer', () => {
  let t: TestApp;
  let engine: DialerEngine;
  let f: DialerFixtures;
  let ids: Record<string, string>;
  const startedAt = Date.now();

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.app.get<DialerEngine>(DIALER_ENGINE);
    // The floor's clock runs from Wednesday morning in Bogotá; queues and timers keep real time.
    engine.ctx.clock.now = () => new Date(WEDNESDAY_MORNING_IN_BOGOTA.getTime() + (Date.now() - startedAt));
    t.app.get<SimulatedCarrier>(CARRIER).useScenario(EVERYONE_ANSWERS);
    f = new DialerFixtures(t);
    await f.seed();
    ids = f.ids;
    await f.account('BOG-1', ids['p1'], ids['teamA'], 'America/Bogota', '+573001110001');
    await f.account('BOG-2', ids['p1'], ids['teamA'], 'America/Bogota', '+573001110002');
    await f.account('BOG-3', ids['p1'], ids['teamA'], 'America/Bogota', '+573001110003');
    await f.account('TYO-1', ids['p1'], ids['teamA'], 'Asia/Tokyo', '+573001110004');
    await f.account('TYO-2', ids['p1'], ids['teamA'], 'Asia/Tokyo', '+573001110005');
    await f.account('ABN-1', ids['p2'], ids['teamB'], 'America/Bogota', '+573001110006');
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('never dials a debtor outside their contact window, and works every debtor inside it once', async () => {
    const supervisor = io(`${t.url}${SUPERVISOR_NAMESPACE}`, {
      auth: { token: await login(t.url, 'sup@dialer.test') },
      transports: ['websocket'],
    });
    const floor: { progress: CallProgress[]; states: AgentStateView[] } = { progress: [], states: [] };
    supervisor.on('call.progressed', (p: CallProgress) => floor.progress.push(p));
    supervisor.on('agent.state-changed', (s: AgentStateView) => floor.states.push(s));
    await new Promise((resolve) => supervisor.once('connect', () => resolve(undefined)));
    const agent = await f.connectAgent('a@dialer.test');
    const connected: CallView[] = [];
    agent.on('call.connected', (call) => connected.push(call));
    // The agent's bot: take the call, let the debtor hang up, wrap up, be ready again.
    agent.on(
      'call.ended',
      (ended) =>
        void emitWithAck(agent, 'call.wrap-up-finished', {
          callId: ended.callId,
          dispositionCode: 'TITULAR',
        }),
    );
    expect(await emitWithAck(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    const campaign = await f.startCampaign('Ventana', ids['p1'], ids['teamA']);

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
    // Nothing is left to dial (Tokyo is deferred till morning): the ticks stop refilling for a while.
    await until('the idle refill', async () => engine.ctx.live.isRefillIdle(campaign));
    // The team's supervisor saw every stage of those calls and the agent's every move, as they happened.
    const stages = floor.progress.filter((p) => p.campaignId === campaign).map((p) => p.stage);
    expect(stages.filter((stage) => stage === 'connected')).toHaveLength(3);
    expect(stages.filter((stage) => stage === 'ended')).toHaveLength(3);
    expect(floor.states.filter((s) => s.agentId === ids['agentA']).map((s) => s.state)).toEqual(
      expect.arrayContaining(['available', 'on_call', 'wrap_up']),
    );
    supervisor.disconnect();

    // The agent opens the accounts the dialer put through to them, and no other of the team's.
    const agentToken = await login(t.url, 'a@dialer.test');
    expect((await api(t.url, 'GET', `/accounts/${ids['BOG-1']}`, { token: agentToken })).status).toBe(200);
    expect((await api(t.url, 'GET', `/accounts/${ids['TYO-1']}`, { token: agentToken })).status).toBe(404);
    const otherTeam = await login(t.url, 'b@dialer.test');
    expect((await api(t.url, 'GET', `/accounts/${ids['BOG-1']}`, { token: otherTeam })).status).toBe(404);
  });

  it('abandons a person no agent can take within 2 s, plays the message and blocks the number', async () => {
    t.app.get<SimulatedCarrier>(CARRIER).useScenario({
      ...EVERYONE_ANSWERS,
      answerTime: { kind: 'fixed', ms: 1_000 },
    });
    const agent = await f.connectAgent('b@dialer.test');
    expect(await emitWithAck(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    const campaign = await f.startCampaign('Abandono', ids['p2'], ids['teamB']);
    await until('a dial in flight', async () => {
      const [r] = await t.db.query('SELECT id FROM interactions WHERE campaign_id = ?', [campaign]);
      return (r as unknown[]).length > 0;
    });
    // The agent walks away while the line rings: nobody is free when the debtor answers.
    expect(
      await emitWithAck(agent, 'agent.state-requested', { state: 'break', breakReason: 'rest' }),
    ).toEqual({
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
    expect(await emitWithAck(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const [again] = await t.db.query('SELECT COUNT(*) AS n FROM interactions WHERE campaign_id = ?', [
      campaign,
    ]);
    expect(again).toEqual([{ n: 1 }]);
  });

  it('dials an account the agent asks for through the gate and puts the call through to them', async () => {
    // In the second portfolio, which no running campaign of team A works: only the agent dials it.
    await f.account('BOG-4', ids['p2'], ids['teamA'], 'America/Bogota', '+573001110007');
    await t.db.query('UPDATE accounts SET assigned_agent_id = ? WHERE id IN (?, ?)', [
      ids['agentA'],
      ids['TYO-2'],
      ids['BOG-4'],
    ]);
    const [points] = await t.db.query(
      'SELECT a.id AS account_id, cp.id FROM accounts a JOIN contact_points cp ON cp.debtor_id = a.debtor_id WHERE a.id IN (?, ?)',
      [ids['TYO-2'], ids['BOG-4']],
    );
    const pointOf = new Map(
      (points as { account_id: number; id: number }[]).map((p) => [String(p.account_id), String(p.id)]),
    );
    const agent = await f.connectAgent('a@dialer.test');
    expect(await emitWithAck(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    const dial = (accountId: string) =>
      new Promise<{ ok: boolean; callId?: string; message?: string }>((resolve) =>
        (agent.emit as (e: string, p: unknown, a: (r: never) => void) => void)(
          'call.dial-requested',
          { accountId, contactPointId: pointOf.get(accountId) },
          resolve,
        ),
      );
    // Midnight in Tokyo: the gate refuses, and says why.
    expect(await dial(ids['TYO-2'])).toMatchObject({ ok: false, message: 'outside_window' });
    const connected = new Promise<CallView>((resolve) => agent.once('call.connected', resolve));
    const placed = await dial(ids['BOG-4']);
    expect(placed).toMatchObject({ ok: true });
    const call = await connected;
    expect(call).toMatchObject({ callId: placed.callId, accountNumber: 'BOG-4' });
    expect(call.dispositions.length).toBeGreaterThan(0);
    const [rows] = await t.db.query('SELECT campaign_id, agent_id, outcome FROM interactions WHERE id = ?', [
      call.callId,
    ]);
    expect(rows).toEqual([{ campaign_id: null, agent_id: Number(ids['agentA']), outcome: 'human' }]);
    const ended = new Promise((resolve) => agent.once('call.ended', resolve));
    expect(await emitWithAck(agent, 'call.hang-up-requested', { callId: call.callId })).toEqual({ ok: true });
    await ended;
    // The agent's console from the first test is still open and wraps every call up as TITULAR.
    await until('the wrap-up', async () => {
      const [r] = await t.db.query(
        'SELECT d.code FROM interactions i JOIN dispositions d ON d.id = i.disposition_id WHERE i.id = ?',
        [call.callId],
      );
      return (r as unknown[]).length > 0;
    });
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
    const agent = await f.connectAgent('a@dialer.test');
    const bad = await emitWithAck(agent, 'agent.state-requested', { state: 'dancing' as never });
    expect(bad).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
    const notMine = await emitWithAck(agent, 'call.hang-up-requested', { callId: '123456' });
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
