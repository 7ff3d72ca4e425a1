import type { DialerEngine, SimulatedCarrier } from '@recupera/dialer';
import { DIALER_QUEUE, ErrorCode, WrapUpError, type CallEndedView, type CallView } from '@recupera/shared';
import { Queue } from 'bullmq';
import { bullConnection } from '../../redis/bull-connection.util';
import {
  DialerFixtures,
  EVERYONE_ANSWERS,
  WEDNESDAY_MORNING_IN_BOGOTA,
  emitWithAck,
  until,
  type AgentClient,
} from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { CARRIER, DIALER_ENGINE } from './dialer.constant';

/** What an agent records when a call ends: disposition, notes, a promise's agreement, a callback. */
describe('Wrap-up', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let agent: AgentClient;
  const startedAt = Date.now();
  const now = () => new Date(WEDNESDAY_MORNING_IN_BOGOTA.getTime() + (Date.now() - startedAt));
  const ended: CallEndedView[] = [];
  const connected: CallView[] = [];
  const seqs: number[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get<DialerEngine>(DIALER_ENGINE).ctx.clock.now = now;
    t.app
      .get<SimulatedCarrier>(CARRIER)
      .useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 600 } });
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('WR-1', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573002220001');
    await f.account('WR-2', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573002220002');
    agent = await f.connectAgent('a@dialer.test');
    for (const event of ['agent.state-changed', 'call.connected', 'call.ended'] as const)
      agent.on(event, (payload: { seq: number }) => seqs.push(payload.seq));
    agent.on('call.connected', (call) => connected.push(call));
    agent.on('call.ended', (call) => ended.push(call));
    await emitWithAck(agent, 'agent.state-requested', { state: 'available' });
    await f.startCampaign('Cierre', f.ids['p1'], f.ids['teamA']);
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('refuses a wrap-up that breaks a rule, keeps the agent in wrap-up, and stores a promise with its agreement', async () => {
    const call = await until('the first call to end', async () => ended[0]);
    expect(connected[0].dispositions.map((d) => d.code)).toEqual(['VOLVER', 'PROMESA', 'TITULAR']);
    const refused = async (
      payload: Parameters<typeof emitWithAck<'call.wrap-up-finished'>>[2],
      reason: WrapUpError,
    ) =>
      expect(await emitWithAck(agent, 'call.wrap-up-finished', payload)).toEqual({
        ok: false,
        code: ErrorCode.ValidationFailed,
        message: reason,
      });
    // Wrap-up ends with a disposition: asking to be available (or on a break) is refused.
    expect(await emitWithAck(agent, 'agent.state-requested', { state: 'available' })).toMatchObject({
      ok: false,
      code: ErrorCode.Conflict,
    });
    await refused({ callId: call.callId, dispositionCode: 'INVENTADO' }, WrapUpError.UnknownDisposition);
    await refused({ callId: call.callId, dispositionCode: 'VOLVER' }, WrapUpError.CallbackRequired);
    await refused({ callId: call.callId, dispositionCode: 'PROMESA' }, WrapUpError.AgreementRequired);
    const malformed = await emitWithAck(agent, 'call.wrap-up-finished', {
      callId: call.callId,
      dispositionCode: 'TITULAR',
      notes: 'x'.repeat(2_001),
    });
    expect(malformed).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
    const [state] = await t.db.query(
      'SELECT state FROM agent_state_changes WHERE agent_id = ? ORDER BY id DESC LIMIT 1',
      [f.ids['agentA']],
    );
    expect(state).toEqual([{ state: 'wrap_up' }]);

    const accountId = connected[0].accountId;
    const token = await login(t.url, 'a@dialer.test');
    const agreement = await api(t.url, 'POST', `/accounts/${accountId}/agreements`, {
      token,
      body: {
        waiverMinor: 0,
        downPaymentMinor: 50_000,
        installments: 3,
        frequency: 'monthly',
        firstDueDate: new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10),
        interactionId: call.callId,
      },
    });
    expect(agreement.status).toBe(201);
    expect(
      await emitWithAck(agent, 'call.wrap-up-finished', {
        callId: call.callId,
        dispositionCode: 'PROMESA',
        notes: '  Paga el 15 con la prima  ',
      }),
    ).toEqual({ ok: true });
    const [rows] = await t.db.query(
      `SELECT d.code, i.notes, a.last_disposition_code, i.wrap_seconds >= 0 AS wrapped FROM interactions i
         JOIN dispositions d ON d.id = i.disposition_id JOIN accounts a ON a.id = i.account_id WHERE i.id = ?`,
      [call.callId],
    );
    expect(rows).toEqual([
      { code: 'PROMESA', notes: 'Paga el 15 con la prima', last_disposition_code: 'PROMESA', wrapped: 1 },
    ]);
  });

  it('numbers every event to the agent, and a snapshot says the number it is current to', async () => {
    await until('a few events', async () => seqs.length >= 6);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    const snapshot = await new Promise<{ seq: number; state: { agentId: string } }>((resolve) =>
      (agent.emit as (e: string, p: unknown, ack: (r: never) => void) => void)(
        'agent.snapshot-requested',
        {},
        resolve,
      ),
    );
    expect(snapshot.state.agentId).toBe(f.ids['agentA']);
    expect(snapshot.seq).toBeGreaterThanOrEqual(seqs[seqs.length - 1]);
  });

  it('schedules a callback for the agent as a delayed job at the asked time', async () => {
    const call = await until('the second call to end', async () => ended[1]);
    const at = new Date(now().getTime() + 3_600_000);
    const tooLate = new Date(now().getTime() + 31 * 86_400_000);
    expect(
      await emitWithAck(agent, 'call.wrap-up-finished', {
        callId: call.callId,
        dispositionCode: 'VOLVER',
        callback: { at: tooLate.toISOString(), assignTo: 'me' },
      }),
    ).toMatchObject({ ok: false, message: WrapUpError.CallbackOutOfRange });
    expect(
      await emitWithAck(agent, 'call.wrap-up-finished', {
        callId: call.callId,
        dispositionCode: 'VOLVER',
        callback: { at: at.toISOString(), assignTo: 'me' },
      }),
    ).toEqual({ ok: true });
    const [callbacks] = await t.db.query(
      'SELECT id, agent_id, status, due_at FROM callbacks WHERE interaction_id = ?',
      [call.callId],
    );
    const callback = (callbacks as { id: number; agent_id: number; status: string; due_at: Date }[])[0];
    expect(callback).toMatchObject({ agent_id: Number(f.ids['agentA']), status: 'scheduled' });
    expect(callback.due_at.getTime()).toBe(at.getTime());
    const queue = new Queue(DIALER_QUEUE, {
      connection: bullConnection(t.config.redisUrl),
      prefix: t.config.queuePrefix,
    });
    try {
      const job = await queue.getJob(`callback-${callback.id}`);
      expect(job?.name).toBe('callback.due');
      expect(await job?.getState()).toBe('delayed');
      expect(job?.opts.delay).toBeGreaterThan(3_590_000);
    } finally {
      await queue.close();
    }
  });
});
