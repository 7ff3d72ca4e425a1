import {
  toIsoDate,
  type ApiErrorBody,
  type DeductionFileResponse,
  type EmployeeLinkResponse,
  type EmployerResponse,
  type ReconciliationResponse,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

/**
 * Client BCO (COP). Employer Acme has three employees with one installment each due on the 28th of
 * this month: A-1 (100,000), A-2 (80,000) and A-3 (50,000). A manager runs the month.
 */
describe('Payroll deduction', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let token = '';
  const period = toIsoDate(new Date()).slice(0, 7);

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

  async function accountOwing(number: string, nationalId: string, name: string, installmentMinor: number) {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, national_id, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'America/Bogota', 'CO')",
      [ids['client'], number, nationalId, name],
    );
    const account = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, due_date, days_past_due, aging_bucket, status)
       VALUES (?, ?, ?, ?, 'COP', 1000000, 1000000, '2026-09-01', 92, '91-180', 'in_agreement')`,
      [ids['client'], ids['portfolio'], debtor, number],
    );
    const agreement = await insertId(
      `INSERT INTO agreements (account_id, status, currency, total_minor, installments_count, settles_in_full)
       VALUES (?, 'active', 'COP', ?, 1, 0)`,
      [account, installmentMinor],
    );
    await insertId(
      'INSERT INTO installments (agreement_id, seq, due_date, amount_minor) VALUES (?, 1, ?, ?)',
      [agreement, `${period}-28`, installmentMinor],
    );
    return account;
  }

  async function withheld(fileId: string, content: string) {
    const form = new FormData();
    form.append('file', new Blob([content]), 'retenido.csv');
    return api<ReconciliationResponse & ApiErrorBody>(t.url, 'POST', `/deduction-files/${fileId}/withheld`, {
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
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Libranzas', 'tardia', 'banking', 'COP', 'CO')",
      [ids['client']],
    );
    ids['a1'] = await accountOwing('A-1', '111', 'Ana Ruiz', 100_000);
    ids['a2'] = await accountOwing('A-2', '222', 'Luis Gómez', 80_000);
    ids['a3'] = await accountOwing('A-3', '333', 'Eva Ríos', 50_000);
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    token = await login(t.url, 'boss@x.co');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists a month’s shortfall, excess, missing line and unknown employee, and applies what was withheld once', async () => {
    const employer = await api<EmployerResponse & ApiErrorBody>(t.url, 'POST', '/employers', {
      token,
      body: { name: 'Acme S.A.S.', taxId: '900123456-7', contactEmail: 'nomina@acme.co', currency: 'COP' },
    });
    expect(employer.status).toBe(201);
    const dupe = await api<ApiErrorBody>(t.url, 'POST', '/employers', {
      token,
      body: { name: 'Otra', taxId: '900123456-7', currency: 'COP' },
    });
    expect(dupe.status).toBe(409);
    for (const [accountNumber, employeeNumber] of [
      ['A-1', 'E-1'],
      ['A-2', 'E-2'],
      ['A-3', 'E-3'],
    ]) {
      const link = await api<EmployeeLinkResponse>(
        t.url,
        'POST',
        `/employers/${employer.body.id}/employees`,
        {
          token,
          body: { clientId: ids['client'], accountNumber, employeeNumber },
        },
      );
      expect(link.status).toBe(201);
    }

    const file = await api<DeductionFileResponse & ApiErrorBody>(
      t.url,
      'POST',
      `/employers/${employer.body.id}/deduction-files`,
      { token, body: { period } },
    );
    expect(file.status).toBe(201);
    // 100 000 + 80 000 + 50 000 = 230 000.
    expect(file.body).toMatchObject({
      period,
      status: 'requested',
      lines: 3,
      requestedMinor: 230_000,
      withheldMinor: null,
    });
    const sent = await fetch(`${t.url}/api/deduction-files/${file.body.id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const sentLines = (await sent.text()).trim().split('\n');
    expect(sentLines).toEqual([
      'referencia;numero_empleado;documento;nombre;cuenta;monto_solicitado;moneda;periodo',
      `PR-${file.body.id}-1;E-1;111;Ana Ruiz;A-1;1000.00;COP;${period}`,
      `PR-${file.body.id}-2;E-2;222;Luis Gómez;A-2;800.00;COP;${period}`,
      `PR-${file.body.id}-3;E-3;333;Eva Ríos;A-3;500.00;COP;${period}`,
    ]);

    const answer = [
      'referencia;documento;cuenta;monto_retenido',
      `PR-${file.body.id}-1;111;A-1;700.00`,
      ';222;A-2;800.00',
      ';999;;100.00',
    ].join('\n');
    const reconciled = await withheld(file.body.id, answer);
    expect(reconciled.status).toBe(200);
    expect(
      reconciled.body.rows.map((r) => [
        r.kind,
        r.accountNumber ?? r.nationalId,
        r.requestedMinor,
        r.withheldMinor,
        r.differenceMinor,
      ]),
    ).toEqual([
      ['withheld_less', 'A-1', 100_000, 70_000, -30_000],
      ['matched', 'A-2', 80_000, 80_000, 0],
      ['missing', 'A-3', 50_000, 0, -50_000],
      ['unknown_employee', '999', 0, 10_000, 10_000],
    ]);
    // Matched 70 000 + 80 000 = 150 000 applied; the 10 000 of nobody on the file is not.
    expect(reconciled.body.totals).toEqual({
      requestedMinor: 230_000,
      withheldMinor: 160_000,
      matchedMinor: 150_000,
      unknownMinor: 10_000,
    });
    expect(reconciled.body.file).toMatchObject({ status: 'withheld', withheldMinor: 160_000 });
    const payments = await rows(
      "SELECT account_id, amount_minor FROM payments WHERE channel = 'payroll' ORDER BY account_id",
    );
    expect(payments).toEqual([
      { account_id: Number(ids['a1']), amount_minor: 70_000 },
      { account_id: Number(ids['a2']), amount_minor: 80_000 },
    ]);
    expect(await rows('SELECT status, paid_minor FROM installments ORDER BY id')).toEqual([
      { status: 'partial', paid_minor: 70_000 },
      { status: 'paid', paid_minor: 80_000 },
      { status: 'pending', paid_minor: 0 },
    ]);

    // The same file again changes nothing; another file for the month, or a new deduction file, is refused.
    const again = await withheld(file.body.id, answer);
    expect(again.body.rows).toEqual(reconciled.body.rows);
    expect((await rows("SELECT COUNT(*) AS n FROM payments WHERE channel = 'payroll'"))[0]['n']).toBe(2);
    expect((await withheld(file.body.id, answer.replace('700.00', '750.00'))).status).toBe(409);
    const regenerate = await api<ApiErrorBody>(
      t.url,
      'POST',
      `/employers/${employer.body.id}/deduction-files`,
      {
        token,
        body: { period },
      },
    );
    expect(regenerate.status).toBe(409);
    const view = await api<ReconciliationResponse>(
      t.url,
      'GET',
      `/deduction-files/${file.body.id}/reconciliation`,
      {
        token,
      },
    );
    expect(view.body.rows).toEqual(reconciled.body.rows);
  });
});
