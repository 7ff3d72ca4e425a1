import type { AccountDetail, AccountListItem, Page } from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

/** Two teams, two agents each, one account per agent: who reaches which account. */
describe('Account scope by role', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function account(number: string, teamId: string, agentId: string): Promise<string> {
    const [debtor] = await t.db.query(
      "INSERT INTO debtors (client_id, debtor_key, national_id, full_name, time_zone, jurisdiction) VALUES (1, ?, ?, ?, 'America/Bogota', 'CO')",
      [number, number, `Deudor ${number}`],
    );
    const [result] = await t.db.query(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor, balance_minor, days_past_due, aging_bucket, assigned_team_id, assigned_agent_id)
       VALUES (1, 1, ?, ?, 'COP', 100000, 90000, 45, '31-60', ?, ?)`,
      [(debtor as { insertId: number }).insertId, number, teamId, agentId],
    );
    return String((result as { insertId: number }).insertId);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(
      "INSERT INTO clients (code, name, country, currency) VALUES ('C1', 'Cliente', 'CO', 'COP')",
    );
    await t.db.query(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 'P', 'tardia', 'banking', 'COP', 'CO')",
    );
    ids['supA'] = await insertUser(t.db, { email: 'sup.a@x.co', role: 'supervisor' });
    ids['supB'] = await insertUser(t.db, { email: 'sup.b@x.co', role: 'supervisor' });
    const [ta] = await t.db.query("INSERT INTO teams (name, supervisor_id) VALUES ('A', ?)", [ids['supA']]);
    const [tb] = await t.db.query("INSERT INTO teams (name, supervisor_id) VALUES ('B', ?)", [ids['supB']]);
    ids['teamA'] = String((ta as { insertId: number }).insertId);
    ids['teamB'] = String((tb as { insertId: number }).insertId);
    ids['a1'] = await insertUser(t.db, { email: 'a1@x.co', role: 'agent', teamId: ids['teamA'] });
    ids['a2'] = await insertUser(t.db, { email: 'a2@x.co', role: 'agent', teamId: ids['teamA'] });
    ids['b1'] = await insertUser(t.db, { email: 'b1@x.co', role: 'agent', teamId: ids['teamB'] });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    ids['accA1'] = await account('A-1', ids['teamA'], ids['a1']);
    ids['accA2'] = await account('A-2', ids['teamA'], ids['a2']);
    ids['accB1'] = await account('B-1', ids['teamB'], ids['b1']);
  });
  afterAll(() => t.close());

  it('shows an agent only the accounts assigned to them', async () => {
    const token = await login(t.url, 'a1@x.co');
    const list = await api<Page<AccountListItem>>(t.url, 'GET', '/accounts', { token });
    expect(list.body.items.map((a) => a.accountNumber)).toEqual(['A-1']);
    expect(
      (await api<AccountDetail>(t.url, 'GET', `/accounts/${ids['accA1']}`, { token })).body.debtor.fullName,
    ).toBe('Deudor A-1');
    expect((await api(t.url, 'GET', `/accounts/${ids['accA2']}`, { token })).status).toBe(404);
    expect((await api(t.url, 'GET', `/accounts/${ids['accB1']}`, { token })).status).toBe(404);
  });

  it("answers 404 for another team's account to a supervisor", async () => {
    const token = await login(t.url, 'sup.a@x.co');
    const list = await api<Page<AccountListItem>>(t.url, 'GET', '/accounts', { token });
    expect(list.body.items.map((a) => a.accountNumber).sort()).toEqual(['A-1', 'A-2']);
    expect((await api(t.url, 'GET', `/accounts/${ids['accB1']}`, { token })).status).toBe(404);
    expect((await api(t.url, 'GET', `/teams/${ids['teamB']}/roster`, { token })).status).toBe(404);
  });

  it('lets a manager see every account and search by number', async () => {
    const token = await login(t.url, 'boss@x.co');
    const all = await api<Page<AccountListItem>>(t.url, 'GET', '/accounts', { token });
    expect(all.body.total).toBe(3);
    const found = await api<Page<AccountListItem>>(t.url, 'GET', '/accounts?q=B-1', { token });
    expect(found.body.items.map((a) => a.accountNumber)).toEqual(['B-1']);
  });

  it('keeps role boundaries on every endpoint', async () => {
    const agent = await login(t.url, 'a1@x.co');
    const manager = await login(t.url, 'boss@x.co');
    expect((await api(t.url, 'GET', '/users', { token: agent })).status).toBe(403);
    expect((await api(t.url, 'GET', '/audit', { token: agent })).status).toBe(403);
    expect((await api(t.url, 'GET', '/recovery?month=2026-11', { token: agent })).status).toBe(403);
    expect((await api(t.url, 'GET', '/imports', { token: manager })).status).toBe(403);
    expect(
      (
        await api(t.url, 'POST', '/accounts/assign', {
          token: manager,
          body: { accountIds: ['1'], teamId: '1', agentId: null },
        })
      ).status,
    ).toBe(403);
    expect((await api(t.url, 'GET', '/recovery?month=2026-11', { token: manager })).status).toBe(200);
  });

  it('lets a supervisor move accounts between agents of their team, with history and audit', async () => {
    const token = await login(t.url, 'sup.a@x.co');
    const moved = await api(t.url, 'POST', '/accounts/assign', {
      token,
      body: { accountIds: [ids['accA1']], teamId: ids['teamA'], agentId: ids['a2'] },
    });
    expect(moved).toMatchObject({ status: 200, body: { assigned: 1 } });
    const agent2 = await login(t.url, 'a2@x.co');
    const list = await api<Page<AccountListItem>>(t.url, 'GET', '/accounts', { token: agent2 });
    expect(list.body.items.map((a) => a.accountNumber).sort()).toEqual(['A-1', 'A-2']);
    const [history] = await t.db.query(
      'SELECT agent_id FROM account_assignments WHERE account_id = ? AND unassigned_at IS NULL',
      [ids['accA1']],
    );
    expect(history).toEqual([{ agent_id: Number(ids['a2']) }]);
    const stolen = await api(t.url, 'POST', '/accounts/assign', {
      token,
      body: { accountIds: [ids['accB1']], teamId: ids['teamA'], agentId: null },
    });
    expect(stolen.status).toBe(404);
    const [audit] = await t.db.query("SELECT actor_id FROM audit_events WHERE action = 'accounts.assigned'");
    expect(audit).toEqual([{ actor_id: Number(ids['supA']) }]);
  });
});
