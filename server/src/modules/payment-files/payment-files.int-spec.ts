import {
  addDays,
  toIsoDate,
  type ApiErrorBody,
  type PaymentFileLayoutResponse,
  type PaymentFileRejectView,
  type PaymentFileResponse,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

/**
 * Client BCO (COP) with five accounts owing 1,000,000.00 COP each (100,000,000 minor units, of
 * which 3,000,000 interest and 2,000,000 fees). A manager keeps the layouts; a cashier loads the files, which a BullMQ worker reads and posts.
 */
describe('Payment files', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const yesterday = addDays(toIsoDate(new Date()), -1);

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async function rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const [result] = (await t.db.query(sql, params)) as unknown as [Record<string, unknown>[]];
    return result;
  }

  async function balance(accountNumber: string): Promise<number> {
    return Number(
      (await rows('SELECT balance_minor FROM accounts WHERE account_number = ?', [accountNumber]))[0][
        'balance_minor'
      ],
    );
  }

  async function saveLayout(name: string, layout: unknown) {
    return api<PaymentFileLayoutResponse & ApiErrorBody>(t.url, 'PUT', '/payment-files/layouts', {
      token: tokens['boss'],
      body: { clientId: ids['client'], name, layout },
    });
  }

  async function upload(content: string, fileName: string, layoutId: string, channel = 'bank') {
    const form = new FormData();
    form.append('clientId', ids['client']);
    form.append('layoutId', layoutId);
    form.append('channel', channel);
    form.append('file', new Blob([content]), fileName);
    return api<PaymentFileResponse & ApiErrorBody>(t.url, 'POST', '/payment-files', {
      token: tokens['caja'],
      form,
    });
  }

  async function finished(id: string): Promise<PaymentFileResponse> {
    for (let i = 0; i < 200; i++) {
      const { body } = await api<PaymentFileResponse>(t.url, 'GET', `/payment-files/${id}`, {
        token: tokens['caja'],
      });
      if (body.status === 'completed' || body.status === 'failed') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`payment file ${id} did not finish`);
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
    for (const n of [1, 2, 3, 4, 5]) {
      const debtor = await insertId(
        "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, 'Ana Ruiz', 'America/Bogota', 'CO')",
        [ids['client'], `d${n}`],
      );
      await insertId(
        `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
           balance_minor, interest_minor, fees_minor, due_date, days_past_due, aging_bucket, status)
         VALUES (?, ?, ?, ?, 'COP', 100000000, 100000000, 3000000, 2000000, '2026-09-01', 92, '91-180', 'active')`,
        [ids['client'], ids['portfolio'], debtor, `A-${n}`],
      );
    }
    await insertUser(t.db, { email: 'caja@x.co', role: 'cashier' });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    await insertUser(t.db, { email: 'agent@x.co', role: 'agent' });
    for (const who of ['caja', 'boss', 'agent']) tokens[who] = await login(t.url, `${who}@x.co`);
  });

  afterAll(async () => {
    await t?.close();
  });

  const csvLayout = {
    format: 'csv',
    columns: { accountNumber: 'cuenta', amount: 'valor', paidDate: 'fecha', reference: 'referencia' },
    dateFormat: 'auto',
    decimalSeparator: ',',
    impliedDecimals: false,
  };

  it('keeps layouts per client for managers only, and refuses one that cannot read a file', async () => {
    const refused = await api<ApiErrorBody>(t.url, 'PUT', '/payment-files/layouts', {
      token: tokens['caja'],
      body: { clientId: ids['client'], name: 'x', layout: csvLayout },
    });
    expect(refused.status).toBe(403);
    const broken = await saveLayout('roto', { ...csvLayout, columns: { accountNumber: 'cuenta' } });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toContain('required field "amount" is not mapped');
    const agent = await api(t.url, 'GET', '/payment-files', { token: tokens['agent'] });
    expect(agent.status).toBe(403);
  });

  it('applies the good lines of a CSV file and rejects the bad ones by line number; a re-upload applies nothing twice', async () => {
    const layout = await saveLayout('Banco CSV', csvLayout);
    expect(layout.status).toBe(200);
    const content = [
      'cuenta;valor;fecha;referencia',
      `A-1;100.000,50;${yesterday};TRX-1`,
      `A-2;mil;${yesterday};TRX-2`,
      `A-3;50.000;${yesterday};TRX-3`,
      `Z-9;10.000;${yesterday};TRX-4`,
      `A-4;25.000;${yesterday};TRX-1`,
      `A-5;75.000;${yesterday};TRX-5`,
    ].join('\n');

    const first = await upload(content, 'pagos.csv', layout.body.id);
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('queued');
    const done = await finished(first.body.id);
    // Lines 2, 4 and 7 applied: 100 000.50 + 50 000 + 75 000 = 225 000.50 COP = 22 500 050 minor.
    expect(done).toMatchObject({
      status: 'completed',
      processedRows: 6,
      applied: 3,
      duplicates: 0,
      rejected: 3,
      appliedTotals: [{ currency: 'COP', amountMinor: 22_500_050 }],
    });
    const rejects = await api<PaymentFileRejectView[]>(t.url, 'GET', `/payment-files/${done.id}/rejects`, {
      token: tokens['caja'],
    });
    expect(rejects.body).toEqual([
      { line: 3, column: 'valor', code: 'not_amount', reason: '"mil" no es un monto en COP' },
      {
        line: 5,
        column: 'cuenta',
        code: 'unknown_account',
        reason: 'la cuenta Z-9 no existe para el cliente BCO',
      },
      {
        line: 6,
        column: 'referencia',
        code: 'duplicate_reference',
        reason: 'la referencia TRX-1 está repetida (primero en la línea 2)',
      },
    ]);
    // 1 000 000.00 COP = 100 000 000 minor; minus 10 000 050 → 89 999 950.
    expect(await balance('A-1')).toBe(89_999_950);
    expect(await balance('A-2')).toBe(100_000_000);
    expect(await balance('A-3')).toBe(95_000_000);
    expect(await balance('A-5')).toBe(92_500_000);
    const posted = await rows(
      'SELECT reference, channel, batch_id FROM payments WHERE batch_id = ? ORDER BY reference',
      [done.id],
    );
    expect(posted).toEqual([
      { reference: 'TRX-1', channel: 'bank', batch_id: Number(done.id) },
      { reference: 'TRX-3', channel: 'bank', batch_id: Number(done.id) },
      { reference: 'TRX-5', channel: 'bank', batch_id: Number(done.id) },
    ]);

    const report = await fetch(`${t.url}/api/payment-files/${done.id}/rejects.csv`, {
      headers: { authorization: `Bearer ${tokens['caja']}`, 'accept-language': 'en' },
    });
    expect((await report.text()).split('\n')).toEqual([
      'line,column,code,reason',
      '3,valor,not_amount,"""mil"" is not an amount in COP"',
      '5,cuenta,unknown_account,account Z-9 does not exist for client BCO',
      '6,referencia,duplicate_reference,reference TRX-1 is repeated (first on line 2)',
      '',
    ]);

    const again = await finished((await upload(content, 'pagos.csv', layout.body.id)).body.id);
    expect(again).toMatchObject({
      status: 'completed',
      applied: 0,
      duplicates: 3,
      rejected: 3,
      appliedTotals: [],
    });
    expect(await balance('A-1')).toBe(89_999_950);
    expect((await rows("SELECT COUNT(*) AS n FROM payments WHERE reference LIKE 'TRX-%'"))[0]['n']).toBe(3);
    const audit = await rows("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'payment-file.uploaded'");
    expect(audit[0]['n']).toBe(2);
  });

  it('reads a fixed-width cashier file with implied decimals, skipping its header and trailer records', async () => {
    const layout = await saveLayout('Caja ancho fijo', {
      format: 'fixed',
      fields: [
        { field: 'accountNumber', start: 2, length: 10 },
        { field: 'amount', start: 12, length: 12 },
        { field: 'paidDate', start: 24, length: 8 },
        { field: 'reference', start: 32, length: 15 },
      ],
      skipLines: 0,
      detailRecord: { start: 1, value: '2' },
      dateFormat: 'YYYYMMDD',
      decimalSeparator: '.',
      impliedDecimals: true,
    });
    expect(layout.status).toBe(200);
    const day = yesterday.replace(/-/g, '');
    const content = [
      `1CAJA01    ${day}`,
      `2A-4       000000012345${day}CAJA-0001      `,
      `2A-4       0000000001X0${day}CAJA-0002      `,
      '9000002',
    ].join('\r\n');
    const done = await finished((await upload(content, 'caja.txt', layout.body.id, 'cashier')).body.id);
    expect(done).toMatchObject({ status: 'completed', processedRows: 2, applied: 1, rejected: 1 });
    // 000000012345 = 123.45 COP = 12 345 minor.
    expect(await balance('A-4')).toBe(100_000_000 - 12_345);
    const rejects = await api<PaymentFileRejectView[]>(t.url, 'GET', `/payment-files/${done.id}/rejects`, {
      token: tokens['caja'],
      language: 'en',
    });
    expect(rejects.body).toEqual([
      {
        line: 3,
        column: 'amount@12-23',
        code: 'not_amount',
        reason: '"0000000001X0" is not an amount in COP',
      },
    ]);
    expect((await rows("SELECT channel FROM payments WHERE reference = 'CAJA-0001'"))[0]['channel']).toBe(
      'cashier',
    );
  });

  it('refuses a file that lacks the layout’s columns before queueing it', async () => {
    const [layout] = (
      await api<PaymentFileLayoutResponse[]>(
        t.url,
        'GET',
        `/payment-files/layouts?clientId=${ids['client']}`,
        {
          token: tokens['caja'],
        },
      )
    ).body.filter((l) => l.name === 'Banco CSV');
    const refused = await upload('cuenta;monto\nA-1;10\n', 'otro.csv', layout.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'missing_columns' });
    expect(refused.body.message).toContain('column "valor" (for amount) is not in the file');
  });
});
