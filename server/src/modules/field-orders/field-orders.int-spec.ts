import { getQueueToken } from '@nestjs/bullmq';
import {
  FIELD_ORDERS_QUEUE,
  compareFieldOrders,
  type FieldOrderResponse,
  type FieldOrderSummary,
  type GenerateFieldOrdersResponse,
  type ImportUtilityBillsResponse,
  type Page,
  type UtilityRulesResponse,
} from '@recupera/shared';
import type { Queue } from 'bullmq';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

type Row = Record<string, unknown>;

/**
 * A Colombian water utility billing monthly, whose rule asks for 4 unpaid bills (Ley 142 caps it at
 * 3), with a reconnection fee of 25 000,00 COP that strata 1 and 2 do not pay. Every account has the
 * same three bills of 40 000 (January to March 2025, long overdue), so its balance says how many are
 * unpaid: 120 000 is three, 80 000 two. Crew A covers "Zona 1"; crew B none.
 *
 *   U-1  Zona 1, stratum 1, 120 000, team 1        → suspension, straight to crew A
 *   U-2  Zona 1, stratum 3,  80 000, team 1        → nothing (two bills)
 *   U-3  Zona 2, stratum 4, 120 000, team 1        → suspension, pending
 *   U-4  Zona 1, 120 000, in agreement, team 1     → nothing
 *   U-5  Zona 3, 120 000, team 2                   → suspension, outside supervisor 1's teams
 */
