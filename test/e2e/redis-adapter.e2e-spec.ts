import {
  ADMIN_NAMESPACE,
  type AdminServerToClientEvents,
  type AuthTokens,
  type ImportPreviewResponse,
  type ImportResponse,
} from '@recupera/shared';
import { hash } from 'argon2';
import * as mysql2 from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { apiCall, startServer, type ServerProcess } from '../support/server-process.util';

/**
 * Two server processes on one database and one Redis: an import runs on the worker of server A,
 * and its completion reaches an admin whose socket is connected to server B through the Redis adapter.
 */
describe('Several server instances', () => {
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    a = await startServer({ seedDemo: false });
    b = await startServer({ seedDemo: false, env: { ...a.env, RUN_WORKERS: 'false' } });
    const url = new URL(a.env['DATABASE_URL']);
    const db = await mysql2.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      database: a.database,
    });
    await db.query(
      "INSERT INTO users (email, full_name, password_hash, role) VALUES ('admin@x.co', 'Admin', ?, 'admin')",
      [await hash('una clave larga')],
    );
    await db.query(
      "INSERT INTO clients (code, name, country, currency) VALUES ('C1', 'Cliente', 'CO', 'COP')",
    );
    await db.query(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 'P', 'tardia', 'banking', 'COP', 'CO')",
    );
    await db.end();
  }, 180_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('delivers an event raised on one instance to a socket connected to the other', async () => {
    const { body: tokens } = await apiCall<AuthTokens>(b.url, 'POST', '/auth/login', undefined, {
      email: 'admin@x.co',
      password: 'una clave larga',
    });
    const socket: Socket<AdminServerToClientEvents> = io(`${b.url}${ADMIN_NAMESPACE}`, {
      auth: { token: tokens.accessToken },
      transports: ['websocket'],
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const completed = new Promise<ImportResponse>((resolve) => socket.once('import.completed', resolve));

    const form = new FormData();
    form.append('file', new Blob(['cuenta,saldo\nA-1,10\nA-2,20\n']), 'cartera.csv');
    const upload = await fetch(`${a.url}/api/imports/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.accessToken}` },
      body: form,
    });
    const preview = (await upload.json()) as ImportPreviewResponse;
    const started = await apiCall<ImportResponse>(a.url, 'POST', '/imports', tokens.accessToken, {
      uploadId: preview.uploadId,
      portfolioId: '1',
      mapping: { accountNumber: 'cuenta', balance: 'saldo' },
    });
    expect(started.status).toBe(201);
    await expect(completed).resolves.toMatchObject({ id: started.body.id, status: 'completed', inserted: 2 });
    socket.disconnect();
  });
});
