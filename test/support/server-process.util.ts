import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import * as mysql2 from 'mysql2/promise';

export const REPO_ROOT = resolve(__dirname, '../..');
const ROOT_URL = process.env['TEST_DATABASE_ROOT_URL'] ?? 'mysql://root@127.0.0.1:3306';

export interface ServerProcess {
  url: string;
  database: string;
  /** The environment it runs with: pass it to a second server to share its database, Redis prefix and secret. */
  env: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function root(database?: string): Promise<mysql2.Connection> {
  const url = new URL(ROOT_URL);
  return mysql2.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    timezone: 'Z',
    dateStrings: ['DATE'],
  });
}

/** A connection to a test server's own database, for a test to arrange or check what it needs. */
export function connectDatabase(name: string): Promise<mysql2.Connection> {
  return root(name);
}

/** Removes the BullMQ keys a finished server left under its prefix. */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
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

export async function dropDatabase(name: string): Promise<void> {
  const connection = await root();
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

/** Runs the built server (dist/server/main.js) exactly as `npm start` does, on a fresh database. */
export function runServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, [join(REPO_ROOT, 'dist/server/main.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for the server's health endpoint; a server that exits or never answers fails with its output. */
export async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in 120 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startServer(options: {
  seedDemo: boolean;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const fresh = `recupera_e2e_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: `${ROOT_URL}/${fresh}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `e2e-${fresh}`,
    SEED_DEMO: String(options.seedDemo),
    // The demo's simulated agents would take the calls a test means for its own agent.
    DEMO_AGENTS: '0',
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'recupera-e2e-uploads-')),
    ...options.env,
  };
  const database = new URL(env['DATABASE_URL']).pathname.slice(1);
  const child = runServer(env, port);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => output);
  return {
    url,
    database,
    env,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await dropDatabase(database);
      await deleteQueueKeys(env['QUEUE_PREFIX']);
    },
  };
}

export async function apiCall<T = unknown>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
