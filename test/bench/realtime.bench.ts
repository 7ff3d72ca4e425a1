/**
 * npm run bench:realtime — how fast a rendered call script reaches the agent's screen. For each
 * floor size (BENCH_AGENTS, default 500,1000,2000) on one server and on two behind the Redis adapter
 * (BENCH_SERVERS, default 1,2), the built server runs on a fresh database with the simulated carrier
 * answering every dial; N agents on real socket.io clients in a separate process
 * (realtime-agents.worker.ts) log in, connect and ask `available`; then a progressive campaign with a
 * published script starts, every agent gets exactly one call, and the server pushes `script.pushed`
 * as the call connects. Latency = client receive time − the push's `pushedAt`. Prints p50/p95/p99
 * and each process's CPU over the measured phase; writes test/bench/results/realtime.json.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_MX_COLLECTION_SCRIPT,
  type CampaignResponse,
  type CreateCampaignRequest,
  type ScriptDraftRequest,
  type ScriptResponse,
  type ScriptVersionResponse,
} from '@recupera/shared';
import { argon2id, hash } from 'argon2';
import * as mysql2 from 'mysql2/promise';
import { format, resolveConfig } from 'prettier';
import { afternoonZone, floorLogin, FLOOR_PASSWORD, seedFloor } from '../support/dialer-floor.util';
import {
  REPO_ROOT,
  apiCall,
  deleteQueueKeys,
  dropDatabase,
  freePort,
  runServer,
  waitHealthy,
} from '../support/server-process.util';
import type { FromWorker, ToWorker, WorkerReady, WorkerResult } from './realtime-agents.worker';

const SIZES = (process.env['BENCH_AGENTS'] ?? '500,1000,2000').split(',').map(Number);
const SERVER_COUNTS = (process.env['BENCH_SERVERS'] ?? '1,2').split(',').map(Number);
/** How long the measured phase may last: the dialer connects only ~20–40 calls/s on 2 cores, so N sets it. */
const timeoutMs = (agents: number) =>
  Number(process.env['BENCH_TIMEOUT_SECONDS'] ?? Math.max(180, agents * 0.15)) * 1_000;
const ROOT_URL = process.env['TEST_DATABASE_ROOT_URL'] ?? 'mysql://root@127.0.0.1:3306';
const CLK_TCK = clockTicks();

