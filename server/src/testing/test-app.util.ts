import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import * as mysql2 from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap/create-app.util';
import { migrate } from '../bootstrap/migrate.util';
import { loadConfig, type AppConfig } from '../config/env.schema';
import { hashPassword } from '../modules/users/password.util';

const ROOT_URL = process.env['TEST_DATABASE_ROOT_URL'] ?? 'mysql://root@127.0.0.1:3306';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  db: mysql2.Connection;
  close(): Promise<void>;
}

async function rootConnection(database?: string): Promise<mysql2.Connection> {
  const url = new URL(ROOT_URL);
  return mysql2.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    multipleStatements: false,
  });
}

/**
 * A whole server on a throwaway database (recupera_test_<worker>_<random>) with every migration run,
 * the real Redis, and its own queue prefix so parallel runs never take each other's jobs.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const name = `recupera_test_${process.env['JEST_WORKER_ID'] ?? '0'}_${randomBytes(4).toString('hex')}`;
  const admin = await rootConnection();
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const base = loadConfig({ NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex') });
  const config: AppConfig = {
    ...base,
    databaseUrl: `${ROOT_URL}/${name}`,
    port: 0,
    seedDemo: false,
    queuePrefix: `test-${name}`,
    uploadDir: mkdtempSync(join(tmpdir(), 'recupera-test-uploads-')),
    consoleDir: join(tmpdir(), 'recupera-no-console'),
    ...overrides,
  };
  await migrate(config.databaseUrl);
  const app = await createApp(config, ['error']);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const db = await rootConnection(name);
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    db,
    async close() {
      await app.close();
      await db.end();
      await deleteRedisKeys(config.redisUrl, config.queuePrefix);
      const drop = await rootConnection();
      await drop.query(`DROP DATABASE IF EXISTS ${name}`);
      await drop.end();
    },
  };
}

/** Queues of a finished test run are removed, so repeated runs do not pile keys up in Redis. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

let cachedHash: Promise<string> | null = null;

/** Inserts a user straight into the database (argon2 is slow; one hash serves every test user). */
export async function insertUser(
  db: mysql2.Connection,
  user: { email: string; role: string; teamId?: string | null; password?: string; fullName?: string },
): Promise<string> {
  const hash = user.password
    ? await hashPassword(user.password)
    : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const [result] = await db.query(
    'INSERT INTO users (email, full_name, password_hash, role, team_id) VALUES (?, ?, ?, ?, ?)',
    [user.email, user.fullName ?? user.email.split('@')[0], hash, user.role, user.teamId ?? null],
  );
  return String((result as { insertId: number }).insertId);
}

export const TEST_PASSWORD = 'correct horse battery';

export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; form?: FormData; language?: 'es' | 'en' } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.language) headers['accept-language'] = options.language;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers,
    body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

export async function login(base: string, email: string, password = TEST_PASSWORD): Promise<string> {
  const { status, body } = await api<{ accessToken: string }>(base, 'POST', '/auth/login', {
    body: { email, password },
  });
  if (status !== 200) throw new Error(`login ${email} failed: ${status} ${JSON.stringify(body)}`);
  return body.accessToken;
}
