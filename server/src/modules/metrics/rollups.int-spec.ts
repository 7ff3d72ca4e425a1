import { monthPeriod, periodCounts, type MetricScope, type PeriodCounts } from '@recupera/shared';
import { MetricFixtures } from '../../testing/metric-fixtures.util';
import { startTestApp, type TestApp } from '../../testing/test-app.util';
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
  let f: MetricFixtures;
  let rollups: RollupService;
  async function cubeSums(table: 'metric_daily' | 'metric_monthly', scope: MetricScope, scopeId: string) {
    const period = table === 'metric_daily' ? 'day' : 'month';
    const [[sums]] = (await t.db.query(
      `SELECT COALESCE(SUM(attempts), 0) AS attempts, COALESCE(SUM(human_answered), 0) AS human,
              COALESCE(SUM(right_party), 0) AS rpc, COALESCE(SUM(agreements), 0) AS agreements,
              COALESCE(SUM(recovered_minor), 0) AS recovered,
              COALESCE(SUM(installments_due), 0) AS due, COALESCE(SUM(installments_kept), 0) AS kept
         FROM ${table} WHERE ${scope}_id = ? AND ${period} >= '2026-11-01' AND ${period} < '2026-12-01'`,
      [scopeId],
    )) as unknown as [Record<string, unknown>[]];
    return sums;
  }

  /** What the rollup tables say about a scope's November (the month cube always agreeing with the days). */
  async function rolledUp(scope: MetricScope, scopeId: string): Promise<Counted> {
    const daily = await cubeSums('metric_daily', scope, scopeId);
    expect(await cubeSums('metric_monthly', scope, scopeId)).toEqual(daily);
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
    const counts = periodCounts(f.facts, { scope, id }, monthPeriod('2026-11', ZONE));
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
    ['team', f.ids['T1']],
    ['team', f.ids['T2']],
    ['agent', f.ids['G1']],
    ['agent', f.ids['G2']],
    ['portfolio', f.ids['P1']],
    ['client', f.ids['C1']],
  ];

  beforeAll(async () => {
    t = await startTestApp({ agencyTimeZone: ZONE, runWorkers: false, runDialer: false });
    rollups = t.app.get(RollupService);
    f = new MetricFixtures(t);
    await f.seed('C1', 'P1');
    await f.team('T1', 'G1');
    await f.team('T2', 'G2');
    for (const account of ['A1', 'A2', 'A3', 'A4']) await f.account(account, 'C1', 'P1');

    await f.assign('A1', 'T1', '2026-10-01T12:00:00Z');
    await f.assign('A2', 'T1', '2026-10-01T12:00:00Z', '2026-11-15T15:00:00Z');
    await f.assign('A2', 'T2', '2026-11-15T15:00:00Z');
    await f.assign('A3', 'T2', '2026-11-20T15:00:00Z');
    await f.assign('A4', 'T1', '2026-10-01T12:00:00Z', '2026-10-31T12:00:00Z');
    await f.attempt('A1', 'T1', '2026-11-02T15:00:00Z', 'rpc');
    await f.attempt('A1', 'T1', '2026-11-03T15:00:00Z', 'none');
    await f.attempt('A2', 'T1', '2026-11-10T15:00:00Z', 'third');
    await f.attempt('A2', 'T2', '2026-11-20T15:00:00Z', 'rpc');
    await f.attempt('A1', 'T1', '2026-11-01T04:00:00Z', 'none');
    await f.attempt('A3', 'T2', '2026-12-01T04:30:00Z', 'none');
    const first = await f.agreement('A1', 'T1', '2026-11-02T15:10:00Z');
    const second = await f.agreement('A2', 'T2', '2026-11-20T15:10:00Z');
    // I1 kept (paid on the 12th, within the 10th + grace), I2 paid late, I3 December's, I4 kept.
    await f.installment(first, 'A1', 'T1', 1, '2026-11-10', { at: '2026-11-12T15:00:00Z', on: '2026-11-12' });
    await f.installment(first, 'A1', 'T1', 2, '2026-11-25', { at: '2026-11-29T15:00:00Z', on: '2026-11-29' });
    await f.installment(second, 'A2', 'T2', 1, '2026-12-01', null);
    f.ids['I4'] = await f.installment(second, 'A2', 'T2', 2, '2026-11-30', null);
    await f.payment('A1', 'T1', '2026-11-05T15:00:00Z', 50_000);
    await f.payment('A1', 'T1', '2026-11-06T15:00:00Z', 20_000, true);
    await f.payment('A2', 'T2', '2026-12-01T04:30:00Z', 30_000);
    await f.payment('A2', 'T1', '2026-11-01T04:59:00Z', 10_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('counts every scope exactly as the reference computation does, incrementally', async () => {
    expect(await rollups.catchUp(NOW)).toBeGreaterThan(0);
    for (const [scope, id] of scopes())
      expect({ scope, ...(await rolledUp(scope, id)) }).toEqual({ scope, ...expected(scope, id) });
    // Spot checks against the hand-worked figures of the shared spec.
    expect(await rolledUp('team', f.ids['T1'])).toMatchObject({
      accountsAssigned: 2,
      attempts: 3,
      recoveredMinor: 50_000,
    });
    expect(await rolledUp('team', f.ids['T2'])).toMatchObject({
      accountsAssigned: 2,
      recoveredMinor: 30_000,
    });
    // A turn with nothing new counts nothing twice.
    expect(await rollups.catchUp(NOW)).toBe(0);
  });

  it('counts an installment kept when it is paid by its deadline, after it was counted as due', async () => {
    expect(await rolledUp('team', f.ids['T2'])).toMatchObject({ installmentsDue: 1, installmentsKept: 0 });
    // Paid at 23:00 in Bogotá on 3 December: the last day of 30 November + 3 grace days.
    await t.db.query(
      "UPDATE installments SET status = 'paid', paid_minor = 25000, paid_at = ? WHERE id = ?",
      [new Date('2026-12-04T04:00:00Z'), f.ids['I4']],
    );
    f.facts.installments[f.facts.installments.length - 1].paid = [{ on: '2026-12-03', amountMinor: 25_000 }];
    await rollups.catchUp(NOW);
    expect(await rolledUp('team', f.ids['T2'])).toEqual(expected('team', f.ids['T2']));
    expect(await rolledUp('team', f.ids['T2'])).toMatchObject({ installmentsDue: 1, installmentsKept: 1 });
  });

  it('takes a payment reversed after it was counted back from the day it was received', async () => {
    const late = await f.payment('A1', 'T1', '2026-11-07T15:00:00Z', 7_000);
    await rollups.catchUp(NOW);
    expect((await rolledUp('client', f.ids['C1'])).recoveredMinor).toBe(87_000);
    await t.db.query("UPDATE payments SET status = 'reversed', reversed_at = ? WHERE id = ?", [NOW, late]);
    f.facts.payments[f.facts.payments.length - 1].reversed = true;
    await rollups.catchUp(NOW);
    expect((await rolledUp('client', f.ids['C1'])).recoveredMinor).toBe(80_000);
    const [rows] = await t.db.query('SELECT rolled_up FROM payments WHERE id = ?', [late]);
    expect(rows).toEqual([{ rolled_up: 2 }]);
  });

  it('rebuilds a month from raw history to the same figures', async () => {
    await t.db.query("UPDATE metric_daily SET attempts = attempts + 100 WHERE day = '2026-11-02'");
    const result = await rollups.rebuild('2026-11');
    expect(result).toMatchObject({ month: '2026-11', interactions: 5, agreements: 2 });
    // Each part is timed, in the order it ran, for the CLI to print.
    expect(result.steps[0]!.name).toBe('clear the month');
    expect(result.steps.map((s) => s.name)).toContain('mark interactions counted');
    expect(result.steps.every((s) => s.seconds >= 0)).toBe(true);
    for (const [scope, id] of scopes())
      expect({ scope, ...(await rolledUp(scope, id)) }).toEqual({ scope, ...expected(scope, id) });
    expect(await rollups.catchUp(NOW)).toBe(0);
  });
});
