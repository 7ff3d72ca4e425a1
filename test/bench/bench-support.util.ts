import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as mysql2 from 'mysql2/promise';
import { REPO_ROOT, deleteQueueKeys, freePort, runServer, waitHealthy } from '../support/server-process.util';

export const ROOT_URL = process.env['TEST_DATABASE_ROOT_URL'] ?? 'mysql://root@127.0.0.1:3306';

/** Options for a connection to the bench's MariaDB (one database, or none): UTC, dates as text. */
export function connectionOptions(database?: string): mysql2.ConnectionOptions {
  const url = new URL(ROOT_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    timezone: 'Z',
    dateStrings: ['DATE'],
  };
}

/**
 * MariaDB's default 128 MB buffer pool is a toy at a million accounts: benches raise it for the run
 * and put it back after. The resize runs in the background; this waits until it is done.
 */
export async function setBufferPool(connection: mysql2.Connection, bytes: number): Promise<void> {
  await connection.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes]);
  for (let i = 0; i < 300; i++) {
    const [[status]] = (await connection.query(
      "SHOW STATUS LIKE 'Innodb_buffer_pool_resize_status'",
    )) as unknown as [[{ Value: string }]];
    if (!status || status.Value === '' || /completed|finished/i.test(status.Value)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The product's built CLI (dist/server/cli.js); resolves with its stdout, echoed as it comes. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(REPO_ROOT, 'dist/server/cli.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')} exited with ${code}: ${out}`)),
    );
  });
}

export interface BenchServer {
  url: string;
  queuePrefix: string;
  stop(): Promise<void>;
  output(): string;
}

/**
 * The built server as production runs it — workers on (the scheduled jobs run), no dialer, no demo
 * seed or bots — on `env`'s DATABASE_URL, with its own queue prefix, deleted when it stops.
 */
export async function startBenchServer(name: string, env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const queuePrefix = `${name}-${randomBytes(4).toString('hex')}`;
  const child = runServer(
    {
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: queuePrefix,
      SEED_DEMO: 'false',
      RUN_DIALER: 'false',
      RUN_WORKERS: 'true',
      DEMO_AGENTS: '0',
      ACCESS_TOKEN_TTL_SECONDS: '7200',
      UPLOAD_DIR: mkdtempSync(join(tmpdir(), `recupera-${name}-uploads-`)),
      ...env,
    },
    port,
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => output);
  return {
    url,
    queuePrefix,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await deleteQueueKeys(queuePrefix);
    },
  };
}
