import type { DialerEngine, SimulatedCarrier } from '@recupera/dialer';
import {
  DIALER_QUEUE,
  ErrorCode,
  type AckResult,
  type AgentSnapshot,
  type AgentStateView,
  type CallControlsChanged,
  type CallEndedView,
  type CallView,
  type PreviewView,
  type SupervisorClientToServerEvents,
  type TransferRequested,
  type WrapUpExpired,
  type WrapUpOverdue,
} from '@recupera/shared';
import { Queue } from 'bullmq';
import { bullConnection } from '../../redis/bull-connection.util';
import {
  DialerFixtures,
  EVERYONE_ANSWERS,
  WEDNESDAY_MORNING_IN_BOGOTA,
  emitWithAck,
  until,
  type AgentClient,
  type SupervisorClient,
} from '../../testing/dialer-fixtures.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { CARRIER, DIALER_ENGINE } from './dialer.constant';

function supervisorAck<E extends keyof SupervisorClientToServerEvents>(
  socket: SupervisorClient,
  event: E,
  payload: Parameters<SupervisorClientToServerEvents[E]>[0],
): Promise<AckResult> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(event, payload, resolve);
  });
}

function snapshotOf(agent: AgentClient): Promise<AgentSnapshot> {
  return new Promise((resolve) =>
    (agent.emit as (e: string, p: unknown, ack: (r: AgentSnapshot) => void) => void)(
      'agent.snapshot-requested',
      {},
      resolve,
    ),
  );
}

