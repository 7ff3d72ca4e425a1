import {
  ADMIN_NAMESPACE,
  ErrorCode,
  type AdminServerToClientEvents,
  type ImportPreviewResponse,
  type ImportProgress,
  type ImportRejectView,
  type ImportResponse,
} from '@recupera/shared';
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

const UCI_FILE = join(__dirname, '../../../../../shared/data/uci-credit-card-default.csv');

const GOOD_AND_BAD = [
  'cuenta;cedula;nombre;telefono;saldo;vence',
  'C-1;1010;Ana Pérez;300 123 4567;1500.50;2026-10-01',
  'C-2;2020;Luis Gómez;12;100;2026-09-01',
  'C-3;3030;Eva Ríos;3109876543;mil;2026-09-01',
  'C-1;1010;Ana Pérez;300 123 4567;1500.50;2026-10-01',
  'C-4;4040;Juan Díaz;3201112233;99.99;31/02/2026',
  'C-5;5050;Rosa Peña;3151234567;250;15/08/2026',
].join('\n');

describe('Portfolio import', () => {
  let t: TestApp;
  let token: string;
  let socket: Socket<AdminServerToClientEvents>;
  const progress: ImportProgress[] = [];

  async function upload(content: string | Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
    return api<ImportPreviewResponse & { code?: string; message?: string }>(
      t.url,
      'POST',
      '/imports/uploads',
      { token, form },
    );
  }

  async function importAndWait(
    content: string | Buffer,
    name: string,
    mapping: Record<string, string>,
    saveMappingAs?: string,
  ): Promise<ImportResponse> {
    const preview = await upload(content, name);
    expect(preview.status).toBe(201);
    const done = new Promise<ImportResponse>((resolve) => socket.once('import.completed', resolve));
    const started = await api<ImportResponse>(t.url, 'POST', '/imports', {
      token,
      body: { uploadId: preview.body.uploadId, portfolioId: '1', mapping, saveMappingAs },
    });
    expect(started.status).toBe(201);
    expect(started.body.status).toBe('queued');
    return done;
  }

  beforeAll(async () => {
    t = await startTestApp({ importMaxBytes: 8 * 1024 * 1024, importBatchSize: 500 });
    await t.db.query(
      "INSERT INTO clients (code, name, country, currency) VALUES ('C1', 'Cliente', 'CO', 'COP')",
    );
    await t.db.query(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 'P', 'tardia', 'banking', 'COP', 'CO')",
    );
    await insertUser(t.db, { email: 'admin@x.co', role: 'admin' });
    await insertUser(t.db, { email: 'agent@x.co', role: 'agent' });
    token = await login(t.url, 'admin@x.co');
    socket = io(`${t.url}${ADMIN_NAMESPACE}`, { auth: { token }, transports: ['websocket'] });
    socket.on('import.progressed', (p) => progress.push(p));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    socket.disconnect();
    await t.close();
  });

  const mapping = {
    accountNumber: 'cuenta',
    nationalId: 'cedula',
    fullName: 'nombre',
    phone1: 'telefono',
    balance: 'saldo',
    dueDate: 'vence',
  };

  it('previews the header and sample rows of a semicolon CSV', async () => {
    const preview = await upload(GOOD_AND_BAD, 'cartera.csv');
    expect(preview.body.header).toEqual(['cuenta', 'cedula', 'nombre', 'telefono', 'saldo', 'vence']);
    expect(preview.body.sampleRows[0]).toEqual([
      'C-1',
      '1010',
      'Ana Pérez',
      '300 123 4567',
      '1500.50',
      '2026-10-01',
    ]);
    expect(preview.body.presets.map((p) => p.name)).toContain('uci-credit-card');
  });

  it('lands good rows and reports each bad one with its line, column and reason', async () => {
    const result = await importAndWait(GOOD_AND_BAD, 'cartera.csv', mapping, 'bancaria');
    expect(result).toMatchObject({ status: 'completed', processedRows: 6, inserted: 2, rejected: 4 });
    const rejects = await api<ImportRejectView[]>(t.url, 'GET', `/imports/${result.id}/rejects`, { token });
    expect(rejects.body).toEqual([
      { line: 3, column: 'telefono', code: 'bad_phone', reason: '"12" no es un teléfono válido de CO' },
      { line: 4, column: 'saldo', code: 'not_amount', reason: '"mil" no es un monto en COP' },
      {
        line: 5,
        column: 'cuenta',
        code: 'duplicate_account',
        reason: 'la cuenta C-1 está repetida (primero en la línea 2)',
      },
      {
        line: 6,
        column: 'vence',
        code: 'not_date',
        reason: '"31/02/2026" no es una fecha (AAAA-MM-DD o DD/MM/AAAA)',
      },
    ]);
    const report = await api<string>(t.url, 'GET', `/imports/${result.id}/rejects.csv`, {
      token,
      language: 'en',
    });
    expect(report.headers.get('content-type')).toContain('text/csv');
    expect(report.body.split('\n')[0]).toBe('line,column,reason');
    expect(report.body).toContain('5,cuenta,account C-1 is repeated (first on line 2)');
    const [accounts] = await t.db.query(
      'SELECT account_number, balance_minor, days_past_due FROM accounts ORDER BY account_number',
    );
    expect(accounts).toEqual([
      { account_number: 'C-1', balance_minor: 150050, days_past_due: expect.any(Number) },
      { account_number: 'C-5', balance_minor: 25000, days_past_due: expect.any(Number) },
    ]);
    const [phones] = await t.db.query(
      "SELECT value FROM contact_points WHERE type = 'mobile' ORDER BY value",
    );
    expect(phones).toEqual([{ value: '+573001234567' }, { value: '+573151234567' }]);
    const mappings = await api<{ name: string }[]>(t.url, 'GET', '/imports/mappings?clientId=1', { token });
    expect(mappings.body.map((m) => m.name)).toEqual(['bancaria']);
  });

  it('is idempotent on re-import and reports what changed', async () => {
    const again = await importAndWait(GOOD_AND_BAD, 'cartera.csv', mapping);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 4 });
    const changed =
      GOOD_AND_BAD.replace('C-5;5050;Rosa Peña;3151234567;250;', 'C-5;5050;Rosa Peña;3151234567;200;') +
      '\nC-6;6060;Sol Mar;3001112222;10;2026-11-01';
    const third = await importAndWait(changed, 'cartera-2.csv', mapping);
    expect(third).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    const [[row]] = (await t.db.query(
      "SELECT balance_minor FROM accounts WHERE account_number = 'C-5'",
    )) as unknown as [[{ balance_minor: number }]];
    expect(row.balance_minor).toBe(20000);
    const [[count]] = (await t.db.query('SELECT COUNT(*) AS n FROM debtors')) as unknown as [[{ n: number }]];
    expect(count.n).toBe(3);
  });

  it('imports the public UCI portfolio through its preset and pushes progress over the socket', async () => {
    progress.length = 0;
    const result = await importAndWait(readFileSync(UCI_FILE), 'uci-credit-card-default.csv', {
      accountNumber: 'ID',
      balance: 'BILL_AMT1',
      originalAmount: 'LIMIT_BAL',
      monthsPastDue: 'PAY_0',
    });
    // 590 rows carry a negative BILL_AMT1 (a credit in the holder's favour), which is not a debt.
    expect(result).toMatchObject({
      status: 'completed',
      processedRows: 30000,
      inserted: 29410,
      rejected: 590,
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.importId === result.id)).toBe(true);
  });

  it('imports an XLSX workbook', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Cartera');
    sheet.addRow(['cuenta', 'saldo', 'vence']);
    sheet.addRow(['X-1', 1234.5, new Date(Date.UTC(2026, 9, 1))]);
    sheet.addRow(['X-2', 10, '2026-10-15']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importAndWait(buffer, 'cartera.xlsx', {
      accountNumber: 'cuenta',
      balance: 'saldo',
      dueDate: 'vence',
    });
    const xlsxRejects = await api<ImportRejectView[]>(t.url, 'GET', `/imports/${result.id}/rejects`, {
      token,
    });
    expect(xlsxRejects.body).toEqual([]);
    expect(result).toMatchObject({ status: 'completed', inserted: 2, rejected: 0 });
    const [[row]] = (await t.db.query(
      "SELECT balance_minor, DATE_FORMAT(due_date, '%Y-%m-%d') AS due_date FROM accounts WHERE account_number = 'X-1'",
    )) as unknown as [[{ balance_minor: number; due_date: string }]];
    expect(row).toEqual({ balance_minor: 123450, due_date: '2026-10-01' });
  });

  it('refuses bad files with a clear error and keeps nothing', async () => {
    const fakeXlsx = await upload('cuenta,saldo\n1,2', 'cartera.xlsx');
    expect(fakeXlsx).toMatchObject({ status: 415, body: { code: ErrorCode.UnsupportedFile } });
    const latin1 = await upload(
      Buffer.from('cuenta;nombre;saldo\n1;Jos\xe9 Pe\xf1a;10\n', 'latin1'),
      'latin1.csv',
    );
    expect(latin1).toMatchObject({ status: 422, body: { code: ErrorCode.BadEncoding } });
    expect(latin1.body.message).toContain('UTF-8');
    const binary = await upload(Buffer.from([0, 1, 2, 3, 0, 5]), 'datos.csv');
    expect(binary.status).toBe(415);
    const big = await upload(Buffer.alloc(9 * 1024 * 1024, 'a'), 'big.csv');
    expect(big).toMatchObject({ status: 413, body: { code: ErrorCode.FileTooLarge } });
    const empty = await upload('', 'empty.csv');
    expect(empty.status).toBe(415);
  });

  it('refuses a mapping that misses required fields or names absent columns', async () => {
    const preview = await upload(GOOD_AND_BAD, 'cartera.csv');
    const missing = await api<{ message: string }>(t.url, 'POST', '/imports', {
      token,
      body: { uploadId: preview.body.uploadId, portfolioId: '1', mapping: { accountNumber: 'cuenta' } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('required field "balance" is not mapped');
    const absent = await api<{ message: string }>(t.url, 'POST', '/imports', {
      token,
      body: {
        uploadId: preview.body.uploadId,
        portfolioId: '1',
        mapping: { accountNumber: 'cuenta', balance: 'SALDO' },
      },
    });
    expect(absent.body.message).toContain('column "SALDO" (for balance) is not in the file');
  });

  it('keeps imports and their events for admins only', async () => {
    const agent = await login(t.url, 'agent@x.co');
    expect((await api(t.url, 'GET', '/imports', { token: agent })).status).toBe(403);
    const refused = io(`${t.url}${ADMIN_NAMESPACE}`, {
      auth: { token: agent },
      transports: ['websocket'],
      reconnection: false,
    });
    const error = await new Promise<{ data?: { code: string } }>((resolve) =>
      refused.once('connect_error', resolve),
    );
    expect(error.data?.code).toBe(ErrorCode.Forbidden);
    refused.disconnect();
    const forged = io(`${t.url}${ADMIN_NAMESPACE}`, {
      auth: { token: 'x.y.z' },
      transports: ['websocket'],
      reconnection: false,
    });
    const forgedError = await new Promise<{ data?: { code: string } }>((resolve) =>
      forged.once('connect_error', resolve),
    );
    expect(forgedError.data?.code).toBe(ErrorCode.TokenInvalid);
    forged.disconnect();
  });
});
