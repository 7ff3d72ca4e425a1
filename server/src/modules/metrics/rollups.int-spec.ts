import {
  KEPT_GRACE_DAYS,
  monthPeriod,
  periodCounts,
  type MetricFacts,
  type MetricScope,
  type PeriodCounts,
  type ScopeKeys,
} from '@recupera/shared';
import { insertUser, startTestApp, type TestApp } from '../../testing/test-app.util';
import { RollupService } from './rollup.service';

const ZONE = 'America/Bogota';
const NOW = new Date('2026-12-10T15:00:00Z');

type Counted = Pick<
  PeriodCounts,
  | 'accountsAssigned'
  | 'accountsAttempted'
  | 'accountsWithRpc'
  | 'attempts'
  | 'humanAnswered'
  | 'rightPartyContacts'
  | 'agreements'
  | 'recoveredMinor'
  | 'installmentsDue'
  | 'installmentsKept'
>;

/**
 * The rollups against the reference computation: the November of the shared metrics spec (an
 * account reassigned mid-month, a reversal, month-end instants in Bogotá time) written to the
 * database as rows, counted by incremental turns, then recounted by a rebuild.
 */
describe('Metric rollups', () => {
  let t: TestApp;
  let rollups: RollupService;
  const ids: Record<string, string> = {};
  const facts: MetricFacts = {
    assignments: [],
    attempts: [],
    agreements: [],
    payments: [],
    installments: [],
  };

  async function insert(sql: string, params: unknown[]): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  const keys = (account: string, team: 'T1' | 'T2'): ScopeKeys => ({
    accountId: ids[account],
    teamId: ids[team],
    agentId: ids[team === 'T1' ? 'G1' : 'G2'],
    portfolioId: ids['P1'],
    clientId: ids['C1'],
  });

  async function assign(account: string, team: 'T1' | 'T2', from: string, to: string | null): Promise<void> {
    const k = keys(account, team);
    await t.db.query(
      'INSERT INTO account_assignments (account_id, team_id, agent_id, assigned_at, unassigned_at) VALUES (?, ?, ?, ?, ?)',
      [k.accountId, k.teamId, k.agentId, new Date(from), to ? new Date(to) : null],
    );
    facts.assignments.push({ ...k, from: new Date(from), to: to ? new Date(to) : null, balanceMinor: 0 });
  }

  async function attempt(account: string, team: 'T1' | 'T2', at: string, result: 'rpc' | 'third' | 'none') {
    const k = keys(account, team);
    const dialed = new Date(at);
    await t.db.query(
      `INSERT INTO interactions (account_id, debtor_id, agent_id, team_id, channel, direction, outcome,
          disposition_id, queued_at, dialed_at, ended_at, talk_seconds, stage)
       SELECT a.id, a.debtor_id, ?, ?, 'voice', 'outbound', ?, ?, ?, ?, ?, ?, 'ended' FROM accounts a WHERE a.id = ?`,
      [
        k.agentId,
        k.teamId,
        result === 'none' ? 'no_answer' : 'human',
        result === 'rpc' ? ids['RPC'] : result === 'third' ? ids['THIRD'] : null,
        dialed,
        dialed,
        new Date(dialed.getTime() + 60_000),
        result === 'none' ? 0 : 55,
        k.accountId,
      ],
    );
    facts.attempts.push({
      ...k,
      at: dialed,
      humanAnswered: result !== 'none',
      rightPartyContact: result === 'rpc',
    });
  }

  async function agreement(account: string, team: 'T1' | 'T2', at: string): Promise<string> {
    const k = keys(account, team);
    const id = await insert(
      `INSERT INTO agreements (account_id, agent_id, team_id, status, currency, total_minor, installments_count,
          settles_in_full, created_at) VALUES (?, ?, ?, 'active', 'COP', 90000, 3, 1, ?)`,
      [k.accountId, k.agentId, k.teamId, new Date(at)],
    );
    facts.agreements.push({ ...k, at: new Date(at) });
    return id;
  }

  /** An installment, paid in full at `paidAt` (an instant) or still open; `paidOn` its local day. */
  async function installment(
    agreementId: string,
    account: string,
    team: 'T1' | 'T2',
    seq: number,
    dueDate: string,
    paid: { at: string; on: string } | null,
  ): Promise<string> {
    const id = await insert(
      `INSERT INTO installments (agreement_id, seq, due_date, amount_minor, paid_minor, status, paid_at)
       VALUES (?, ?, ?, 25000, ?, ?, ?)`,
      [
        agreementId,
        seq,
        dueDate,
        paid ? 25_000 : 0,
        paid ? 'paid' : 'pending',
        paid ? new Date(paid.at) : null,
      ],
    );
    facts.installments.push({
      ...keys(account, team),
      dueDate,
      amountMinor: 25_000,
      graceDays: KEPT_GRACE_DAYS,
      paid: paid ? [{ on: paid.on, amountMinor: 25_000 }] : [],
    });
    return id;
  }

  async function payment(account: string, team: 'T1' | 'T2', at: string, amount: number, reversed = false) {
    const k = keys(account, team);
    const id = await insert(
      `INSERT INTO payments (account_id, client_id, team_id, agent_id, amount_minor, currency, channel, status,
          reference, paid_at, reversed_at) VALUES (?, ?, ?, ?, ?, 'COP', 'bank', ?, ?, ?, ?)`,
      [
        k.accountId,
        k.clientId,
        k.teamId,
        k.agentId,
        amount,
        reversed ? 'reversed' : 'applied',
        `REF-${account}-${at}`,
        new Date(at),
        reversed ? new Date(at) : null,
      ],
    );
    facts.payments.push({ ...k, paidAt: new Date(at), amountMinor: amount, reversed });
    return id;
  }

  /** What the rollup tables say about a scope's November. */
  async function rolledUp(scope: MetricScope, scopeId: string): Promise<Counted> {
    const [[daily]] = (await t.db.query(
      `SELECT COALESCE(SUM(attempts), 0) AS attempts, COALESCE(SUM(human_answered), 0) AS human,
              COALESCE(SUM(right_party), 0) AS rpc, COALESCE(SUM(agreements), 0) AS agreements,
              COALESCE(SUM(recovered_minor), 0) AS recovered,
              COALESCE(SUM(installments_due), 0) AS due, COALESCE(SUM(installments_kept), 0) AS kept
         FROM metric_daily WHERE ${scope}_id = ? AND day >= '2026-11-01' AND day < '2026-12-01'`,
      [scopeId],
    )) as unknown as [Record<string, unknown>[]];
    const [sweepRows] = (await t.db.query(
      `SELECT assigned, attempted, right_party FROM metric_sweep WHERE scope = ? AND scope_id = ? AND month = '2026-11-01'`,
      [scope, scopeId],
    )) as unknown as [Record<string, unknown>[]];
    const sweep = sweepRows[0] ?? { assigned: 0, attempted: 0, right_party: 0 };
    return {
      accountsAssigned: Number(sweep['assigned']),
      accountsAttempted: Number(sweep['attempted']),
      accountsWithRpc: Number(sweep['right_party']),
      attempts: Number(daily['attempts']),
      humanAnswered: Number(daily['human']),
      rightPartyContacts: Number(daily['rpc']),
      agreements: Number(daily['agreements']),
      recoveredMinor: Number(daily['recovered']),
      installmentsDue: Number(daily['due']),
      installmentsKept: Number(daily['kept']),
    };
  }

  function expected(scope: MetricScope, id: string): Counted {
    const counts = periodCounts(facts, { scope, id }, monthPeriod('2026-11', ZONE));
    return {
      accountsAssigned: counts.accountsAssigned,
      accountsAttempted: counts.accountsAttempted,
      accountsWithRpc: counts.accountsWithRpc,
      attempts: counts.attempts,
      humanAnswered: counts.humanAnswered,
      rightPartyContacts: counts.rightPartyContacts,
      agreements: counts.agreements,
      recoveredMinor: counts.recoveredMinor,
      installmentsDue: counts.installmentsDue,
      installmentsKept: counts.installmentsKept,
    };
  }

  const scopes = (): [MetricScope, string][] => [
    ['team', ids['T1']],
    ['team', ids['T2']],
    ['agent', ids['G1']],
    ['agent', ids['G2']],
    ['portfolio', ids['P1']],
    ['client', ids['C1']],
  ];

  beforeAll(async () => {
    t = await startTestApp({ agencyTimeZone: ZONE, runWorkers: false, runDialer: false });
    rollups = t.app.get(RollupService);
    ids['C1'] = await insert(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BCO', 'Banco', 'CO', 'COP')",
      [],
    );
    ids['P1'] = await insert(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Tarjetas', 'temprana', 'banking', 'COP', 'CO')",
      [ids['C1']],
    );
    ids['T1'] = await insert("INSERT INTO teams (name) VALUES ('T1')", []);
    ids['T2'] = await insert("INSERT INTO teams (name) VALUES ('T2')", []);
    ids['G1'] = await insertUser(t.db, { email: 'g1@m.test', role: 'agent', teamId: ids['T1'] });
    ids['G2'] = await insertUser(t.db, { email: 'g2@m.test', role: 'agent', teamId: ids['T2'] });
    const set = await insert("INSERT INTO disposition_sets (name) VALUES ('Cobranza')", []);
    ids['RPC'] = await insert(
      "INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES (?, 'TITULAR', 'Titular', 'Debtor', 'rpc', 1, 1, 0)",
      [set],
    );
    ids['THIRD'] = await insert(
      "INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES (?, 'TERCERO', 'Tercero', 'Third party', 'third_party', 1, 0, 0)",
      [set],
    );
    for (const account of ['A1', 'A2', 'A3', 'A4']) {
      const debtor = await insert(
        "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'CO')",
        [ids['C1'], account, `Deudor ${account}`, ZONE],
      );
      ids[account] = await insert(
        `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
           balance_minor, days_past_due, aging_bucket, status) VALUES (?, ?, ?, ?, 'COP', 100000, 100000, 40, '31-60', 'active')`,
        [ids['C1'], ids['P1'], debtor, account],
      );
    }

    await assign('A1', 'T1', '2026-10-01T12:00:00Z', null);
    await assign('A2', 'T1', '2026-10-01T12:00:00Z', '2026-11-15T15:00:00Z');
    await assign('A2', 'T2', '2026-11-15T15:00:00Z', null);
    await assign('A3', 'T2', '2026-11-20T15:00:00Z', null);
    await assign('A4', 'T1', '2026-10-01T12:00:00Z', '2026-10-31T12:00:00Z');
    await attempt('A1', 'T1', '2026-11-02T15:00:00Z', 'rpc');
    await attempt('A1', 'T1', '2026-11-03T15:00:00Z', 'none');
    await attempt('A2', 'T1', '2026-11-10T15:00:00Z', 'third');
    await attempt('A2', 'T2', '2026-11-20T15:00:00Z', 'rpc');
    await attempt('A1', 'T1', '2026-11-01T04:00:00Z', 'none');
    await attempt('A3', 'T2', '2026-12-01T04:30:00Z', 'none');
    const first = await agreement('A1', 'T1', '2026-11-02T15:10:00Z');
    const second = await agreement('A2', 'T2', '2026-11-20T15:10:00Z');
    // I1 kept (paid on the 12th, within the 10th + grace), I2 paid late, I3 December's, I4 kept.
    await installment(first, 'A1', 'T1', 1, '2026-11-10', { at: '2026-11-12T15:00:00Z', on: '2026-11-12' });
    await installment(first, 'A1', 'T1', 2, '2026-11-25', { at: '2026-11-29T15:00:00Z', on: '2026-11-29' });
    await installment(second, 'A2', 'T2', 1, '2026-12-01', null);
    ids['I4'] = await installment(second, 'A2', 'T2', 2, '2026-11-30', null);
    await payment('A1', 'T1', '2026-11-05T15:00:00Z', 50_000);
    await payment('A1', 'T1', '2026-11-06T15:00:00Z', 20_000, true);
    await payment('A2', 'T2', '2026-12-01T04:30:00Z', 30_000);
    await payment('A2', 'T1', '2026-11-01T04:59:00Z', 10_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('counts every scope exactly as the reference computation does, incrementally', async () => {
    expect(await rollups.catchUp(NOW)).toBeGreaterThan(0);
    for (const [scope, id] of scopes())
      expect({ scope, ...(await rolledUp(scope, id)) }).toEqual({ scope, ...expected(scope, id) });
    // Spot checks against the hand-worked figures of the shared spec.
    expect(await rolledUp('team', ids['T1'])).toMatchObject({
      accountsAssigned: 2,
      attempts: 3,
      recoveredMinor: 50_000,
    });
    expect(await rolledUp('team', ids['T2'])).toMatchObject({ accountsAssigned: 2, recoveredMinor: 30_000 });
    // A turn with nothing new counts nothing twice.
    expect(await rollups.catchUp(NOW)).toBe(0);
  });

  it('counts an installment kept when it is paid by its deadline, after it was counted as due', async () => {
    expect(await rolledUp('team', ids['T2'])).toMatchObject({ installmentsDue: 1, installmentsKept: 0 });
    // Paid at 23:00 in Bogotá on 3 December: the last day of 30 November + 3 grace days.
    await t.db.query(
      "UPDATE installments SET status = 'paid', paid_minor = 25000, paid_at = ? WHERE id = ?",
      [new Date('2026-12-04T04:00:00Z'), ids['I4']],
    );
    facts.installments[facts.installments.length - 1].paid = [{ on: '2026-12-03', amountMinor: 25_000 }];
    await rollups.catchUp(NOW);
    expect(await rolledUp('team', ids['T2'])).toEqual(expected('team', ids['T2']));
    expect(await rolledUp('team', ids['T2'])).toMatchObject({ installmentsDue: 1, installmentsKept: 1 });
  });

  it('takes a payment reversed after it was counted back from the day it was received', async () => {
    const late = await payment('A1', 'T1', '2026-11-07T15:00:00Z', 7_000);
    await rollups.catchUp(NOW);
    expect((await rolledUp('client', ids['C1'])).recoveredMinor).toBe(87_000);
    await t.db.query("UPDATE payments SET status = 'reversed', reversed_at = ? WHERE id = ?", [NOW, late]);
    facts.payments[facts.payments.length - 1].reversed = true;
    await rollups.catchUp(NOW);
    expect((await rolledUp('client', ids['C1'])).recoveredMinor).toBe(80_000);
    const [rows] = await t.db.query('SELECT rolled_up FROM payments WHERE id = ?', [late]);
    expect(rows).toEqual([{ rolled_up: 2 }]);
  });

  it('rebuilds a month from raw history to the same figures', async () => {
    await t.db.query("UPDATE metric_daily SET attempts = attempts + 100 WHERE day = '2026-11-02'");
    const result = await rollups.rebuild('2026-11', NOW);
    expect(result).toMatchObject({ month: '2026-11', interactions: 5, agreements: 2 });
    for (const [scope, id] of scopes())
      expect({ scope, ...(await rolledUp(scope, id)) }).toEqual({ scope, ...expected(scope, id) });
    expect(await rollups.catchUp(NOW)).toBe(0);
  });
});
