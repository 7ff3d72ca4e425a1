import {
  PeriodError,
  type ApiErrorBody,
  type PeriodConflictDetails,
  type PeriodReport,
  type PeriodSummary,
  type RecoveryDashboard,
} from '@recupera/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { MetricFixtures } from '../../testing/metric-fixtures.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { RollupService } from '../metrics/rollup.service';
import { ClosedPeriodsService } from './closed-periods.service';

const ZONE = 'America/Bogota';
type Conflict = ApiErrorBody & { details: PeriodConflictDetails };

/**
 * Month close over the real database: October 2026 (long over) is closed by a manager, its figures
 * frozen from the rollups; what is posted or rebuilt afterwards moves the live dashboard, never
 * the closed month's report; payments dated in it are booked into November, back-dated records
 * are refused, and a close waits for a payment being posted in the month to commit.
 */
describe('Period close', () => {
  let t: TestApp;
  let f: MetricFixtures;
  let periods: ClosedPeriodsService;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ agencyTimeZone: ZONE, runWorkers: false, runDialer: false });
    f = new MetricFixtures(t);
    periods = t.app.get(ClosedPeriodsService);
    await f.seed('C1', 'P1');
    await f.team('Norte', 'Ana');
    await f.team('Sur', 'Beto');
    for (const n of [1, 2, 3]) await f.account(`N-${n}`, 'C1', 'P1');
    await f.account('S-1', 'C1', 'P1');
    for (const n of [1, 2, 3]) await f.assign(`N-${n}`, 'Norte', '2026-09-01T12:00:00Z');
    await f.assign('S-1', 'Sur', '2026-09-01T12:00:00Z');
    // Aging at the close: N-1, N-2 31–60 days (the fixture's), N-3 91–180, S-1 current.
    await t.db.query("UPDATE accounts SET days_past_due = 100, aging_bucket = '91-180' WHERE id = ?", [
      f.ids['N-3'],
    ]);
    await t.db.query("UPDATE accounts SET days_past_due = 0, aging_bucket = '0-30' WHERE id = ?", [
      f.ids['S-1'],
    ]);
    // October: three attempts (two reached), a plan whose first installment is kept and second not.
    await f.attempt('N-1', 'Norte', '2026-10-05T15:00:00Z', 'rpc');
    await f.attempt('N-2', 'Norte', '2026-10-06T15:00:00Z', 'none');
    await f.attempt('S-1', 'Sur', '2026-10-07T15:00:00Z', 'rpc');
    const plan = await f.agreement('N-1', 'Norte', '2026-10-05T15:05:00Z', 90_000);
    await f.installment(plan, 'N-1', 'Norte', 1, '2026-10-10', {
      at: '2026-10-09T15:00:00Z',
      on: '2026-10-09',
    });
    await f.installment(plan, 'N-1', 'Norte', 2, '2026-10-20', null);
    // October recovered: Norte 25 000 + 100 000, Sur 50 000 = 175 000; November 10 000.
    await f.payment('N-1', 'Norte', '2026-10-09T15:00:00Z', 25_000);
    await f.payment('N-3', 'Norte', '2026-10-15T15:00:00Z', 100_000);
    await f.payment('S-1', 'Sur', '2026-10-20T15:00:00Z', 50_000);
    await f.payment('N-1', 'Norte', '2026-11-03T15:00:00Z', 10_000);

    await insertUser(t.db, { email: 'gerente@m.test', role: 'manager', fullName: 'Gerente General' });
    tokens['manager'] = await login(t.url, 'gerente@m.test');
    tokens['supervisor'] = await login(t.url, 'sup.norte@m.test');
    tokens['agent'] = await login(t.url, 'ana@m.test');
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = <T>(path: string) => api<T>(t.url, 'GET', path, { token: tokens['manager'] });
  const close = <T>(month: string, token = tokens['manager']) =>
    api<T>(t.url, 'POST', `/periods/${month}/close`, { token });

  it('shows an ended month as open, with its live figures, until a manager closes it', async () => {
    // A month is listed once the rollups have figures for it.
    await t.app.get(RollupService).catchUp();
    const list = await get<PeriodSummary[]>('/periods');
    expect(list.status).toBe(200);
    expect(list.body.find((p) => p.month === '2026-10')).toEqual({
      month: '2026-10',
      status: 'open',
      ended: true,
      closedAt: null,
      closedByName: null,
    });
    // The current month is always listed, and has not ended.
    expect(list.body[0]).toMatchObject({ status: 'open', ended: false });
    const live = await get<PeriodReport>('/periods/2026-10');
    expect(live.body).toMatchObject({ status: 'open', ended: true });
    expect(live.body.figures.agency.money[0]).toMatchObject({ currency: 'COP', recoveredMinor: 175_000 });
  });

  it('lets only managers and admins see and close periods', async () => {
    expect((await api(t.url, 'GET', '/periods', { token: tokens['supervisor'] })).status).toBe(403);
    expect((await close('2026-10', tokens['supervisor'])).status).toBe(403);
    expect((await close('2026-10', tokens['agent'])).status).toBe(403);
    expect((await close('2026-13')).status).toBe(400);
  });

  it('refuses to close a month that has not ended in the agency calendar', async () => {
    const { status, body } = await close<Conflict>('2099-01');
    expect(status).toBe(409);
    expect(body.details).toEqual({ reason: PeriodError.NotEnded, month: '2099-01' });
  });

  it('freezes the month’s figures per client, portfolio and team, audited', async () => {
    const { status, body } = await close<PeriodReport>('2026-10');
    expect(status).toBe(201);
    expect(body).toMatchObject({ month: '2026-10', status: 'closed', closedByName: 'Gerente General' });
    const { agency, clients, portfolios, teams } = body.figures;
    expect(agency).toMatchObject({
      attempts: 3,
      rightPartyContacts: 2,
      agreements: 1,
      // One installment kept of the two due in October.
      installmentsDue: 2,
      installmentsKept: 1,
      keptRate: 0.5,
      // Four accounts held, three attempted, two reached.
      assigned: 4,
      attempted: 3,
      rightParty: 2,
      sweepRate: 0.75,
      contactedSweepRate: 0.5,
    });
    // 400 000 owed; S-1's 100 000 is not overdue: 300 000 ÷ 400 000.
    expect(agency.money).toEqual([
      {
        currency: 'COP',
        recoveredMinor: 175_000,
        promisedMinor: 90_000,
        balanceMinor: 400_000,
        overdueMinor: 300_000,
        delinquencyIndex: 0.75,
        aging: [
          { bucket: '0-30', accounts: 1, balanceMinor: 100_000, overdueMinor: 0 },
          { bucket: '31-60', accounts: 2, balanceMinor: 200_000, overdueMinor: 200_000 },
          { bucket: '61-90', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
          { bucket: '91-180', accounts: 1, balanceMinor: 100_000, overdueMinor: 100_000 },
          { bucket: '180+', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
        ],
      },
    ]);
    expect(clients.map((c) => [c.name, c.money[0].recoveredMinor, c.sweepRate])).toEqual([
      ['Cliente C1', 175_000, 0.75],
    ]);
    expect(portfolios).toEqual([
      expect.objectContaining({ name: 'Cartera P1', clientId: f.ids['C1'], keptRate: 0.5, assigned: 4 }),
    ]);
    const norte = teams.find((team) => team.name === 'Norte')!;
    const sur = teams.find((team) => team.name === 'Sur')!;
    // Norte: 3 accounts, 2 attempted (N-1, N-2), 1 reached; 25 000 + 100 000; all its 300 000 overdue.
    expect(norte).toMatchObject({ assigned: 3, attempted: 2, rightParty: 1, keptRate: 0.5 });
    expect(norte.money[0]).toMatchObject({
      recoveredMinor: 125_000,
      balanceMinor: 300_000,
      delinquencyIndex: 1,
    });
    expect(sur).toMatchObject({ assigned: 1, attempted: 1, rightParty: 1, sweepRate: 1, keptRate: null });
    expect(sur.money[0]).toMatchObject({
      recoveredMinor: 50_000,
      balanceMinor: 100_000,
      delinquencyIndex: 0,
    });

    const [audit] = (await t.db.query(
      "SELECT actor_id, after_data FROM audit_events WHERE action = 'period.closed' AND entity_id = '2026-10'",
    )) as unknown as [{ actor_id: string; after_data: string | object }[]];
    expect(audit).toHaveLength(1);
    const after =
      typeof audit[0].after_data === 'string' ? JSON.parse(audit[0].after_data) : audit[0].after_data;
    expect(after).toMatchObject({
      month: '2026-10',
      recovered: [{ currency: 'COP', recoveredMinor: 175_000 }],
    });

    const list = await get<PeriodSummary[]>('/periods');
    expect(list.body.find((p) => p.month === '2026-10')).toMatchObject({
      status: 'closed',
      closedByName: 'Gerente General',
    });
  });

  it('answers 409 to a second close of the same month', async () => {
    const { status, body } = await close<Conflict>('2026-10');
    expect(status).toBe(409);
    expect(body.details).toEqual({ reason: PeriodError.AlreadyClosed, month: '2026-10' });
  });

  it('never changes a closed month’s report: not with a late payment, new balances or a rebuild', async () => {
    const frozen = await get<PeriodReport>('/periods/2026-10');
    // A payment dated in October arrives after the close (written straight to the table, as an
    // import of history would), balances move, and the month is recounted from raw history.
    await f.payment('N-3', 'Norte', '2026-10-25T15:00:00Z', 70_000);
    await t.db.query(
      "UPDATE accounts SET balance_minor = 30000, days_past_due = 0, aging_bucket = '0-30' WHERE id = ?",
      [f.ids['N-3']],
    );
    const rollups = t.app.get(RollupService);
    await rollups.catchUp();
    await rollups.rebuild('2026-10');
    await rollups.refreshDelinquency();

    // The live dashboard counts the late payment: the rollups did move.
    const dashboard = await get<RecoveryDashboard>('/recovery?month=2026-10');
    expect(dashboard.body.totals.recoveredMinor).toBe(245_000);
    const after = await get<PeriodReport>('/periods/2026-10');
    expect(after.status).toBe(200);
    expect(after.body).toEqual(frozen.body);
    expect(after.body.figures.agency.money[0]).toMatchObject({
      recoveredMinor: 175_000,
      balanceMinor: 400_000,
    });
  });

  it('books a payment dated in a closed month at the first instant of the next open one', async () => {
    // 15 October in Bogotá → 1 November 00:00 (05:00 UTC).
    expect(await periods.bookingInstant(new Date('2026-10-15T15:00:00Z'))).toEqual({
      at: new Date('2026-11-01T05:00:00Z'),
      rebooked: true,
    });
    // 31 October 23:30 in Bogotá is already 1 November in UTC, and still October's.
    expect(await periods.isClosed(new Date('2026-11-01T04:30:00Z'))).toBe(true);
    const november = new Date('2026-11-03T15:00:00Z');
    expect(await periods.isClosed(november)).toBe(false);
    expect(await periods.bookingInstant(november)).toEqual({ at: november, rebooked: false });
  });

  it('refuses a back-dated record in a closed month with period_closed, leaving an audit entry', async () => {
    const refusal = await periods
      .assertOpen(new Date('2026-10-28T15:00:00Z'), {
        actor: { id: f.ids['Ana'], role: 'agent', teamId: f.ids['Norte'] },
        entityType: 'interaction',
      })
      .then(
        () => null,
        (error: unknown) => error as AppException,
      );
    expect(refusal?.getStatus()).toBe(409);
    expect(refusal?.getResponse()).toMatchObject({
      details: { reason: PeriodError.Closed, month: '2026-10' },
    });
    const [rows] = (await t.db.query(
      "SELECT actor_id, entity_type FROM audit_events WHERE action = 'period.write-refused'",
    )) as unknown as [{ actor_id: string; entity_type: string }[]];
    expect(rows.map((r) => [String(r.actor_id), r.entity_type])).toEqual([[f.ids['Ana'], 'interaction']]);
    await expect(
      periods.assertOpen(new Date('2026-11-03T15:00:00Z'), { actor: null, entityType: 'interaction' }),
    ).resolves.toBeUndefined();
  });

  it('makes a close wait for a payment being posted in the month, and counts it', async () => {
    const uow = t.app.get(UnitOfWork);
    const outcome: { response?: { status: number; body: PeriodReport } } = {};
    let closing: Promise<void> = Promise.resolve();
    await uow.run(async (tx) => {
      const paidAt = new Date('2026-11-10T15:00:00Z');
      expect((await periods.bookingInstant(paidAt, tx)).rebooked).toBe(false);
      closing = close<PeriodReport>('2026-11').then((response) => {
        outcome.response = response;
      });
      await sleep(700);
      // The close cannot mark November closed while the posting that read it open is in flight.
      expect(outcome.response).toBeUndefined();
      await tx.query(
        `INSERT INTO payments (account_id, client_id, team_id, agent_id, amount_minor, currency, channel, status,
            reference, paid_at) VALUES (?, ?, ?, ?, 40000, 'COP', 'cashier', 'applied', 'REF-IN-FLIGHT', ?)`,
        [f.ids['S-1'], f.ids['C1'], f.ids['Sur'], f.ids['Beto'], paidAt],
      );
    });
    await closing;
    expect(outcome.response?.status).toBe(201);
    // 10 000 from beforeAll + the 40 000 that was in flight.
    expect(outcome.response?.body.figures.agency.money[0].recoveredMinor).toBe(50_000);
    // October and November are closed now: an October payment goes to December.
    expect(await periods.bookingInstant(new Date('2026-10-15T15:00:00Z'))).toEqual({
      at: new Date('2026-12-01T05:00:00Z'),
      rebooked: true,
    });
  });
});
