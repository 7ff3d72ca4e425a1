import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type * as mysql2 from 'mysql2/promise';
import { REPO_ROOT } from '../support/server-process.util';

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
