import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import * as mysql2 from 'mysql2/promise';
import type { CallView } from '@recupera/shared';
import {
  afternoonZone,
  agentRequest,
  connectAgent,
  seedFloor,
  startFloorCampaign,
  type AgentClient,
} from '../support/dialer-floor.util';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.util';

/**
 * The dialer scaled out: the server runs with RUN_DIALER=false and a dialer worker of its own
 * (dist/server/dialer.js) dials. The worker's call reaches the agent's socket on the server through
 * Redis, and the agent's hang-up on the server reaches the call held by the worker.
 */
describe('dialer in its own worker process', () => {
  let server: ServerProcess;
  let worker: ChildProcess;
  let workerOutput = '';
  let agent: AgentClient | null = null;

  beforeAll(async () => {
    server = await startServer({
      seedDemo: false,
      env: {
        RUN_DIALER: 'false',
        SIMULATED_CARRIER_SCENARIO: 'bench-floor',
        SIMULATED_CARRIER_TIME_SCALE: '0.05',
        AGENCY_TIME_ZONE: afternoonZone(new Date()),
      },
    });
    worker = spawn(process.execPath, [join(REPO_ROOT, 'dist/server/dialer.js')], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'development', ...server.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  }, 180_000);

  afterAll(async () => {
    agent?.disconnect();
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      if (worker.exitCode === null) worker.kill('SIGKILL');
    }
    await server?.stop();
  }, 60_000);

  it('connects a call placed by the worker to an agent on the server, and hangs it up from there', async () => {
    const db = await mysql2.createConnection(server.env['DATABASE_URL']);
    const floor = await seedFloor(db, { zone: afternoonZone(new Date()), agents: 1, accounts: 200 });
    agent = await connectAgent(server.url, 'agent1@floor.test');
    const connected = new Promise<CallView>((resolve) => agent!.once('call.connected', resolve));
    const ended = new Promise<{ endedBy: string }>((resolve) => agent!.once('call.ended', resolve));
    expect(await agentRequest(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    const campaign = await startFloorCampaign(server.url, floor, 'progressive');

    const call = await connected;
    expect(call).toMatchObject({ campaignId: campaign.id, debtorName: expect.stringMatching(/^Deudor /) });
    expect(await agentRequest(agent, 'call.hang-up-requested', { callId: call.callId })).toEqual({
      ok: true,
    });
    expect(await ended).toMatchObject({ endedBy: 'agent' });

    const [rows] = await db.query('SELECT stage, outcome, connected_at FROM interactions WHERE id = ?', [
      call.callId,
    ]);
    expect(rows).toEqual([expect.objectContaining({ stage: 'ended', outcome: 'human' })]);
    expect(workerOutput).toContain('Dialer worker running');
    await db.end();
  }, 120_000);
});
