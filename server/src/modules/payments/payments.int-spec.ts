import {
  GATEWAY_SIGNATURE_HEADER,
  GATEWAY_TIMESTAMP_HEADER,
  type ApiErrorBody,
  type DailyBalanceResponse,
  type GatewaySecretResponse,
  type PaymentAccountLookup,
  type PaymentResponse,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { gatewaySignature } from './gateway-signature.util';

/**
 * Client BCO (COP) with one portfolio; team A (supervisor A) holds the accounts; a cashier, a
 * manager, an admin, and supervisor B of another team. Every account owes 1,000,000: 30,000 late
 * interest, 20,000 fees, 950,000 principal.
 */
describe('Payments', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let sequence = 0;

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async function account(): Promise<{ id: string; number: string }> {
    const number = `PAY-${++sequence}`;
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, national_id, full_name, time_zone, jurisdiction) VALUES (?, ?, '79000111', 'Ana Ruiz', 'America/Bogota', 'CO')",
      [ids['client'], number],
    );
    const id = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, interest_minor, fees_minor, due_date, days_past_due, aging_bucket, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', 1000000, 1000000, 30000, 20000, '2026-09-01', 92, '91-180', 'active', ?)`,
      [ids['client'], ids['portfolio'], debtor, number, ids['teamA']],
    );
    return { id, number };
  }

  /** An active agreement of three 100,000 installments due 5 Dec, 5 Jan, 5 Feb. */
  async function agreement(accountId: string, settlesInFull = false): Promise<string[]> {
    const agreementId = await insertId(
      `INSERT INTO agreements (account_id, team_id, status, currency, total_minor, installments_count, settles_in_full)
       VALUES (?, ?, 'active', 'COP', 300000, 3, ?)`,
      [accountId, ids['teamA'], settlesInFull ? 1 : 0],
    );
    await t.db.query("UPDATE accounts SET status = 'in_agreement' WHERE id = ?", [accountId]);
    const installments: string[] = [];
    for (const [seq, due] of [
      [1, '2026-12-05'],
      [2, '2027-01-05'],
      [3, '2027-02-05'],
    ] as const)
      installments.push(
        await insertId(
          'INSERT INTO installments (agreement_id, seq, due_date, amount_minor) VALUES (?, ?, ?, 100000)',
          [agreementId, seq, due],
        ),
      );
    return [agreementId, ...installments];
  }

  const pay = (token: string, body: Record<string, unknown>) =>
    api<PaymentResponse & ApiErrorBody>(t.url, 'POST', '/payments', { token, body });

  async function row(sql: string, params: unknown[]): Promise<Record<string, unknown>> {
    const [rows] = (await t.db.query(sql, params)) as unknown as [Record<string, unknown>[]];
    return rows[0];
  }

  beforeAll(async () => {
    t = await startTestApp();
    ids['client'] = await insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BCO', 'Banco Andino', 'CO', 'COP')",
    );
    ids['portfolio'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Tarjetas', 'tardia', 'banking', 'COP', 'CO')",
      [ids['client']],
    );
    ids['supA'] = await insertUser(t.db, { email: 'sup.a@x.co', role: 'supervisor' });
    ids['supB'] = await insertUser(t.db, { email: 'sup.b@x.co', role: 'supervisor' });
    ids['teamA'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('A', ?)", [ids['supA']]);
    await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('B', ?)", [ids['supB']]);
    await insertUser(t.db, { email: 'caja@x.co', role: 'cashier' });
    await insertUser(t.db, { email: 'agent@x.co', role: 'agent', teamId: ids['teamA'] });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    await insertUser(t.db, { email: 'admin@x.co', role: 'admin' });
    for (const who of ['caja', 'agent', 'boss', 'admin', 'sup.a', 'sup.b'])
      tokens[who] = await login(t.url, `${who}@x.co`);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('applies a cashier payment to the installments in due order, split over interest, fees and principal', async () => {
    const a = await account();
    const [, first, second] = await agreement(a.id);
    const lookup = await api<PaymentAccountLookup[]>(
      t.url,
      'GET',
      `/payments/account-lookup?accountNumber=${a.number}`,
      {
        token: tokens['caja'],
      },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.map((l) => l.accountId)).toEqual([a.id]);
    expect(lookup.body[0].openInstallments.map((i) => i.seq)).toEqual([1, 2, 3]);
    const outsider = await api<PaymentAccountLookup[]>(
      t.url,
      'GET',
      `/payments/account-lookup?accountNumber=${a.number}`,
      {
        token: tokens['sup.b'],
      },
    );
    expect(outsider.body).toEqual([]);

    // 150,000: installment 1 whole (30,000 interest + 20,000 fees + 50,000 principal), 50,000 of
    // installment 2 (principal). Balance 850,000; due now runs from installment 2 (not due yet).
    const { status, body } = await pay(tokens['caja'], {
      accountId: a.id,
      amountMinor: 150_000,
      channel: 'cashier',
      reference: 'RC-1001',
    });
    expect(status).toBe(201);
    expect(body.allocations).toEqual([
      { installmentId: first, installmentSeq: 1, target: 'interest', amountMinor: 30_000 },
      { installmentId: first, installmentSeq: 1, target: 'fees', amountMinor: 20_000 },
      { installmentId: first, installmentSeq: 1, target: 'principal', amountMinor: 50_000 },
      { installmentId: second, installmentSeq: 2, target: 'principal', amountMinor: 50_000 },
    ]);
    expect(body.account).toMatchObject({
      balanceMinor: 850_000,
      interestMinor: 0,
      feesMinor: 0,
      principalMinor: 850_000,
      status: 'in_agreement',
      daysPastDue: 0,
      agingBucket: '0-30',
    });
    expect(await row('SELECT status, paid_minor FROM installments WHERE id = ?', [first])).toEqual({
      status: 'paid',
      paid_minor: 100_000,
    });
    expect(await row('SELECT status, paid_minor FROM installments WHERE id = ?', [second])).toEqual({
      status: 'partial',
      paid_minor: 50_000,
    });
    const audit = await row(
      "SELECT actor_role FROM audit_events WHERE action = 'payment.posted' AND entity_id = ?",
      [body.id],
    );
    expect(audit['actor_role']).toBe('cashier');
  });

  it('answers a repeated reference with the same payment, and refuses another payment under it', async () => {
    const a = await account();
    const first = await pay(tokens['caja'], {
      accountId: a.id,
      amountMinor: 10_000,
      channel: 'cashier',
      reference: 'RC-2001',
    });
    const again = await pay(tokens['caja'], {
      accountId: a.id,
      amountMinor: 10_000,
      channel: 'cashier',
      reference: 'RC-2001',
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect((await row('SELECT balance_minor FROM accounts WHERE id = ?', [a.id]))['balance_minor']).toBe(
      990_000,
    );
    const other = await pay(tokens['caja'], {
      accountId: a.id,
      amountMinor: 99,
      channel: 'cashier',
      reference: 'RC-2001',
    });
    expect(other.status).toBe(409);
  });

  it('keeps the agreement when its last installment is paid, and a settling plan writes the rest off', async () => {
    const a = await account();
    const [agreementId] = await agreement(a.id, true);
    const { body } = await pay(tokens['boss'], {
      accountId: a.id,
      amountMinor: 300_000,
      channel: 'bank',
      reference: 'BK-1',
    });
    // 300,000 pays the plan; the 700,000 left is forgiven because the plan settles the debt.
    expect(body.account).toMatchObject({ balanceMinor: 0, status: 'paid', daysPastDue: 0 });
    expect(await row('SELECT status FROM agreements WHERE id = ?', [agreementId])).toEqual({
      status: 'kept',
    });
    const [writeOffs] = (await t.db.query(
      "SELECT component, amount_minor FROM account_ledger WHERE kind = 'writeoff' AND ref_id = ? ORDER BY component",
      [body.id],
    )) as unknown as [Record<string, unknown>[]];
    expect(writeOffs).toEqual([{ component: 'principal', amount_minor: -700_000 }]);

    // The payment bounces: everything comes back exactly, the agreement is active again.
    const reversed = await api<PaymentResponse>(t.url, 'POST', `/payments/${body.id}/reverse`, {
      token: tokens['boss'],
      body: { reason: 'cheque devuelto' },
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body.status).toBe('reversed');
    expect(reversed.body.account).toMatchObject({
      balanceMinor: 1_000_000,
      interestMinor: 30_000,
      feesMinor: 20_000,
      principalMinor: 950_000,
      status: 'in_agreement',
    });
    expect(await row('SELECT status FROM agreements WHERE id = ?', [agreementId])).toEqual({
      status: 'active',
    });
    const [installments] = (await t.db.query(
      'SELECT n.status, n.paid_minor FROM installments n WHERE n.agreement_id = ? ORDER BY seq',
      [agreementId],
    )) as unknown as [Record<string, unknown>[]];
    expect(installments).toEqual([
      { status: 'pending', paid_minor: 0 },
      { status: 'pending', paid_minor: 0 },
      { status: 'pending', paid_minor: 0 },
    ]);
    const again = await api(t.url, 'POST', `/payments/${body.id}/reverse`, {
      token: tokens['boss'],
      body: { reason: 'cheque devuelto' },
    });
    expect(again.status).toBe(409);
  });

  it('keeps what is paid beyond the balance as credit, and days past due run from the account when there is no plan', async () => {
    const a = await account();
    const { body } = await pay(tokens['caja'], {
      accountId: a.id,
      amountMinor: 1_000_500,
      channel: 'cashier',
      reference: 'RC-3001',
    });
    expect(body.account).toMatchObject({ balanceMinor: 0, creditMinor: 500, status: 'paid' });
    expect(body.allocations.map((l) => [l.target, l.amountMinor])).toEqual([
      ['interest', 30_000],
      ['fees', 20_000],
      ['principal', 950_000],
      ['credit', 500],
    ]);
    const b = await account();
    const partial = await pay(tokens['caja'], {
      accountId: b.id,
      amountMinor: 1_000,
      channel: 'cashier',
      reference: 'RC-3002',
    });
    expect(partial.body.account.status).toBe('active');
    expect(partial.body.account.daysPastDue).toBeGreaterThan(90);
  });

  it('books a payment dated in a closed month into the open one, keeping the date it was paid', async () => {
    const a = await account();
    await t.db.query("INSERT INTO closed_periods (month, closed_at) VALUES ('2026-10-01', NOW(3))");
    const { status, body } = await pay(tokens['boss'], {
      accountId: a.id,
      amountMinor: 5_000,
      channel: 'bank',
      reference: 'BK-OCT',
      paidAt: '2026-10-15T15:00:00.000Z',
    });
    expect(status).toBe(201);
    // November starts at 05:00 UTC in Bogotá.
    expect(body).toMatchObject({ paidAt: '2026-11-01T05:00:00.000Z', valueAt: '2026-10-15T15:00:00.000Z' });
    const audit = await row('SELECT action FROM audit_events WHERE entity_type = ? AND entity_id = ?', [
      'payment',
      body.id,
    ]);
    expect(audit['action']).toBe('payment.posted-rebooked');
  });

  it('enforces who may post: agents never, supervisors only for their teams, bad input with a clear error', async () => {
    const a = await account();
    const body = { accountId: a.id, amountMinor: 1_000, channel: 'cashier', reference: 'RC-4001' };
    expect((await pay(tokens['agent'], body)).status).toBe(403);
    expect((await pay(tokens['sup.b'], body)).status).toBe(404);
    expect((await pay(tokens['sup.a'], body)).status).toBe(201);
    const bad = await pay(tokens['caja'], { ...body, reference: 'RC-4002', amountMinor: 10.5 });
    expect(bad.status).toBe(400);
    const future = await pay(tokens['caja'], {
      ...body,
      reference: 'RC-4003',
      paidAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(400);
  });

  it('takes signed gateway notifications once, refuses forged or stale ones, and reverses chargebacks', async () => {
    const a = await account();
    const secret = await api<GatewaySecretResponse>(
      t.url,
      'POST',
      `/clients/${ids['client']}/gateway-secret`,
      {
        token: tokens['admin'],
      },
    );
    expect(secret.status).toBe(201);
    const send = (payload: Record<string, unknown>, options: { key?: string; at?: number } = {}) => {
      const raw = JSON.stringify(payload);
      const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
      return fetch(`${t.url}/api/webhooks/payments/BCO`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_TIMESTAMP_HEADER]: timestamp,
          [GATEWAY_SIGNATURE_HEADER]: gatewaySignature(options.key ?? secret.body.secret, timestamp, raw),
        },
        body: raw,
      });
    };
    const paid = {
      accountNumber: a.number,
      amountMinor: 40_000,
      currency: 'COP',
      reference: 'PSE-77',
      paidAt: new Date().toISOString(),
      event: 'paid',
    };
    const first = await send(paid);
    expect(first.status).toBe(200);
    const payment = (await first.json()) as PaymentResponse;
    expect(payment).toMatchObject({ channel: 'gateway', amountMinor: 40_000, duplicate: false });
    const retry = await send(paid);
    expect(((await retry.json()) as PaymentResponse).duplicate).toBe(true);
    expect((await row('SELECT balance_minor FROM accounts WHERE id = ?', [a.id]))['balance_minor']).toBe(
      960_000,
    );

    expect((await send(paid, { key: 'not-the-secret' })).status).toBe(403);
    expect((await send(paid, { at: Date.now() - 10 * 60_000 })).status).toBe(403);
    expect((await send({ ...paid, reference: 'PSE-78', amountMinor: -5 })).status).toBe(400);
    expect((await send({ ...paid, reference: 'PSE-79', currency: 'USD' })).status).toBe(400);

    const chargeback = await send({ ...paid, event: 'reversed', reason: 'contracargo' });
    expect(chargeback.status).toBe(200);
    expect(((await chargeback.json()) as PaymentResponse).status).toBe('reversed');
    expect((await row('SELECT balance_minor FROM accounts WHERE id = ?', [a.id]))['balance_minor']).toBe(
      1_000_000,
    );
  });

  it("balances the day's payments per channel and portfolio, and signs a finished day off once", async () => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });
    const day = await api<DailyBalanceResponse>(t.url, 'GET', `/payments/daily-balance?date=${today}`, {
      token: tokens['boss'],
    });
    expect(day.status).toBe(200);
    const cashier = day.body.rows.find((r) => r.channel === 'cashier')!;
    // Earlier tests' cashier payments that stayed applied: 150,000 + 10,000 + 1,000,500 + 1,000 + 1,000.
    expect(cashier.appliedMinor).toBe(1_162_500);
    expect(cashier.toCreditMinor).toBe(500);
    const bank = day.body.rows.find((r) => r.channel === 'bank')!;
    expect(bank).toMatchObject({ appliedMinor: 300_000, reversedMinor: 300_000, netMinor: 0 });
    expect(
      (
        await api(t.url, 'POST', '/payments/daily-balance/sign-off', {
          token: tokens['boss'],
          body: { date: today },
        })
      ).status,
    ).toBe(409);
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'America/Bogota',
    });
    const signed = await api<DailyBalanceResponse>(t.url, 'POST', '/payments/daily-balance/sign-off', {
      token: tokens['sup.a'],
      body: { date: yesterday },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.signedOff?.byName).toBe('sup.a');
    expect(
      (
        await api(t.url, 'POST', '/payments/daily-balance/sign-off', {
          token: tokens['boss'],
          body: { date: yesterday },
        })
      ).status,
    ).toBe(409);
    expect(
      (await api(t.url, 'GET', '/payments/daily-balance?date=2026-02-30', { token: tokens['boss'] })).status,
    ).toBe(400);
  });
});