describe('Field orders (utility suspension and reconnection)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const orderOf: Record<string, string> = {};

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async function rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    const [result] = await t.db.query(sql, params);
    return result as Row[];
  }

  async function account(
    number: string,
    opts: { zona: string; balance: number; team: string; status?: string; portfolio?: string },
  ): Promise<string> {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, 'America/Bogota', 'CO')",
      [ids['client'], number, `Titular ${number}`],
    );
    await t.db.query("INSERT INTO contact_points (debtor_id, type, value) VALUES (?, 'address', ?)", [
      debtor,
      `Calle ${number.slice(2)} # 10-20`,
    ]);
    ids[number] = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, sector, zona, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', ?, ?, 60, '31-60', 'Residencial', ?, ?, ?)`,
      [
        ids['client'],
        opts.portfolio ?? ids['utility'],
        debtor,
        number,
        opts.balance,
        opts.balance,
        opts.zona,
        opts.status ?? 'active',
        opts.team,
      ],
    );
    return ids[number];
  }

  const bills = (number: string, stratum: number | null) =>
    ['2025-01', '2025-02', '2025-03'].map((period, i) => ({
      accountNumber: number,
      period,
      amountMinor: 40_000,
      dueDate: `2025-0${i + 2}-10`,
      ...(stratum === null ? {} : { stratum }),
    }));

  const ordersOf = (number: string) =>
    rows(
      `SELECT id, kind, state, cause, cause_ref, route, crew_id, unpaid_bills, fee_minor, currency, due_at, created_at,
              close_reason FROM field_orders WHERE account_id = ? ORDER BY id`,
      [ids[number]],
    );

  const serviceState = async (number: string) =>
    (await rows('SELECT service_state FROM utility_services WHERE account_id = ?', [ids[number]]))[0]?.[
      'service_state'
    ];

  const report = (id: string, token: string, body: Record<string, unknown>) =>
    api<FieldOrderResponse>(t.url, 'POST', `/field-orders/${id}/outcome`, { token, body });

  /** What payments posting does after its transaction: the account is settled, then the event. */
  async function settle(number: string, balance: number, status: string, paymentId: string, at = new Date()) {
    await t.db.query('UPDATE accounts SET balance_minor = ?, status = ? WHERE id = ?', [
      balance,
      status,
      ids[number],
    ]);
    await t.app.get(LifecycleEvents).emit('payment.applied', {
      accountId: ids[number],
      paymentId,
      amountMinor: 120_000 - balance,
      balanceMinor: balance,
      status: status as 'paid' | 'active',
      at,
    });
  }

  beforeAll(async () => {
    t = await startTestApp({ runDialer: false });
    ids['client'] = await insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('AGV', 'Aguas del Valle ESP', 'CO', 'COP')",
    );
    ids['utility'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Acueducto', 'temprana', 'utility', 'COP', 'CO')",
      [ids['client']],
    );
    ids['banking'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Créditos', 'temprana', 'banking', 'COP', 'CO')",
      [ids['client']],
    );
    ids['sup1'] = await insertUser(t.db, { email: 'sup1@agv.co', role: 'supervisor' });
    ids['sup2'] = await insertUser(t.db, { email: 'sup2@agv.co', role: 'supervisor' });
    ids['team1'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('Cartera 1', ?)", [
      ids['sup1'],
    ]);
    ids['team2'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('Cartera 2', ?)", [
      ids['sup2'],
    ]);
    ids['crewA'] = await insertUser(t.db, { email: 'crew.a@agv.co', role: 'field', fullName: 'Cuadrilla A' });
    ids['crewB'] = await insertUser(t.db, { email: 'crew.b@agv.co', role: 'field', fullName: 'Cuadrilla B' });
    await insertUser(t.db, { email: 'boss@agv.co', role: 'manager' });
    await insertUser(t.db, { email: 'agent@agv.co', role: 'agent', teamId: ids['team1'] });
    for (const email of ['sup1', 'boss', 'agent']) tokens[email] = await login(t.url, `${email}@agv.co`);
    tokens['crewA'] = await login(t.url, 'crew.a@agv.co');
    tokens['crewB'] = await login(t.url, 'crew.b@agv.co');

    await account('U-1', { zona: 'Zona 1', balance: 120_000, team: ids['team1'] });
    await account('U-2', { zona: 'Zona 1', balance: 80_000, team: ids['team1'] });
    await account('U-3', { zona: 'Zona 2', balance: 120_000, team: ids['team1'] });
    await account('U-4', { zona: 'Zona 1', balance: 120_000, team: ids['team1'], status: 'in_agreement' });
    await account('U-5', { zona: 'Zona 3', balance: 120_000, team: ids['team2'] });
    await account('B-1', { zona: 'Zona 1', balance: 120_000, team: ids['team1'], portfolio: ids['banking'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it("sets the client's rule and shows Ley 142's cap of 3 monthly periods beside it", async () => {
    const bad = await api(t.url, 'PUT', `/utility-rules/${ids['client']}`, {
      token: tokens['boss'],
      body: {
        billingPeriod: 'weekly',
        unpaidBillsToSuspend: 0,
        suspensionDueHours: 48,
        reconnectionFeeMinor: 1,
      },
    });
    expect(bad.status).toBe(400);
    const forbidden = await api(t.url, 'PUT', `/utility-rules/${ids['client']}`, {
      token: tokens['sup1'],
      body: {
        billingPeriod: 'monthly',
        unpaidBillsToSuspend: 4,
        suspensionDueHours: 48,
        reconnectionFeeMinor: 0,
      },
    });
    expect(forbidden.status).toBe(403);
    const set = await api<UtilityRulesResponse>(t.url, 'PUT', `/utility-rules/${ids['client']}`, {
      token: tokens['boss'],
      body: {
        billingPeriod: 'monthly',
        unpaidBillsToSuspend: 4,
        suspensionDueHours: 48,
        reconnectionFeeMinor: 2_500_000,
      },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual(
      expect.objectContaining({
        unpaidBillsToSuspend: 4,
        protectedStrata: null,
        currency: 'COP',
        jurisdictionRules: [
          expect.objectContaining({ jurisdiction: 'CO', maxUnpaidBills: 3, protectedStrata: [1, 2] }),
        ],
      }),
    );
  });

  it('loads the bills with their strata, upserting by account and period, and refuses a banking account', async () => {
    const body = {
      clientId: ids['client'],
      bills: [
        ...bills('U-1', 1),
        ...bills('U-2', 3),
        ...bills('U-3', 4),
        ...bills('U-4', null),
        ...bills('U-5', null),
        ...bills('B-1', null),
      ],
    };
    const first = await api<ImportUtilityBillsResponse>(t.url, 'POST', '/utility-bills', {
      token: tokens['boss'],
      body,
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ inserted: 15, updated: 0, unknownAccounts: ['B-1'] });
    const again = await api<ImportUtilityBillsResponse>(t.url, 'POST', '/utility-bills', {
      token: tokens['boss'],
      body: { clientId: ids['client'], bills: bills('U-1', 1) },
    });
    expect(again.body).toEqual({ inserted: 0, updated: 3, unknownAccounts: [] });
    const badPeriod = await api(t.url, 'POST', '/utility-bills', {
      token: tokens['boss'],
      body: { clientId: ids['client'], bills: [{ ...bills('U-1', 1)[0], period: '2025-13' }] },
    });
    expect(badPeriod.status).toBe(400);
    expect(await rows('SELECT stratum FROM utility_services WHERE account_id = ?', [ids['U-1']])).toEqual([
      { stratum: 1 },
    ]);
  });

  it('gives crew A the route "Zona 1"', async () => {
    const set = await api(t.url, 'PUT', `/field-crews/${ids['crewA']}/routes`, {
      token: tokens['sup1'],
      body: { clientId: ids['client'], routes: ['Zona 1', ' Zona 1 '] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual(
      expect.objectContaining({ routes: [{ clientId: ids['client'], route: 'Zona 1' }] }),
    );
    const notACrew = await api(t.url, 'PUT', `/field-crews/${ids['sup1']}/routes`, {
      token: tokens['sup1'],
      body: { clientId: ids['client'], routes: ['Zona 2'] },
    });
    expect(notACrew.status).toBe(404);
  });

  it('generates suspensions through the queued job for 3 unpaid bills (the cap, not the 4 asked), once', async () => {
    const queue = t.app.get<Queue>(getQueueToken(FIELD_ORDERS_QUEUE));
    const job = await queue.add('field-orders.reconcile', {});
    const deadline = Date.now() + 20_000;
    while ((await job.getState()) !== 'completed') {
      if (Date.now() > deadline) throw new Error(`reconcile job is ${await job.getState()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const [u1] = await ordersOf('U-1');
    expect(u1).toEqual(
      expect.objectContaining({
        kind: 'suspension',
        state: 'assigned',
        cause: 'unpaid_bills',
        route: 'Zona 1',
        crew_id: Number(ids['crewA']),
        unpaid_bills: 3,
        fee_minor: 0,
      }),
    );
    // Due 48 h after it was issued (the client's suspensionDueHours).
    const issued = await api<FieldOrderResponse>(t.url, 'GET', `/field-orders/${String(u1['id'])}`, {
      token: tokens['boss'],
    });
    expect(Date.parse(issued.body.dueAt) - Date.parse(issued.body.createdAt)).toBe(48 * 3_600_000);
    expect(await ordersOf('U-3')).toEqual([
      expect.objectContaining({ state: 'pending', route: 'Zona 2', crew_id: null }),
    ]);
    expect(await ordersOf('U-5')).toEqual([expect.objectContaining({ state: 'pending', route: 'Zona 3' })]);
    expect(await ordersOf('U-2')).toEqual([]);
    expect(await ordersOf('U-4')).toEqual([]);
    orderOf['U-1'] = String(u1['id']);
    orderOf['U-3'] = String((await ordersOf('U-3'))[0]['id']);
    orderOf['U-5'] = String((await ordersOf('U-5'))[0]['id']);

    const second = await api<GenerateFieldOrdersResponse>(t.url, 'POST', '/field-orders/generate', {
      token: tokens['boss'],
    });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(
      expect.objectContaining({ suspensionsCreated: 0, suspensionsCancelled: 0, reconnectionsCreated: 0 }),
    );
    expect(await rows("SELECT COUNT(*) AS n FROM field_orders WHERE kind = 'suspension'")).toEqual([
      { n: 3 },
    ]);
    expect(await rows("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'field-order.created'")).toEqual(
      [{ n: 3 }],
    );
    expect((await api(t.url, 'POST', '/field-orders/generate', { token: tokens['sup1'] })).status).toBe(403);
  });

  it('lets crew A execute its own order, with time and notes, and cuts the service', async () => {
    const mine = await api<FieldOrderResponse[]>(t.url, 'GET', '/field-orders/mine', {
      token: tokens['crewA'],
    });
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: orderOf['U-1'],
        accountNumber: 'U-1',
        debtorName: 'Titular U-1',
        address: 'Calle 1 # 10-20',
        stratum: 1,
        overdue: false,
      }),
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await report(orderOf['U-1'], tokens['crewA'], { outcome: 'executed', occurredAt: future })).status,
    ).toBe(400);
    expect(
      (
        await report(orderOf['U-1'], tokens['crewA'], {
          outcome: 'failed',
          occurredAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await report(orderOf['U-1'], tokens['crewA'], {
          outcome: 'done',
          occurredAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(400);

    const before = await api(t.url, 'POST', `/field-orders/${orderOf['U-1']}/outcome`, {
      token: tokens['crewA'],
      body: { outcome: 'executed', occurredAt: '2020-01-01T00:00:00.000Z' },
    });
    expect(before.status).toBe(400);
    const at = new Date().toISOString();
    const done = await report(orderOf['U-1'], tokens['crewA'], {
      outcome: 'executed',
      occurredAt: at,
      notes: 'Medidor sellado',
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual(
      expect.objectContaining({ state: 'executed', executedAt: at, closedAt: at, notes: 'Medidor sellado' }),
    );
    expect(await serviceState('U-1')).toBe('suspended');
    expect(
      (await report(orderOf['U-1'], tokens['crewA'], { outcome: 'executed', occurredAt: at })).status,
    ).toBe(409);
    expect(
      await rows(
        "SELECT actor_id, action FROM audit_events WHERE entity_type = 'field_order' AND entity_id = ? ORDER BY id",
        [orderOf['U-1']],
      ),
    ).toEqual([
      { actor_id: null, action: 'field-order.created' },
      { actor_id: Number(ids['crewA']), action: 'field-order.executed' },
    ]);
  });

  it("refuses another crew's order with a 404, and other roles with a 403", async () => {
    expect((await api(t.url, 'GET', '/field-orders/mine', { token: tokens['crewB'] })).body).toEqual([]);
    expect(
      (
        await report(orderOf['U-3'], tokens['crewB'], {
          outcome: 'executed',
          occurredAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(t.url, 'GET', `/field-orders/${orderOf['U-1']}`, { token: tokens['crewB'] })).status,
    ).toBe(404);
    expect((await api(t.url, 'GET', '/field-orders/mine', { token: tokens['agent'] })).status).toBe(403);
    expect((await api(t.url, 'GET', '/field-orders', { token: tokens['crewA'] })).status).toBe(403);
  });

  it("lists a supervisor's teams' orders overdue first, counts them by state and age, and assigns them", async () => {
    // U-3's order is now overdue; U-5's belongs to team 2.
    await t.db.query('UPDATE field_orders SET due_at = UTC_TIMESTAMP(3) - INTERVAL 1 HOUR WHERE id = ?', [
      orderOf['U-3'],
    ]);
    const now = new Date();
    const list = await api<Page<FieldOrderResponse>>(t.url, 'GET', '/field-orders', {
      token: tokens['sup1'],
    });
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((o) => o.id)).toEqual([orderOf['U-3'], orderOf['U-1']]);
    expect(list.body.items.map((o) => o.id)).toEqual(
      [...list.body.items].sort(compareFieldOrders(now)).map((o) => o.id),
    );
    expect(list.body.items[0]).toEqual(expect.objectContaining({ overdue: true, state: 'pending' }));
    const overdueOnly = await api<Page<FieldOrderResponse>>(
      t.url,
      'GET',
      '/field-orders?overdue=true&route=Zona%202',
      {
        token: tokens['sup1'],
      },
    );
    expect(overdueOnly.body.items.map((o) => o.id)).toEqual([orderOf['U-3']]);

    const all = await api<Page<FieldOrderResponse>>(t.url, 'GET', '/field-orders?kind=suspension', {
      token: tokens['boss'],
    });
    expect(all.body.total).toBe(3);

    const summary = await api<FieldOrderSummary>(t.url, 'GET', '/field-orders/summary', {
      token: tokens['sup1'],
    });
    expect(summary.body).toEqual(
      expect.objectContaining({
        byState: { pending: 1, assigned: 0, executed: 1, failed: 0, cancelled: 0 },
        overdue: 1,
        byAge: [
          { bucket: '0-24h', open: 1, overdue: 1 },
          { bucket: '1-3d', open: 0, overdue: 0 },
          { bucket: '3-7d', open: 0, overdue: 0 },
          { bucket: '7d+', open: 0, overdue: 0 },
        ],
        byRoute: [{ route: 'Zona 2', open: 1, overdue: 1 }],
      }),
    );

    const outside = await api(t.url, 'POST', '/field-orders/assignments', {
      token: tokens['sup1'],
      body: { orderIds: [orderOf['U-3'], orderOf['U-5']], crewId: ids['crewB'] },
    });
    expect(outside.status).toBe(404);
    const toSupervisor = await api(t.url, 'POST', '/field-orders/assignments', {
      token: tokens['sup1'],
      body: { orderIds: [orderOf['U-3']], crewId: ids['sup1'] },
    });
    expect(toSupervisor.status).toBe(404);
    const closed = await api(t.url, 'POST', '/field-orders/assignments', {
      token: tokens['sup1'],
      body: { orderIds: [orderOf['U-1']], crewId: ids['crewB'] },
    });
    expect(closed.status).toBe(409);
    const assigned = await api(t.url, 'POST', '/field-orders/assignments', {
      token: tokens['sup1'],
      body: { orderIds: [orderOf['U-3']], crewId: ids['crewB'] },
    });
    expect(assigned.body).toEqual({ assigned: 1 });
    const crewB = await api<FieldOrderResponse[]>(t.url, 'GET', '/field-orders/mine', {
      token: tokens['crewB'],
    });
    expect(crewB.body).toEqual([
      expect.objectContaining({ id: orderOf['U-3'], crewName: 'Cuadrilla B', overdue: true }),
    ]);
    expect(
      await rows("SELECT actor_id, after_data FROM audit_events WHERE action = 'field-order.assigned'"),
    ).toEqual([
      { actor_id: Number(ids['sup1']), after_data: expect.stringContaining(`"crewId":"${ids['crewB']}"`) },
    ]);
  });

  it('creates a free reconnection due within 24 h when a stratum-1 account pays in full, once', async () => {
    const paidAt = new Date(Date.now() - 5_000);
    await settle('U-1', 0, 'paid', '901', paidAt);
    await settle('U-1', 0, 'paid', '901', paidAt);
    const orders = await ordersOf('U-1');
    expect(orders).toHaveLength(2);
    expect(orders[1]).toEqual(
      expect.objectContaining({
        kind: 'reconnection',
        state: 'assigned',
        cause: 'paid_in_full',
        cause_ref: 'payment:901',
        crew_id: Number(ids['crewA']),
        fee_minor: 0,
      }),
    );
    const reconnection = String(orders[1]['id']);
    const shown = await api<FieldOrderResponse>(t.url, 'GET', `/field-orders/${reconnection}`, {
      token: tokens['crewA'],
    });
    expect(shown.body).toEqual(
      expect.objectContaining({
        kind: 'reconnection',
        dueAt: new Date(paidAt.getTime() + 24 * 3_600_000).toISOString(),
      }),
    );

    const done = await report(reconnection, tokens['crewA'], {
      outcome: 'executed',
      occurredAt: new Date().toISOString(),
    });
    expect(done.status).toBe(200);
    expect(await serviceState('U-1')).toBe('connected');
  });

  it('charges the 25 000,00 fee to stratum 4 reconnected under an agreement, not on a partial payment', async () => {
    const cut = await report(orderOf['U-3'], tokens['crewB'], {
      outcome: 'executed',
      occurredAt: new Date().toISOString(),
      notes: 'Corte en acometida',
    });
    expect(cut.status).toBe(200);
    expect(await serviceState('U-3')).toBe('suspended');

    // 10 000 paid: still three bills unpaid (110 000 owed), so the service stays cut.
    await settle('U-3', 110_000, 'active', '902');
    expect(await ordersOf('U-3')).toHaveLength(1);

    await t.db.query("UPDATE accounts SET status = 'in_agreement' WHERE id = ?", [ids['U-3']]);
    await t.app.get(LifecycleEvents).emit('agreement.activated', {
      accountId: ids['U-3'],
      agreementId: '77',
      at: new Date(),
    });
    const orders = await ordersOf('U-3');
    expect(orders[1]).toEqual(
      expect.objectContaining({
        kind: 'reconnection',
        state: 'pending',
        cause: 'agreement',
        cause_ref: 'agreement:77',
        fee_minor: 2_500_000,
        currency: 'COP',
      }),
    );
  });

  it('cancels a pending suspension when the account pays down to one bill, with no reconnection', async () => {
    await settle('U-5', 40_000, 'active', '903');
    expect(await ordersOf('U-5')).toEqual([
      expect.objectContaining({
        kind: 'suspension',
        state: 'cancelled',
        close_reason: 'bills_under_threshold',
      }),
    ]);
    expect(
      await rows(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'field-order.cancelled' AND entity_id = ?",
        [orderOf['U-5']],
      ),
    ).toEqual([{ n: 1 }]);
    // An account with nothing to do takes no order from a payment.
    await settle('U-2', 40_000, 'active', '904');
    expect(await ordersOf('U-2')).toEqual([]);
  });
});