/** Everything an agent does around a call besides talking: switches, transfers, limits, previews, callbacks. */
describe('Agent workspace on the live dialer', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let carrier: SimulatedCarrier;
  let engine: DialerEngine;
  let agent: AgentClient;
  let supervisor: SupervisorClient;
  let outsider: SupervisorClient;
  let admin: string;
  const startedAt = Date.now();
  const now = () => new Date(WEDNESDAY_MORNING_IN_BOGOTA.getTime() + (Date.now() - startedAt));
  const seen = {
    connected: [] as CallView[],
    ended: [] as CallEndedView[],
    controls: [] as CallControlsChanged[],
    states: [] as AgentStateView[],
    previews: [] as PreviewView[],
    expired: [] as WrapUpExpired[],
    transfers: [] as TransferRequested[],
    outsiderTransfers: [] as TransferRequested[],
    overdue: [] as WrapUpOverdue[],
    transferEnded: [] as string[],
  };

  async function interaction(callId: string): Promise<Record<string, unknown>> {
    const [rows] = await t.db.query(
      `SELECT stage, end_reason, transferred_to, disposition_id, dialed_at IS NOT NULL AS dialed, agent_id
         FROM interactions WHERE id = ?`,
      [callId],
    );
    return (rows as Record<string, unknown>[])[0];
  }

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.app.get<DialerEngine>(DIALER_ENGINE);
    engine.ctx.clock.now = now;
    carrier = t.app.get<SimulatedCarrier>(CARRIER);
    carrier.useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 120_000 } });
    f = new DialerFixtures(t);
    await f.seed();
    for (const n of [1, 2, 3])
      await f.account(`WS-${n}`, f.ids['p1'], f.ids['teamA'], 'America/Bogota', `+57300333000${n}`);
    for (const n of [1, 2])
      await f.account(`PV-${n}`, f.ids['p2'], f.ids['teamA'], 'America/Bogota', `+57300444000${n}`);
    await f.account('CB-1', f.ids['p1'], f.ids['teamB'], 'America/Bogota', '+573005550001');
    const teamC = await f.insertId('INSERT INTO teams (name) VALUES (?)', ['teamC']);
    const outsiderId = await insertUser(t.db, { email: 'sup.c@dialer.test', role: 'supervisor' });
    await t.db.query('UPDATE teams SET supervisor_id = ? WHERE id = ?', [outsiderId, teamC]);
    admin = await login(t.url, 'admin@dialer.test');

    agent = await f.connectAgent('a@dialer.test');
    agent.on('call.connected', (c) => seen.connected.push(c));
    agent.on('call.ended', (c) => seen.ended.push(c));
    agent.on('call.controls-changed', (c) => seen.controls.push(c));
    agent.on('agent.state-changed', (s) => seen.states.push(s));
    agent.on('preview.offered', (p) => seen.previews.push(p));
    agent.on('call.wrap-up-expired', (e) => seen.expired.push(e));
    supervisor = await f.connectSupervisor('sup@dialer.test');
    supervisor.on('call.transfer-requested', (r) => seen.transfers.push(r));
    supervisor.on('agent.wrap-up-overdue', (o) => seen.overdue.push(o));
    supervisor.on('call.transfer-ended', (e) => seen.transferEnded.push(e.callId));
    outsider = await f.connectSupervisor('sup.c@dialer.test');
    outsider.on('call.transfer-requested', (r) => seen.outsiderTransfers.push(r));
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  let progressive = '';

  it('holds and mutes a connected call, and a snapshot shows the switches', async () => {
    progressive = await f.startCampaign('Mesa', f.ids['p1'], f.ids['teamA'], {
      wrapUpLimitSeconds: 10,
      wrapUpOverrun: 'alert',
    });
    await emitWithAck(agent, 'agent.state-requested', { state: 'available' });
    const call = await until('a call to connect', async () => seen.connected[0]);
    expect(call.controls).toEqual({ held: false, muted: false, transfer: 'none' });
    expect(call.wrapUpLimitSeconds).toBe(10);

    expect(await emitWithAck(agent, 'call.hold-requested', { callId: call.callId, on: true })).toEqual({
      ok: true,
    });
    expect(await emitWithAck(agent, 'call.mute-requested', { callId: call.callId, on: true })).toEqual({
      ok: true,
    });
    await until('both switches to be heard', async () => seen.controls.length >= 2);
    expect(seen.controls.map((c) => [c.held, c.muted])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect((await snapshotOf(agent)).call?.controls).toEqual({ held: true, muted: true, transfer: 'none' });
    expect(await emitWithAck(agent, 'call.hold-requested', { callId: call.callId, on: false })).toEqual({
      ok: true,
    });
    const refused = await emitWithAck(agent, 'call.hold-requested', { callId: '999999', on: true });
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.Conflict });
    const malformed = await emitWithAck(agent, 'call.mute-requested', {
      callId: call.callId,
      on: 'yes' as never,
    });
    expect(malformed).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
  });

  it("hands the call to the team's supervisor, who alone may take it, and alerts them past the wrap-up limit", async () => {
    const call = seen.connected[0];
    expect(await emitWithAck(agent, 'call.transfer-requested', { callId: call.callId })).toEqual({
      ok: true,
    });
    const request = await until('the transfer request', async () => seen.transfers[0]);
    expect(request).toMatchObject({
      agentId: f.ids['agentA'],
      teamId: f.ids['teamA'],
      call: { callId: call.callId },
    });
    expect(request.agentName).toBe('a');
    expect(await emitWithAck(agent, 'call.transfer-requested', { callId: call.callId })).toMatchObject({
      ok: false,
      code: ErrorCode.Conflict,
    });

    expect(await supervisorAck(outsider, 'call.transfer-accepted', { callId: call.callId })).toMatchObject({
      ok: false,
      code: ErrorCode.Conflict,
    });
    expect(seen.outsiderTransfers).toEqual([]);
    expect(await supervisorAck(supervisor, 'call.transfer-accepted', { callId: call.callId })).toEqual({
      ok: true,
    });

    const ended = await until('the agent to leave the call', async () => seen.ended[0]);
    expect(ended).toMatchObject({ callId: call.callId, endedBy: 'transfer' });
    expect(seen.controls.at(-1)).toMatchObject({ callId: call.callId, transfer: 'taken' });
    expect(seen.states.at(-1)).toMatchObject({ state: 'wrap_up', callId: call.callId });
    expect(await interaction(call.callId)).toMatchObject({ transferred_to: Number(f.ids['sup']) });
    // The call is the supervisor's now: the agent cannot end it, the supervisor can.
    expect(await emitWithAck(agent, 'call.hang-up-requested', { callId: call.callId })).toMatchObject({
      ok: false,
    });
    expect(await supervisorAck(outsider, 'call.hang-up-requested', { callId: call.callId })).toMatchObject({
      ok: false,
    });
    expect(await supervisorAck(supervisor, 'call.hang-up-requested', { callId: call.callId })).toEqual({
      ok: true,
    });
    await until('the supervisor to hear the call ended', async () =>
      seen.transferEnded.includes(call.callId),
    );

    const overdue = await until('the wrap-up alert', async () => seen.overdue[0], 20_000);
    expect(overdue).toMatchObject({ agentId: f.ids['agentA'], callId: call.callId, limitSeconds: 10 });
    expect((await snapshotOf(agent)).state.state).toBe('wrap_up');
  });

  it('frees an agent by itself when the campaign says so, closing the wrap-up without a disposition', async () => {
    const token = admin;
    expect((await api(t.url, 'POST', `/campaigns/${progressive}/pause`, { token })).status).toBe(200);
    const edited = await api(t.url, 'PATCH', `/campaigns/${progressive}`, {
      token,
      body: { wrapUpOverrun: 'auto_available' },
    });
    expect(edited.status).toBe(200);
    expect(
      await emitWithAck(agent, 'call.wrap-up-finished', {
        callId: seen.connected[0].callId,
        dispositionCode: 'TITULAR',
      }),
    ).toEqual({ ok: true });
    carrier.useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 500 } });
    expect((await api(t.url, 'POST', `/campaigns/${progressive}/resume`, { token })).status).toBe(200);

    const call = await until('the second call to end', async () => seen.ended[1]);
    expect((await api(t.url, 'POST', `/campaigns/${progressive}/pause`, { token })).status).toBe(200);
    const expired = await until('the wrap-up to expire', async () => seen.expired[0], 20_000);
    expect(expired).toEqual(expect.objectContaining({ callId: call.callId, limitSeconds: 10 }));
    expect(seen.states.at(-1)).toMatchObject({ state: 'available' });
    expect(await interaction(call.callId)).toMatchObject({
      end_reason: 'wrap_expired',
      disposition_id: null,
    });
  });

  it('previews an account before dialling: a skip is recorded with its reason, a dial reaches the agent', async () => {
    carrier.useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 120_000 } });
    await f.startCampaign('Revisión', f.ids['p2'], f.ids['teamA'], {
      dialMode: 'preview',
      wrapUpLimitSeconds: null,
    });
    const first = await until('a preview', async () => seen.previews[0]);
    expect(first.accountNumber).toMatch(/^PV-/);
    expect(seen.states.at(-1)).toMatchObject({ state: 'preview', callId: first.callId });
    expect((await snapshotOf(agent)).preview).toMatchObject({
      callId: first.callId,
      accountId: first.accountId,
    });
    expect(await interaction(first.callId)).toMatchObject({ stage: 'preview', dialed: 0 });

    expect(
      await emitWithAck(agent, 'preview.skip-requested', {
        callId: first.callId,
        reason: 'made_up' as never,
      }),
    ).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
    expect(
      await emitWithAck(agent, 'preview.skip-requested', {
        callId: first.callId,
        reason: 'payment_in_progress',
      }),
    ).toEqual({ ok: true });
    expect(await interaction(first.callId)).toMatchObject({
      stage: 'skipped',
      end_reason: 'payment_in_progress',
      dialed: 0,
    });

    const second = await until('the next preview', async () => seen.previews[1]);
    expect(second.accountId).not.toBe(first.accountId);
    expect(seen.connected).toHaveLength(2);
    const dialled = await new Promise<AckResult & { callId?: string }>((resolve) =>
      (agent.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(
        'preview.dial-requested',
        { callId: second.callId },
        resolve,
      ),
    );
    expect(dialled).toEqual({ ok: true, callId: second.callId });
    const connected = await until('the previewed call to connect', async () => seen.connected[2]);
    expect(connected).toMatchObject({ callId: second.callId, accountId: second.accountId });
    expect(await interaction(second.callId)).toMatchObject({ dialed: 1, agent_id: Number(f.ids['agentA']) });
    expect(await emitWithAck(agent, 'call.hang-up-requested', { callId: second.callId })).toEqual({
      ok: true,
    });
  });

  it('keeps a callback for its agent until they are free, then dials it for them and nobody else', async () => {
    const agentB = await f.connectAgent('b@dialer.test');
    const connectedB: CallView[] = [];
    agentB.on('call.connected', (c) => connectedB.push(c));
    await emitWithAck(agentB, 'agent.state-requested', { state: 'break', breakReason: 'rest' });
    // The segment leaves CB-1 out of the hopper: only the callback can bring it to the agent.
    await f.startCampaign('Retorno', f.ids['p1'], f.ids['teamB'], { segment: { daysPastDueMin: 90 } });
    const callbackId = await f.insertId(
      `INSERT INTO callbacks (account_id, agent_id, team_id, due_at, status, created_by)
       VALUES (?, ?, ?, ?, 'scheduled', ?)`,
      [f.ids['CB-1'], f.ids['agentB'], f.ids['teamB'], now(), f.ids['agentB']],
    );
    const queue = new Queue(DIALER_QUEUE, {
      connection: bullConnection(t.config.redisUrl),
      prefix: t.config.queuePrefix,
    });
    try {
      await queue.add('callback.due', { callbackId }, { jobId: `callback-${callbackId}` });
      const fallback = await until('the fallback to the team', () =>
        queue.getJob(`callback-fallback-${callbackId}`),
      );
      expect(await fallback.getState()).toBe('delayed');
      expect(fallback.opts.delay).toBe(15 * 60_000);
    } finally {
      await queue.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connectedB).toEqual([]);

    await emitWithAck(agentB, 'agent.state-requested', { state: 'available' });
    const call = await until("the callback on the agent's line", async () => connectedB[0]);
    expect(call.accountId).toBe(f.ids['CB-1']);
    const [rows] = await t.db.query('SELECT status FROM callbacks WHERE id = ?', [callbackId]);
    // Taken off the schedule the moment it was dialled, and done once the debtor was reached.
    expect(rows).toEqual([{ status: 'done' }]);
    // Delivered: the fallback finds nothing left to hand to the team.
    expect(await engine.callbacks.fallback(callbackId)).toBe(0);
  });
});
