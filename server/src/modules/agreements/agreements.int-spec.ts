import {
  AGENT_NAMESPACE,
  AgreementError,
  SUPERVISOR_NAMESPACE,
  type AgreementResponse,
  type ApiErrorBody,
  type AgreementProblemsDetails,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

/**
 * An account of team A assigned to agent A (balance 1,000,000 COP minor units); agent B of team B;
 * supervisors of A and B; a manager.
 */
describe('Payment agreements', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const sockets: Socket[] = [];

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  const firstDue = () => new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const plan = (patch: Record<string, unknown> = {}) => ({
    waiverMinor: 0,
    downPaymentMinor: 100_000,
    installments: 3,
    frequency: 'monthly',
    firstDueDate: firstDue(),
    ...patch,
  });

  async function account(number: string): Promise<string> {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, 'Ana Ruiz', 'America/Bogota', 'CO')",
      [ids['client'], number],
    );
    return insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id, assigned_agent_id)
       VALUES (?, ?, ?, ?, 'COP', 1000000, 1000000, 45, '31-60', 'active', ?, ?)`,
      [ids['client'], ids['portfolio'], debtor, number, ids['teamA'], ids['agentA']],
    );
  }

  function socket(namespace: string, token: string): Promise<Socket> {
    const s = io(`${t.url}${namespace}`, { auth: { token }, transports: ['websocket'] });
    sockets.push(s);
    return new Promise((resolve) => s.once('connect', () => resolve(s)));
  }

  beforeAll(async () => {
    t = await startTestApp();
    ids['client'] = await insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BCO', 'Banco Andino', 'CO', 'COP')",
    );
    ids['portfolio'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Tarjetas', 'temprana', 'banking', 'COP', 'CO')",
      [ids['client']],
    );
    ids['supA'] = await insertUser(t.db, { email: 'sup.a@x.co', role: 'supervisor' });
    ids['supB'] = await insertUser(t.db, { email: 'sup.b@x.co', role: 'supervisor' });
    ids['teamA'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('A', ?)", [ids['supA']]);
    ids['teamB'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('B', ?)", [ids['supB']]);
    ids['agentA'] = await insertUser(t.db, { email: 'agent.a@x.co', role: 'agent', teamId: ids['teamA'] });
    await insertUser(t.db, { email: 'agent.b@x.co', role: 'agent', teamId: ids['teamB'] });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t?.close();
  });

  it('creates a 3-installment plan with a down payment, exact to the minor unit, and puts the account in agreement', async () => {
    const id = await account('AG-1');
    const token = await login(t.url, 'agent.a@x.co');
    const created = await api<AgreementResponse>(t.url, 'POST', `/accounts/${id}/agreements`, {
      token,
      body: plan(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'active',
      totalMinor: 1_000_000,
      settlesInFull: true,
      agentId: ids['agentA'],
    });
    // 900,000 financed in 3: 300,000 each.
    expect(created.body.installments.map((i) => [i.seq, i.amountMinor])).toEqual([
      [0, 100_000],
      [1, 300_000],
      [2, 300_000],
      [3, 300_000],
    ]);
    const [rows] = await t.db.query('SELECT status FROM accounts WHERE id = ?', [id]);
    expect(rows).toEqual([{ status: 'in_agreement' }]);
    const detail = await api<{ agreements: { status: string; installments: unknown[] }[] }>(
      t.url,
      'GET',
      `/accounts/${id}`,
      {
        token,
      },
    );
    expect(detail.body.agreements).toEqual([expect.objectContaining({ status: 'active' })]);
    expect(detail.body.agreements[0].installments).toHaveLength(4);
    const again = await api(t.url, 'POST', `/accounts/${id}/agreements`, { token, body: plan() });
    expect(again.status).toBe(409);
  });

  it('refuses a plan that breaks the rules with every problem coded', async () => {
    const id = await account('AG-2');
    const token = await login(t.url, 'agent.a@x.co');
    const bad = await api<ApiErrorBody & { details: AgreementProblemsDetails }>(
      t.url,
      'POST',
      `/accounts/${id}/agreements`,
      {
        token,
        body: plan({ downPaymentMinor: 1_000_000, firstDueDate: '2020-01-01' }),
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.problems).toEqual([
      AgreementError.DownPaymentTooLarge,
      AgreementError.FirstDueDateInvalid,
    ]);
    const malformed = await api(t.url, 'POST', `/accounts/${id}/agreements`, {
      token,
      body: plan({ frequency: 'daily' }),
    });
    expect(malformed.status).toBe(400);
    const [rows] = await t.db.query('SELECT COUNT(*) AS n FROM agreements WHERE account_id = ?', [id]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('holds a waiver beyond the agent’s limit for the team supervisor, who approves it', async () => {
    const id = await account('AG-3');
    const supervisorSocket = await socket(SUPERVISOR_NAMESPACE, await login(t.url, 'sup.a@x.co'));
    const otherSupervisor = await socket(SUPERVISOR_NAMESPACE, await login(t.url, 'sup.b@x.co'));
    const agentSocket = await socket(AGENT_NAMESPACE, await login(t.url, 'agent.a@x.co'));
    const requested = new Promise<AgreementResponse>((resolve) =>
      supervisorSocket.once('agreement.approval-requested', resolve),
    );
    const decided = new Promise<AgreementResponse>((resolve) =>
      agentSocket.once('agreement.decided', resolve),
    );
    let leaked = false;
    otherSupervisor.on('agreement.approval-requested', () => (leaked = true));

    const token = await login(t.url, 'agent.a@x.co');
    // 15 % off: beyond the agent's 10 %, within the supervisor's 30 %.
    const created = await api<AgreementResponse>(t.url, 'POST', `/accounts/${id}/agreements`, {
      token,
      body: plan({ waiverMinor: 150_000 }),
    });
    expect(created.body).toMatchObject({ status: 'pending_approval', totalMinor: 850_000 });
    expect((await requested).id).toBe(created.body.id);
    const [before] = await t.db.query('SELECT status FROM accounts WHERE id = ?', [id]);
    expect(before).toEqual([{ status: 'active' }]);

    const otherTeam = await api(t.url, 'POST', `/agreements/${created.body.id}/approve`, {
      token: await login(t.url, 'sup.b@x.co'),
    });
    expect(otherTeam.status).toBe(404);
    const agentTries = await api(t.url, 'POST', `/agreements/${created.body.id}/approve`, { token });
    expect(agentTries.status).toBe(403);

    const pending = await api<AgreementResponse[]>(t.url, 'GET', '/agreements?status=pending_approval', {
      token: await login(t.url, 'sup.a@x.co'),
    });
    expect(pending.body.map((a) => a.id)).toContain(created.body.id);
    const approved = await api<AgreementResponse>(t.url, 'POST', `/agreements/${created.body.id}/approve`, {
      token: await login(t.url, 'sup.a@x.co'),
    });
    expect(approved.body).toMatchObject({ status: 'active', approvedBy: ids['supA'] });
    expect((await decided).status).toBe('active');
    expect(leaked).toBe(false);
    const twice = await api(t.url, 'POST', `/agreements/${created.body.id}/reject`, {
      token: await login(t.url, 'sup.a@x.co'),
    });
    expect(twice.status).toBe(409);
    const [audit] = await t.db.query(
      "SELECT action FROM audit_events WHERE entity_type = 'agreement' AND entity_id = ? ORDER BY id",
      [created.body.id],
    );
    // The approval activates the agreement, which books its waiver against the account's charges.
    expect(audit).toEqual([
      { action: 'agreement.created' },
      { action: 'agreement.approved' },
      { action: 'charges.waiver-booked' },
    ]);
  });

  it('keeps another team’s agent away from the account', async () => {
    const id = await account('AG-4');
    const response = await api(t.url, 'POST', `/accounts/${id}/agreements`, {
      token: await login(t.url, 'agent.b@x.co'),
      body: plan(),
    });
    expect(response.status).toBe(404);
  });
});
