import { getQueueToken } from '@nestjs/bullmq';
import { LiveKeys } from '@recupera/dialer';
import {
  PROMISES_QUEUE,
  type AgreementBrokenNotice,
  type FloorSnapshot,
  type NotificationListResponse,
  type PaymentResponse,
  type ReminderResponse,
} from '@recupera/shared';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  DialerFixtures,
  until,
  type AgentClient,
  type SupervisorClient,
} from '../../testing/dialer-fixtures.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { DialerStoreService } from '../dialer/dialer-store.service';
import { FloorSnapshotService } from '../floor/floor-snapshot.service';
import { PromiseCheckService } from './promise-check.service';

type Row = Record<string, unknown>;
type Plan = { seq: number; due: string; amount: number; paid?: number; status?: string; paidAt?: string }[];

/**
 * Banco Andino (CO, grace 3 days), the agency in Bogotá (UTC−5). Agent A (team A, supervisor
 * "sup") made every agreement; a campaign on portfolio p1 for team A is running (no dialer worker
 * in this process, so its hopper holds only what is pushed). "Today" is Fri 20 Nov 2026 in Bogotá:
 * a deadline of 19 Nov or earlier has passed.
 */
describe('Promises and agreements', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let check: PromiseCheckService;
  let campaignId: string;
  let agentSocket: AgentClient;
  let supervisorSocket: SupervisorClient;
  let redis: Redis;
  const agentNotices: AgreementBrokenNotice[] = [];
  const supervisorNotices: AgreementBrokenNotice[] = [];
  const agreements: Record<string, string> = {};
  const installments: Record<string, string[]> = {};
  const NOW = new Date('2026-11-20T15:00:00Z');
  const LATER = new Date('2026-11-28T15:00:00Z');
  let phone = 0;

  async function rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    const [result] = (await t.db.query(sql, params)) as unknown as [Row[]];
    return result;
  }

  /** An account of p1 / team A assigned to agent A, in agreement on `plan`. */
  async function withAgreement(number: string, plan: Plan): Promise<string> {
    await f.account(
      number,
      f.ids['p1'],
      f.ids['teamA'],
      'America/Bogota',
      `+5730010000${String(++phone).padStart(2, '0')}`,
    );
    const accountId = f.ids[number];
    await t.db.query("UPDATE accounts SET status = 'in_agreement', assigned_agent_id = ? WHERE id = ?", [
      f.ids['agentA'],
      accountId,
    ]);
    const total = plan.reduce((sum, i) => sum + i.amount, 0);
    agreements[number] = await f.insertId(
      `INSERT INTO agreements (account_id, agent_id, team_id, status, currency, total_minor, down_payment_minor,
         installments_count, settles_in_full, created_at)
       VALUES (?, ?, ?, 'active', 'COP', ?, ?, ?, 1, '2026-10-01 15:00:00')`,
      [
        accountId,
        f.ids['agentA'],
        f.ids['teamA'],
        total,
        plan.find((i) => i.seq === 0)?.amount ?? 0,
        plan.length,
      ],
    );
    installments[number] = [];
    for (const i of plan)
      installments[number].push(
        await f.insertId(
          `INSERT INTO installments (agreement_id, seq, due_date, amount_minor, paid_minor, status, paid_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [agreements[number], i.seq, i.due, i.amount, i.paid ?? 0, i.status ?? 'pending', i.paidAt ?? null],
        ),
      );
    return accountId;
  }

  async function pay(number: string, amountMinor: number, paidAt: string): Promise<void> {
    const response = await api<PaymentResponse>(t.url, 'POST', '/payments', {
      token: await login(t.url, 'caja@promises.test'),
      body: {
        accountId: f.ids[number],
        amountMinor,
        channel: 'cashier',
        reference: `R-${number}-${paidAt}`,
        paidAt,
      },
    });
    expect(response.status).toBe(201);
  }

  const agreementState = async (number: string) =>
    (
      await rows('SELECT status, CAST(closed_at AS CHAR) AS closed_at FROM agreements WHERE id = ?', [
        agreements[number],
      ])
    )[0];
  const schedule = async (number: string) =>
    rows('SELECT seq, status, paid_minor FROM installments WHERE agreement_id = ? ORDER BY seq', [
      agreements[number],
    ]);
  const account = async (number: string) =>
    (await rows('SELECT status, days_past_due, aging_bucket FROM accounts WHERE id = ?', [f.ids[number]]))[0];

  /** Everything the check writes, to compare a run with the next. */
  async function footprint(): Promise<unknown> {
    return {
      agreements: await rows('SELECT id, status, closed_at FROM agreements ORDER BY id'),
      installments: await rows('SELECT id, status, paid_minor FROM installments ORDER BY id'),
      accounts: await rows('SELECT id, status, days_past_due, aging_bucket FROM accounts ORDER BY id'),
      notifications: await rows('SELECT id FROM notifications ORDER BY id'),
      reminders: await rows('SELECT id, status FROM message_reminders ORDER BY id'),
      audit: await rows("SELECT id FROM audit_events WHERE action = 'agreement.broken' ORDER BY id"),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ runDialer: false });
    await t.db.query("SET time_zone = '+00:00'");
    f = new DialerFixtures(t);
    await f.seed();
    await insertUser(t.db, { email: 'caja@promises.test', role: 'cashier' });
    check = t.app.get(PromiseCheckService);
    redis = new Redis(t.config.redisUrl);
    campaignId = await f.startCampaign('Tardía p1', f.ids['p1'], f.ids['teamA']);

    // Down payment paid; installment 1 (due 10 Nov, last day 13 Nov) never paid; 2 pending, 3 part paid.
    await withAgreement('UNPAID', [
      {
        seq: 0,
        due: '2026-11-02',
        amount: 50_000,
        paid: 50_000,
        status: 'paid',
        paidAt: '2026-11-02 15:00:00',
      },
      { seq: 1, due: '2026-11-10', amount: 150_000 },
      { seq: 2, due: '2026-12-10', amount: 150_000 },
      { seq: 3, due: '2027-01-10', amount: 150_000, paid: 20_000, status: 'partial' },
    ]);
    // 99,999 of 100,000 paid by the deadline (due 5 Nov, last day 8 Nov).
    await withAgreement('SHORT', [
      { seq: 1, due: '2026-11-05', amount: 100_000, paid: 99_999, status: 'partial' },
      { seq: 2, due: '2026-12-05', amount: 100_000 },
    ]);
    // Due 1 Oct: its deadline passed 47 days ago — a check that was down all that time catches up.
    await withAgreement('OLD', [{ seq: 1, due: '2026-10-01', amount: 100_000 }]);
    // Paid through the cashier: on time (due 12 Nov, paid 14 Nov ≤ 15 Nov), and late (paid 17 Nov).
    await withAgreement('ONTIME', [
      { seq: 1, due: '2026-11-12', amount: 100_000 },
      { seq: 2, due: '2026-12-12', amount: 100_000 },
    ]);
    await withAgreement('LATE', [
      { seq: 1, due: '2026-11-12', amount: 100_000 },
      { seq: 2, due: '2026-12-12', amount: 100_000 },
    ]);
    // One installment paid on time: the payment itself keeps the agreement.
    await withAgreement('KEPT', [{ seq: 1, due: '2026-11-15', amount: 100_000 }]);
    // Due 22 Nov: its reminder (3 days before, on 19 Nov) is due; the one for 30 Nov is not yet.
    await withAgreement('REMIND', [
      { seq: 1, due: '2026-11-22', amount: 100_000 },
      { seq: 2, due: '2026-11-30', amount: 100_000 },
    ]);
    await pay('ONTIME', 100_000, '2026-11-14T20:00:00.000Z');
    await pay('LATE', 100_000, '2026-11-17T15:00:00.000Z');
    await pay('KEPT', 100_000, '2026-11-14T20:00:00.000Z');
    // A richer account with no agreement: the refill would take it first were it not for the broken ones.
    await f.account('RICH', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573009999999');
    await t.db.query('UPDATE accounts SET balance_minor = 900000 WHERE id = ?', [f.ids['RICH']]);

    agentSocket = await f.connectAgent('a@dialer.test');
    agentSocket.on('agreement.broken', (notice) => agentNotices.push(notice));
    supervisorSocket = await f.connectSupervisor('sup@dialer.test');
    supervisorSocket.on('agreement.broken', (notice) => supervisorNotices.push(notice));
  });

  afterAll(async () => {
    redis?.disconnect();
    await f?.close();
    await t?.close();
  });

  it('breaks what was not paid in full by due date + grace days, once however many run it at once', async () => {
    const [first, second] = await Promise.all([check.run(NOW), check.run(NOW)]);
    // UNPAID, SHORT, OLD and LATE break; one run did it, the other found the check running.
    expect(first.broken + second.broken).toBe(4);
    expect(Math.min(first.broken, second.broken)).toBe(0);

    expect(await agreementState('UNPAID')).toEqual({
      status: 'broken',
      closed_at: '2026-11-20 15:00:00.000',
    });
    expect(await schedule('UNPAID')).toEqual([
      { seq: 0, status: 'paid', paid_minor: 50_000 },
      { seq: 1, status: 'broken', paid_minor: 0 },
      { seq: 2, status: 'on_hold', paid_minor: 0 },
      { seq: 3, status: 'on_hold', paid_minor: 20_000 },
    ]);
    // 10 Nov → 20 Nov: 10 days past due.
    expect(await account('UNPAID')).toEqual({ status: 'active', days_past_due: 10, aging_bucket: '0-30' });

    expect((await schedule('SHORT')).map((i) => i.status)).toEqual(['broken', 'on_hold']);
    expect(await account('SHORT')).toEqual({ status: 'active', days_past_due: 15, aging_bucket: '0-30' });
    // 1 Oct → 20 Nov: 50 days.
    expect(await agreementState('OLD')).toMatchObject({ status: 'broken' });
    expect(await account('OLD')).toEqual({ status: 'active', days_past_due: 50, aging_bucket: '31-60' });
    // Paid in full, but two days after the last grace day: broken like the kept rate counts it.
    expect(await schedule('LATE')).toEqual([
      { seq: 1, status: 'broken', paid_minor: 100_000 },
      { seq: 2, status: 'on_hold', paid_minor: 0 },
    ]);

    // Paid on time: untouched; the single installment paid kept its agreement at payment.
    expect(await agreementState('ONTIME')).toEqual({ status: 'active', closed_at: null });
    expect((await schedule('ONTIME')).map((i) => i.status)).toEqual(['paid', 'pending']);
    expect(await account('ONTIME')).toMatchObject({ status: 'in_agreement' });
    expect(await agreementState('KEPT')).toMatchObject({ status: 'kept' });
    expect(await agreementState('REMIND')).toMatchObject({ status: 'active' });

    const audit = await rows(
      "SELECT entity_id FROM audit_events WHERE action = 'agreement.broken' AND actor_id IS NULL ORDER BY entity_id",
    );
    expect(audit.map((r) => r['entity_id']).sort()).toEqual(
      ['UNPAID', 'SHORT', 'OLD', 'LATE'].map((n) => agreements[n]).sort(),
    );
  });

  it('tells the agent who made it and the team’s supervisor, live and in a notification kept for later', async () => {
    await until('the agent’s four notices', async () => agentNotices.length === 4);
    await until('the supervisor’s four notices', async () => supervisorNotices.length === 4);
    const unpaid = agentNotices.find((n) => n.accountNumber === 'UNPAID');
    expect(unpaid).toEqual({
      agreementId: agreements['UNPAID'],
      accountId: f.ids['UNPAID'],
      accountNumber: 'UNPAID',
      installmentSeq: 1,
      dueDate: '2026-11-10',
      amountMinor: 150_000,
      paidMinor: 0,
      currency: 'COP',
      agentId: f.ids['agentA'],
      teamId: f.ids['teamA'],
      brokenAt: NOW.toISOString(),
      seq: expect.any(Number),
    });
    const stored = await rows(
      "SELECT user_id, entity_id FROM notifications WHERE kind = 'agreement.broken' ORDER BY user_id, entity_id",
    );
    expect(stored).toHaveLength(8);
    expect(new Set(stored.map((r) => String(r['user_id'])))).toEqual(
      new Set([f.ids['agentA'], f.ids['sup']]),
    );

    const token = await login(t.url, 'a@dialer.test');
    const mine = await api<NotificationListResponse>(t.url, 'GET', '/notifications', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(4);
    const notice = mine.body.items.find((n) => n.payload.accountNumber === 'SHORT');
    expect(notice).toMatchObject({ kind: 'agreement.broken', readAt: null, payload: { paidMinor: 99_999 } });
    expect((await api(t.url, 'POST', `/notifications/${notice!.id}/read`, { token })).status).toBe(204);
    expect((await api<NotificationListResponse>(t.url, 'GET', '/notifications', { token })).body.unread).toBe(
      3,
    );
    // Someone else's notification is nobody's business: the supervisor's copy answers 404 to the agent.
    const [theirs] = await rows('SELECT id FROM notifications WHERE user_id = ? LIMIT 1', [f.ids['sup']]);
    expect((await api(t.url, 'POST', `/notifications/${String(theirs['id'])}/read`, { token })).status).toBe(
      404,
    );
    const all = await api<{ read: number }>(t.url, 'POST', '/notifications/read-all', { token });
    expect(all.body).toEqual({ read: 3 });
  });

  it('raises the broken accounts to the front of the running campaign’s hopper and its refill', async () => {
    const hopper = new LiveKeys(t.config.queuePrefix).hopper(campaignId);
    // Scores below 1e12 are the front class callbacks due use.
    const front = await redis.zrangebyscore(hopper, 0, 1e12 - 1);
    expect(front.map((member) => member.split('|')[0]).sort()).toEqual(
      ['UNPAID', 'SHORT', 'OLD', 'LATE'].map((n) => f.ids[n]).sort(),
    );
    const store = t.app.get(DialerStoreService, { strict: false });
    const plan = await store.campaign(campaignId);
    const order = (await store.candidates(plan!, 20, NOW)).map((entry) => entry.accountId);
    const rich = order.indexOf(f.ids['RICH']);
    expect(rich).toBeGreaterThanOrEqual(0);
    for (const broken of ['UNPAID', 'SHORT', 'OLD', 'LATE'])
      expect(order.indexOf(f.ids[broken])).toBeLessThan(rich);
  });

  it('shows the broken agreements among the supervisor floor’s alerts', async () => {
    const floor = t.app.get(FloorSnapshotService, { strict: false });
    const snapshot: FloorSnapshot = await floor.snapshot(
      { id: f.ids['sup'], role: 'supervisor', teamId: null },
      [f.ids['teamA']],
      new Date(NOW.getTime() + 3_600_000),
    );
    const broken = snapshot.alerts.filter((a) => a.kind === 'agreement_broken');
    expect(broken.map((a) => a.subject).sort()).toEqual(['LATE', 'OLD', 'SHORT', 'UNPAID']);
    expect(broken[0].since).toBe(NOW.toISOString());
  });

  it('changes nothing when run again, yet still looks at the installments past their deadline', async () => {
    const before = await footprint();
    const again = await check.run(NOW);
    // ONTIME's installment 1 is past its deadline and kept: looked at, left alone.
    expect(again).toMatchObject({ broken: 0, checked: 1 });
    expect(await footprint()).toEqual(before);
  });

  it('records the reminders before a due date and the notices of broken agreements once', async () => {
    const reminders = await rows(
      `SELECT r.kind, n.seq, a.account_number, CAST(r.due_at AS CHAR) AS due_at, r.status FROM message_reminders r
         JOIN installments n ON n.id = r.installment_id JOIN accounts a ON a.id = r.account_id
        ORDER BY r.kind, a.account_number`,
    );
    expect(reminders).toEqual([
      // 19 Nov 09:00 in Bogotá.
      {
        kind: 'before_due',
        seq: 1,
        account_number: 'REMIND',
        due_at: '2026-11-19 14:00:00.000',
        status: 'due',
      },
      ...['LATE', 'OLD', 'SHORT', 'UNPAID'].map((number) => ({
        kind: 'broken_notice',
        seq: 1,
        account_number: number,
        due_at: '2026-11-20 15:00:00.000',
        status: 'due',
      })),
    ]);

    // Installment 1 paid on 21 Nov; by 28 Nov installment 2's reminder (27 Nov) is due and 1's is moot.
    await pay('REMIND', 100_000, '2026-11-21T15:00:00.000Z');
    expect(await check.run(LATER)).toMatchObject({ broken: 0 });
    expect(
      await rows(
        `SELECT n.seq, r.status, CAST(r.due_at AS CHAR) AS due_at FROM message_reminders r
           JOIN installments n ON n.id = r.installment_id WHERE r.account_id = ? ORDER BY n.seq`,
        [f.ids['REMIND']],
      ),
    ).toEqual([
      { seq: 1, status: 'cancelled', due_at: '2026-11-19 14:00:00.000' },
      { seq: 2, status: 'due', due_at: '2026-11-27 14:00:00.000' },
    ]);
    await check.run(LATER);
    expect(
      await rows('SELECT id FROM message_reminders WHERE account_id = ?', [f.ids['REMIND']]),
    ).toHaveLength(2);

    const sup = await login(t.url, 'sup@dialer.test');
    const due = await api<ReminderResponse[]>(t.url, 'GET', '/promises/reminders?status=due', { token: sup });
    expect(due.status).toBe(200);
    expect(due.body.map((r) => [r.kind, r.accountNumber, r.installmentSeq])).toEqual([
      ...['UNPAID', 'SHORT', 'OLD', 'LATE']
        .map((n) => ['broken_notice', n, 1] as const)
        .sort((a, b) => Number(f.ids[a[1]]) - Number(f.ids[b[1]])),
      ['before_due', 'REMIND', 2],
    ]);
    const agent = await login(t.url, 'a@dialer.test');
    expect((await api(t.url, 'GET', '/promises/reminders', { token: agent })).status).toBe(403);
  });

  it('runs daily on its BullMQ queue and catches up on a deadline passed while it was down', async () => {
    await withAgreement('QUEUED', [{ seq: 1, due: '2026-11-01', amount: 100_000 }]);
    const runs = async () => Number((await rows('SELECT COUNT(*) AS n FROM promise_check_runs'))[0]['n']);
    const before = await runs();
    const queue = t.app.get<Queue>(getQueueToken(PROMISES_QUEUE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([
      ['promises-check-daily', '5 0 * * *', t.config.agencyTimeZone],
    ]);
    await queue.add('promises.check', { at: LATER.toISOString() });
    await until('the queued check', async () => (await runs()) > before);
    expect(await agreementState('QUEUED')).toEqual({
      status: 'broken',
      closed_at: '2026-11-28 15:00:00.000',
    });
    // 1 Nov → 28 Nov.
    expect(await account('QUEUED')).toEqual({ status: 'active', days_past_due: 27, aging_bucket: '0-30' });
    // The last run was for 28 Nov: a process starting on any later day queues a catch-up.
    expect(await check.missedRun(new Date('2026-11-28T20:00:00Z'))).toBe(false);
    expect(await check.missedRun(new Date('2026-11-29T15:00:00Z'))).toBe(true);
  });

  it('prints the agreement as a PDF for whoever may open the account, in their language', async () => {
    const id = agreements['UNPAID'];
    const agent = await login(t.url, 'a@dialer.test');
    const es = await fetch(`${t.url}/api/agreements/${id}/document.pdf`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(es.status).toBe(200);
    expect(es.headers.get('content-type')).toBe('application/pdf');
    expect(es.headers.get('content-disposition')).toBe(`inline; filename="convenio-${id}.pdf"`);
    expect(
      Buffer.from(await es.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const en = await fetch(`${t.url}/api/agreements/${id}/document.pdf`, {
      headers: { authorization: `Bearer ${agent}`, 'accept-language': 'en' },
    });
    expect(en.headers.get('content-disposition')).toBe(`inline; filename="agreement-${id}.pdf"`);
    // Another team's agent: as if it did not exist.
    const other = await api(t.url, 'GET', `/agreements/${id}/document.pdf`, {
      token: await login(t.url, 'b@dialer.test'),
    });
    expect(other.status).toBe(404);
    expect((await api(t.url, 'GET', '/agreements/999999/document.pdf', { token: agent })).status).toBe(404);
  });
});
