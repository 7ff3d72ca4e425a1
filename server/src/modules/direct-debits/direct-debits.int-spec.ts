import {
  addDays,
  toIsoDate,
  type ApiErrorBody,
  type DebitBatchItemResponse,
  type DebitBatchResponse,
  type DebitMandateResponse,
  type DebitResponseResult,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

/**
 * Client BCO (COP); accounts each under an active agreement of two 100,000 installments,
 * the first due yesterday and the second next month. A manager keeps the mandates and the batches.
 */
describe('Direct debits', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let token = '';
  const today = toIsoDate(new Date());
  const yesterday = addDays(today, -1);

  /** The app's own jobs (promise checks, rollups) run meanwhile: a deadlock with them is retried. */
  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [result] = await t.db.query(sql, params);
        return String((result as { insertId: number }).insertId);
      } catch (error) {
        if ((error as { errno?: number }).errno !== 1213 || attempt === 5) throw error;
      }
    }
  }

  async function rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const [result] = (await t.db.query(sql, params)) as unknown as [Record<string, unknown>[]];
    return result;
  }

  async function accountWithAgreement(number: string, nationalId: string): Promise<string[]> {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, national_id, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, 'Ana Ruiz', 'America/Bogota', 'CO')",
      [ids['client'], number, nationalId],
    );
    const account = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, due_date, days_past_due, aging_bucket, status)
       VALUES (?, ?, ?, ?, 'COP', 1000000, 1000000, '2026-09-01', 92, '91-180', 'in_agreement')`,
      [ids['client'], ids['portfolio'], debtor, number],
    );
    const agreement = await insertId(
      `INSERT INTO agreements (account_id, status, currency, total_minor, installments_count, settles_in_full)
       VALUES (?, 'active', 'COP', 200000, 2, 0)`,
      [account],
    );
    const first = await insertId(
      'INSERT INTO installments (agreement_id, seq, due_date, amount_minor) VALUES (?, 1, ?, 100000)',
      [agreement, yesterday],
    );
    await insertId(
      'INSERT INTO installments (agreement_id, seq, due_date, amount_minor) VALUES (?, 2, ?, 100000)',
      [agreement, addDays(today, 30)],
    );
    return [account, first];
  }

  const mandate = (body: Record<string, unknown>) =>
    api<DebitMandateResponse & ApiErrorBody>(t.url, 'POST', '/debit-mandates', { token, body });
  const generate = () =>
    api<DebitBatchResponse & ApiErrorBody>(t.url, 'POST', '/debit-batches', {
      token,
      body: { clientId: ids['client'], collectionDate: today, adapter: 'csv', maxAttempts: 3 },
    });
  const items = async (batchId: string) =>
    (await api<DebitBatchItemResponse[]>(t.url, 'GET', `/debit-batches/${batchId}/items`, { token })).body;

  async function respond(batchId: string, content: string) {
    const form = new FormData();
    form.append('file', new Blob([content]), 'respuesta.csv');
    return api<DebitResponseResult & ApiErrorBody>(t.url, 'POST', `/debit-batches/${batchId}/response`, {
      token,
      form,
    });
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
    [ids['a1'], ids['i1']] = await accountWithAgreement('A-1', '1010');
    [ids['a2'], ids['i2']] = await accountWithAgreement('A-2', '2020');
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    await insertUser(t.db, { email: 'caja@x.co', role: 'cashier' });
    token = await login(t.url, 'boss@x.co');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps mandates with the bank account sealed and masked in responses and the audit trail', async () => {
    const created = await mandate({
      clientId: ids['client'],
      accountNumber: 'A-1',
      bankCode: 'bco01',
      bankAccount: '0123-4567-8901',
      limitMinor: 150_000,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      accountId: ids['a1'],
      bankCode: 'BCO01',
      bankAccountMasked: '••••••••8901',
      status: 'active',
    });
    expect(JSON.stringify(created.body)).not.toContain('012345678901');
    const stored = await rows('SELECT bank_account_enc FROM debit_mandates WHERE id = ?', [created.body.id]);
    expect(String(stored[0]['bank_account_enc'])).not.toContain('012345678901');
    const audit = await rows("SELECT after_data FROM audit_events WHERE action = 'debit-mandate.created'");
    expect(JSON.stringify(audit[0]['after_data'])).toContain('••••••••8901');
    expect(JSON.stringify(audit[0]['after_data'])).not.toContain('012345678901');

    const twice = await mandate({
      clientId: ids['client'],
      accountNumber: 'A-1',
      bankCode: 'X',
      bankAccount: '99999999',
      limitMinor: 1,
    });
    expect(twice.status).toBe(409);
    // A-2 allows 60 000 a debit: its 100 000 installment is debited capped.
    expect(
      (
        await mandate({
          clientId: ids['client'],
          accountNumber: 'A-2',
          bankCode: 'BCO02',
          bankAccount: '55554444',
          limitMinor: 60_000,
        })
      ).status,
    ).toBe(201);
    const cashier = await api(t.url, 'GET', '/debit-mandates', { token: await login(t.url, 'caja@x.co') });
    expect(cashier.status).toBe(403);
  });

  it('debits the due installments, applies the paid one, records the retryable reject and retries it in the next batch', async () => {
    const batch = await generate();
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ items: 2, totalMinor: 160_000, status: 'pending', currency: 'COP' });
    const first = await items(batch.body.id);
    expect(first.map((i) => [i.accountNumber, i.amountMinor, i.attempt, i.status])).toEqual([
      ['A-1', 100_000, 1, 'pending'],
      ['A-2', 60_000, 1, 'pending'],
    ]);
    // Nothing is debited twice while the bank has not answered.
    const again = await generate();
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual({ skipped: { in_pending_batch: 2 } });

    const file = await fetch(`${t.url}/api/debit-batches/${batch.body.id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const lines = (await file.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'referencia;cuenta;titular;documento;banco;cuenta_bancaria;monto;moneda;fecha_cobro;intento',
    );
    expect(lines[1]).toBe(
      `${first[0].reference};A-1;Ana Ruiz;1010;BCO01;012345678901;1000.00;COP;${yesterday};1`,
    );

    const response = [
      'referencia;resultado;monto;codigo_rechazo;fecha',
      `${first[0].reference};PAGADO;1000.00;;${today}`,
      `${first[1].reference};RECHAZADO;;R01;${today}`,
      'DD-999-1;PAGADO;;;',
    ].join('\n');
    const result = await respond(batch.body.id, response);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      paid: 1,
      rejected: 1,
      duplicates: 0,
      unanswered: 0,
      revokedMandates: 0,
    });
    expect(result.body.problems).toEqual([
      {
        line: 4,
        column: 'referencia',
        code: 'unknown_item',
        reason: 'la referencia DD-999-1 no es de este lote',
      },
    ]);
    expect(result.body.batch).toMatchObject({ status: 'answered', paid: 1, rejected: 1 });
    const payment = await rows('SELECT amount_minor, channel, batch_id FROM payments WHERE reference = ?', [
      first[0].reference,
    ]);
    expect(payment).toEqual([
      { amount_minor: 100_000, channel: 'direct_debit', batch_id: Number(batch.body.id) },
    ]);
    expect(await rows('SELECT status, paid_minor FROM installments WHERE id = ?', [ids['i1']])).toEqual([
      { status: 'paid', paid_minor: 100_000 },
    ]);
    const answered = await items(batch.body.id);
    expect(answered[1]).toMatchObject({
      status: 'rejected',
      reasonCode: 'R01',
      reason: 'Fondos insuficientes',
      action: 'retry',
    });

    // The same response again applies nothing twice.
    const repeat = await respond(batch.body.id, response);
    expect(repeat.body).toMatchObject({ paid: 0, rejected: 0, duplicates: 2 });
    expect((await rows('SELECT COUNT(*) AS n FROM payments'))[0]['n']).toBe(1);

    const next = await generate();
    expect(next.status).toBe(201);
    const retried = await items(next.body.id);
    expect(retried.map((i) => [i.accountNumber, i.installmentId, i.amountMinor, i.attempt])).toEqual([
      ['A-2', ids['i2'], 60_000, 2],
    ]);

    // An account closed at the bank revokes the mandate: no further batch for it.
    const closed = await respond(
      next.body.id,
      `referencia;resultado;codigo_rechazo\n${retried[0].reference};RECHAZADO;R02\n`,
    );
    expect(closed.body).toMatchObject({ rejected: 1, revokedMandates: 1 });
    const mandates = (
      await api<DebitMandateResponse[]>(t.url, 'GET', '/debit-mandates?status=revoked', { token })
    ).body;
    expect(mandates.map((m) => [m.accountNumber, m.revokedReason])).toEqual([
      ['A-2', `bank reject R02: Cuenta cerrada (${retried[0].reference})`],
    ]);
    expect((await generate()).status).toBe(400);
  });

  it('marks debits a response leaves out as unanswered, to be tried again', async () => {
    await mandate({
      clientId: ids['client'],
      accountNumber: 'A-2',
      bankCode: 'BCO02',
      bankAccount: '77778888',
      limitMinor: 100_000,
    });
    const batch = await generate();
    // A new mandate starts the count anew: attempt 1, for the 100 000 it now allows.
    const [item] = await items(batch.body.id);
    expect([item.accountNumber, item.amountMinor, item.attempt]).toEqual(['A-2', 100_000, 1]);
    const result = await respond(batch.body.id, 'referencia;resultado\n');
    expect(result.body).toMatchObject({ paid: 0, rejected: 0, unanswered: 1 });
    const retried = await items((await generate()).body.id);
    expect([retried[0].installmentId, retried[0].attempt]).toEqual([ids['i2'], 2]);
  });
});
