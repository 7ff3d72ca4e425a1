import type { ManagerSummary } from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

/**
 * Fixture (amounts in minor units, month of "now" = the current UTC month):
 * client C1 (COP) with two accounts, balances 100_000 (15 dpd) and 50_000 (200 dpd);
 * payments: 30_000 this month by team T, 5_000 this month reversed (does not count),
 * 12_000 last month by team T; team T's goal this month is 60_000.
 * Expected: recovered this month 30_000, previous month 12_000, attainment 30_000 / 60_000 = 0.5;
 * aging: 0-30 → 1 account 100_000, 180+ → 1 account 50_000.
 */
describe('Manager summary', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const now = new Date();
    const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 12));
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
    const supervisor = await insertUser(t.db, { email: 's@x.co', role: 'supervisor', fullName: 'Sofía' });
    await insertUser(t.db, { email: 'm@x.co', role: 'manager' });
    await t.db.query("INSERT INTO teams (id, name, supervisor_id) VALUES (1, 'T', ?)", [supervisor]);
    await t.db.query(
      "INSERT INTO clients (id, code, name, country, currency) VALUES (1, 'C1', 'Cliente Uno', 'CO', 'COP')",
    );
    await t.db.query(
      "INSERT INTO portfolios (id, client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 1, 'P', 'tardia', 'banking', 'COP', 'CO')",
    );
    await t.db.query(
      "INSERT INTO debtors (id, client_id, debtor_key, time_zone, jurisdiction) VALUES (1, 1, 'd1', 'America/Bogota', 'CO'), (2, 1, 'd2', 'America/Bogota', 'CO')",
    );
    await t.db.query(
      `INSERT INTO accounts (id, client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor, balance_minor, days_past_due, aging_bucket, assigned_team_id)
       VALUES (1, 1, 1, 1, 'A1', 'COP', 100000, 100000, 15, '0-30', 1), (2, 1, 1, 2, 'A2', 'COP', 50000, 50000, 200, '180+', 1)`,
    );
    await t.db.query(
      `INSERT INTO payments (account_id, client_id, team_id, amount_minor, currency, channel, status, reference, paid_at) VALUES
       (1, 1, 1, 30000, 'COP', 'bank', 'applied', 'p1', ?), (1, 1, 1, 5000, 'COP', 'bank', 'reversed', 'p2', ?), (2, 1, 1, 12000, 'COP', 'cashier', 'applied', 'p3', ?)`,
      [thisMonth, thisMonth, lastMonth],
    );
    const periodStart = thisMonth.toISOString().slice(0, 8) + '01';
    await t.db.query(
      "INSERT INTO goals (period_kind, period_start, scope, scope_id, metric, target, currency) VALUES ('month', ?, 'team', 1, 'recovered', 60000, 'COP')",
      [periodStart],
    );
  });
  afterAll(() => t.close());

  it('adds up recovery, goal attainment and aging exactly', async () => {
    const token = await login(t.url, 'm@x.co');
    const { body } = await api<ManagerSummary>(t.url, 'GET', '/dashboard/summary', { token });
    expect(body.clients).toEqual([
      {
        clientId: '1',
        clientCode: 'C1',
        clientName: 'Cliente Uno',
        currency: 'COP',
        accounts: 2,
        balanceMinor: 150_000,
        recoveredThisMonthMinor: 30_000,
        recoveredPreviousMonthMinor: 12_000,
      },
    ]);
    expect(body.teams).toEqual([
      {
        teamId: '1',
        teamName: 'T',
        supervisorName: 'Sofía',
        currency: 'COP',
        goalMinor: 60_000,
        recoveredMinor: 30_000,
        attainment: 0.5,
      },
    ]);
    expect(body.aging).toEqual([
      { bucket: '0-30', accounts: 1, balanceMinor: 100_000, currency: 'COP' },
      { bucket: '180+', accounts: 1, balanceMinor: 50_000, currency: 'COP' },
    ]);
  });
});