interface Row {
  agents: number;
  servers: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  delivered: number;
  /** Campaign start to the last push received. */
  seconds: number;
  /** Scripts delivered per second over that ramp (the dialer's pace of connected calls). */
  pushesPerSecond: number;
  /** Sum over the servers, % of one core over the measured phase (200 = both cores). */
  serverCpuPercent: number;
  serverCpuPercentEach: number[];
  clientCpuPercent: number;
  clientLoopDelayP99Ms: number;
  redisCpuPercent: number | null;
  mariadbCpuPercent: number | null;
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process, in seconds (/proc/<pid>/stat fields 14 and 15). */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

function pidOf(name: string): number | undefined {
  try {
    return Number(execFileSync('pidof', ['-s', name]).toString().trim()) || undefined;
  } catch {
    return undefined;
  }
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** The built server (runServer), kept as a ChildProcess so its CPU can be read; healthy when it returns. */
async function launch(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = runServer(env, port);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => output);
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** The agent client process; `request` sends a message and waits for the next answer. */
function spawnClients(): { child: ChildProcess; request: <T extends FromWorker>(m: ToWorker) => Promise<T> } {
  const child = fork(join(__dirname, 'realtime-agents.worker.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['-r', 'ts-node/register'],
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.scripts.json' },
  });
  const request = <T extends FromWorker>(message: ToWorker) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`agent client process exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (answer: FromWorker) => {
        child.off('exit', onExit);
        if (answer.type === 'failed') reject(new Error(`agent client process: ${answer.message}`));
        else resolve(answer as T);
      });
      child.send(message);
    });
  return { child, request };
}

async function publishedScript(url: string, admin: string): Promise<string> {
  const { scriptId: _id, version: _version, ...draft } = DEFAULT_MX_COLLECTION_SCRIPT;
  const body: ScriptDraftRequest = { ...draft, steps: [...draft.steps] };
  const created = await apiCall<ScriptResponse>(url, 'POST', '/scripts', admin, body);
  if (created.status !== 201) throw new Error(`script: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await apiCall<ScriptVersionResponse>(
    url,
    'POST',
    `/scripts/${created.body.id}/publish`,
    admin,
  );
  if (published.status !== 200)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body.id;
}

async function run(agents: number, servers: number): Promise<Row> {
  const label = `${agents} agents / ${servers} server${servers > 1 ? 's' : ''}`;
  const zone = afternoonZone(new Date());
  const database = `recupera_e2e_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    DATABASE_URL: `${ROOT_URL}/${database}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `e2e-${database}`,
    SEED_DEMO: 'false',
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'recupera-e2e-uploads-')),
    SIMULATED_CARRIER_SCENARIO: 'everyone-answers',
    DIALER_CALLS_PER_SECOND: '200',
    DIALER_MAX_LINES: '10000',
    AGENCY_TIME_ZONE: zone,
  };
  const running: RunningServer[] = [];
  let clients: ReturnType<typeof spawnClients> | null = null;
  let db: mysql2.Connection | null = null;
  try {
    // The first server migrates the fresh database; the second joins it (same database, prefix, secret).
    running.push(await launch(env));
    for (let i = 1; i < servers; i++) running.push(await launch(env));
    const url = running[0].url;
    db = await mysql2.createConnection(env['DATABASE_URL']);
    const floor = await seedFloor(db, { zone, agents, accounts: agents * 2 });
    // Logins are set-up, not what is measured: the agents' hashes are made cheap (argon2id, 4 MiB,
    // t=1) so N logins through the real endpoint take seconds instead of N × ~200 ms of argon2 on 2 cores.
    const cheap = await hash(FLOOR_PASSWORD, {
      type: argon2id,
      memoryCost: 4_096,
      timeCost: 1,
      parallelism: 1,
    });
    await db.query("UPDATE users SET password_hash = ? WHERE role = 'agent'", [cheap]);
    const admin = await floorLogin(url, 'admin@floor.test');
    const scriptVersionId = await publishedScript(url, admin);
    const request: CreateCampaignRequest = {
      name: `Realtime ${agents}`,
      portfolioId: floor.portfolio,
      dialMode: 'progressive',
      linesPerAgent: 1,
      teamIds: [floor.team],
      dispositionSetId: floor.dispositionSet,
      scriptVersionId,
      abandonMessage: 'Le llamamos de Banco Piso; le devolveremos la llamada.',
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '23:59' },
    };
    const campaign = await apiCall<CampaignResponse>(url, 'POST', '/campaigns', admin, request);
    if (campaign.status !== 201)
      throw new Error(`campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);

    clients = spawnClients();
    const ready = await clients.request<WorkerReady>({
      type: 'start',
      urls: running.map((s) => s.url),
      emails: Array.from({ length: agents }, (_, i) => `agent${i + 1}@floor.test`),
      password: FLOOR_PASSWORD,
      loginConcurrency: 16,
      connectConcurrency: 50,
    });
    process.stdout.write(
      `${label}: logged in in ${ready.loginSeconds.toFixed(1)} s, ${ready.available}/${agents} available ` +
        `in ${ready.connectSeconds.toFixed(1)} s${ready.problems.length ? `; ${ready.problems.join('; ')}` : ''}\n`,
    );

    const redisPid = pidOf('redis-server');
    const mariadbPid = pidOf('mariadbd') ?? pidOf('mysqld');
    const measured = [...running.map((s) => s.child.pid), redisPid, mariadbPid];
    const before = measured.map(cpuSeconds);
    const collecting = clients.request<WorkerResult>({ type: 'collect', timeoutMs: timeoutMs(agents) });
    const startedAt = Date.now();
    const started = await apiCall(url, 'POST', `/campaigns/${campaign.body.id}/start`, admin);
    if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
    const result = await collecting;
    const endedAt = Date.now();
    const after = measured.map(cpuSeconds);
    const wall = (endedAt - startedAt) / 1000;
    const cpu = measured.map((_, i) => {
      const [b, a] = [before[i], after[i]];
      return b === null || a === null ? null : Math.round(((a - b) / wall) * 1000) / 10;
    });
    await apiCall(url, 'POST', `/campaigns/${campaign.body.id}/pause`, admin);

    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    const serverCpu = cpu.slice(0, servers).map((c) => c ?? 0);
    const row: Row = {
      agents,
      servers,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1] ?? NaN,
      delivered: sorted.length,
      seconds: Math.round(((result.lastPushAt ?? endedAt) - startedAt) / 100) / 10,
      pushesPerSecond: 0,
      serverCpuPercent: Math.round(serverCpu.reduce((s, c) => s + c, 0) * 10) / 10,
      serverCpuPercentEach: serverCpu,
      clientCpuPercent: Math.round(result.clientCpuPercent * 10) / 10,
      clientLoopDelayP99Ms: Math.round(result.clientLoopDelayP99Ms * 10) / 10,
      redisCpuPercent: cpu[servers],
      mariadbCpuPercent: cpu[servers + 1],
    };
    row.pushesPerSecond = Math.round((row.delivered / row.seconds) * 10) / 10;
    process.stdout.write(
      `${label}: ${row.delivered}/${agents} scripts in ${row.seconds} s (calls connected ${result.callsConnected}, ` +
        `extra pushes ${result.extraPushes}, disconnects ${result.disconnects}); ` +
        `p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms, p99 ${row.p99Ms} ms, max ${row.maxMs} ms; ` +
        `server CPU ${serverCpu.join(' + ')} %\n`,
    );
    return row;
  } catch (error) {
    for (const server of running) process.stderr.write(`--- server output (tail) ---\n${server.output()}\n`);
    throw error;
  } finally {
    if (clients) {
      const exited = new Promise((r) => clients!.child.once('exit', r));
      if (clients.child.exitCode === null) clients.child.send({ type: 'close' } satisfies ToWorker);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
      if (clients.child.exitCode === null) clients.child.kill('SIGKILL');
    }
    await db?.end();
    for (const server of [...running].reverse()) await server.stop();
    await dropDatabase(database);
    await deleteQueueKeys(env['QUEUE_PREFIX']);
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  const rows: Row[] = [];
  for (const servers of SERVER_COUNTS) for (const agents of SIZES) rows.push(await run(agents, servers));
  console.table(
    rows.map(({ serverCpuPercentEach: _each, ...row }) => ({
      ...row,
      serverCpuPercent: `${row.serverCpuPercent} (${_each.join(' + ')})`,
    })),
  );
  console.log(`bench took ${Math.round((Date.now() - began) / 1000)} s`);
  const dir = join(REPO_ROOT, 'test/bench/results');
  mkdirSync(dir, { recursive: true });
  // Formatted as `npm run format:check` expects of every JSON file under test/.
  const file = join(dir, 'realtime.json');
  const options = { ...(await resolveConfig(file)), filepath: file };
  writeFileSync(file, await format(JSON.stringify(rows, null, 2), options));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
