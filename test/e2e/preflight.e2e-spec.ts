import { freePort, runServer } from '../support/server-process.util';

async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = runServer(env, await freePort());
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

describe('npm start when a service is down', () => {
  it('says in one line which Redis is missing and how to start it', async () => {
    const port = await freePort();
    const { code, output } = await runUntilExit({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
    });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Redis is not answering at 127.0.0.1:${port} (REDIS_URL); start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379  (or: service redis-server start)`,
    );
  });

  it('says in one line which MariaDB is missing', async () => {
    const port = await freePort();
    const { code, output } = await runUntilExit({
      DATABASE_URL: `mysql://root@127.0.0.1:${port}/recupera`,
      SEED_DEMO: 'false',
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toContain(`MariaDB is not answering at 127.0.0.1:${port}`);
  });

  it('reports every bad setting at once', async () => {
    const { code, output } = await runUntilExit({ PORT: 'x', JWT_SECRET: 'short' });
    expect(code).toBe(1);
    expect(output).toContain('JWT_SECRET must be at least 32 characters');
    expect(output).toContain('PORT must be an integer');
  });
});
