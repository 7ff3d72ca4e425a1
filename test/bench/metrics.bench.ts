/**
 * npm run bench:metrics — the manager dashboards at the issue's size. Seeds a fresh database
 * (recupera_bench_metrics) with 1,000,000 accounts, 10,000,000 interactions and 1,000,000 payments
 * over 12 months (seeded generator, test/bench/metrics/, loaded with LOAD DATA LOCAL INFILE, a
 * progress bar on stderr), rebuilds every month's rollups through the product's CLI
 * (`rebuild-metrics`; the most recent full month last, timed as rollupRebuildSeconds, then once more
 * as an operator recounts a month already counted: rollupRebuildAgain), then starts
 * the built server on that database (no dialer, no demo seed, its rollup workers on, as in
 * production), warms each dashboard endpoint up and times it sequentially, printing p50/p95 and
 * writing test/bench/results/metrics.json.
 *
 * METRICS_BENCH_SCALE (default 1) multiplies the three row counts; METRICS_BENCH_SAMPLES (50) and
 * METRICS_BENCH_WARMUP (5) set the requests per endpoint; METRICS_BENCH_MONTH (YYYY-MM) the last
 * seeded month (default: the last full month); METRICS_BENCH_KEEP=1 keeps the database afterwards
 * and METRICS_BENCH_REUSE=1 times a kept one again without seeding. BENCH_BUFFER_POOL_MB (4096)
 * raises MariaDB's buffer pool for the run and restores it after (0 leaves it alone).
 */
import { agencyDate, METRICS_QUEUE, monthPeriod, previousMonth, type MetricsJobName } from '@recupera/shared';
import { Queue } from 'bullmq';
import * as mysql2 from 'mysql2/promise';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/server-process.util';
import {
  ROOT_URL,
  connectionOptions,
  runCli,
  setBufferPool,
  startBenchServer,
  type BenchServer,
} from './bench-support.util';
import { timeEndpoint, type EndpointCase, type EndpointTiming } from './metrics/endpoint-timing.util';
import type { SeedPlan } from './metrics/metrics-generator.util';
import { seedDatabase, type SeedResult } from './metrics/metrics-seed.util';
import {
  BENCH_PASSWORD,
  FULL_SCALE,
  MANAGER_EMAIL,
  SEEDED_MONTHS,
  supervisorEmail,
} from './metrics/metrics-shape.constant';

const SCALE = Number(process.env['METRICS_BENCH_SCALE'] ?? 1);
const SEED = Number(process.env['METRICS_BENCH_SEED'] ?? 2026);
const SAMPLES = Number(process.env['METRICS_BENCH_SAMPLES'] ?? 50);
const WARMUP = Number(process.env['METRICS_BENCH_WARMUP'] ?? 5);
const KEEP = process.env['METRICS_BENCH_KEEP'] === '1';
const REUSE = process.env['METRICS_BENCH_REUSE'] === '1';
const BUFFER_POOL_MB = Number(process.env['BENCH_BUFFER_POOL_MB'] ?? 4096);
const ZONE = process.env['AGENCY_TIME_ZONE'] || 'America/Bogota';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DATABASE = 'recupera_bench_metrics';
const DATABASE_URL = `${ROOT_URL}/${DATABASE}`;
const GOALS = { endpointP95Ms: 200, rollupRebuildSeconds: 60 };
/** Seed and rebuild figures of a kept database, for METRICS_BENCH_REUSE=1. */
const SIDECAR = join(tmpdir(), `${DATABASE}.seed.json`);

interface RebuiltMonth {
  month: string;
  interactions: number;
  payments: number;
  agreements: number;
  members: number;
  /** As the rollup service reports it (the rebuild's transaction). */
  seconds: number;
  /** Where those seconds went, as the CLI prints them. */
  steps: { name: string; seconds: number }[];
}

/** What the sidecar file records of a kept database, step by step. */
interface Progress {
  scale: number;
  seed: number;
  months: string[];
  load?: SeedResult;
  /** Months rebuilt so far, oldest first; the last one is the timed month. */
  rebuilt: (RebuiltMonth & { wallSeconds: number })[];
}

/** The product's CLI on the bench database. */
function cli(args: string[]): Promise<string> {
  return runCli(args, {
    DATABASE_URL,
    QUEUE_PREFIX: 'bench-metrics-cli',
    NODE_ENV: 'development',
    AGENCY_TIME_ZONE: ZONE,
  });
}

/** Parses the CLI's "2026-11: 833216 interactions, … in 41.2 s" lines and the steps under each. */
function rebuiltMonths(output: string): RebuiltMonth[] {
  const months: RebuiltMonth[] = [];
  for (const line of output.split('\n')) {
    const step = /^ {2}(.+): ([\d.]+) s$/.exec(line);
    if (step && months.length > 0) {
      months[months.length - 1].steps.push({ name: step[1], seconds: Number(step[2]) });
      continue;
    }
    const m =
      /^(\d{4}-\d{2}): (\d+) interactions, (\d+) payments, (\d+) agreements, (\d+) account memberships in ([\d.]+) s/.exec(
        line.trim(),
      );
    if (m)
      months.push({
        month: m[1],
        interactions: Number(m[2]),
        payments: Number(m[3]),
        agreements: Number(m[4]),
        members: Number(m[5]),
        seconds: Number(m[6]),
        steps: [],
      });
  }
  return months;
}

function seededMonths(now: Date): string[] {
  const last = process.env['METRICS_BENCH_MONTH'] || previousMonth(agencyDate(ZONE, now).slice(0, 7));
  const months = [last];
  while (months.length < SEEDED_MONTHS) months.unshift(previousMonth(months[0]));
  return months;
}

/**
 * Seeds, then rebuilds every month's rollups through the product's CLI one month at a time (the
 * last full month last: its figure is the one reported), recording each step in the sidecar as it
 * completes, so METRICS_BENCH_REUSE=1 on a kept database carries on from the last step done.
 */
async function seedAndRebuild(
  root: mysql2.Connection,
  months: string[],
  now: Date,
  kept: Progress | null,
): Promise<Required<Progress>> {
  const progress: Progress = kept ?? { scale: SCALE, seed: SEED, months, rebuilt: [] };
  const save = () => writeFileSync(SIDECAR, JSON.stringify(progress));
  if (!progress.load) progress.load = await seedFresh(root, months, now);
  save();
  const pending = months.filter((m) => !progress.rebuilt.some((r) => r.month === m));
  if (pending.length > 0)
    console.log(`\nRebuilding the rollups of ${pending.length} months through the CLI…`);
  for (const month of pending) {
    const started = Date.now();
    const [reported] = rebuiltMonths(await cli(['rebuild-metrics', month]));
    if (!reported) throw new Error(`the CLI did not report rebuilding ${month}`);
    progress.rebuilt.push({ ...reported, wallSeconds: Math.round((Date.now() - started) / 100) / 10 });
    save();
  }
  return { ...progress, load: progress.load };
}

async function seedFresh(root: mysql2.Connection, months: string[], now: Date): Promise<SeedResult> {
  await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await root.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await cli(['migrate']);
  const plan: SeedPlan = {
    seed: SEED,
    accounts: Math.round(FULL_SCALE.accounts * SCALE),
    interactions: Math.round(FULL_SCALE.interactions * SCALE),
    payments: Math.round(FULL_SCALE.payments * SCALE),
    zone: ZONE,
    months,
    windowStartMs: monthPeriod(months[0], ZONE).start.getTime(),
    windowEndMs: monthPeriod(months[months.length - 1], ZONE).end.getTime(),
    nowMs: now.getTime(),
    chunkAccounts: Math.max(1_000, Math.min(20_000, Math.ceil((FULL_SCALE.accounts * SCALE) / 20))),
  };
  console.log(
    `Seeding ${plan.accounts.toLocaleString('en')} accounts, ${plan.interactions.toLocaleString('en')} interactions and ` +
      `${plan.payments.toLocaleString('en')} payments over ${months[0]} … ${months[months.length - 1]} (seed ${SEED}, zone ${ZONE})…`,
  );
  const seed = await seedDatabase(() => mysql2.createConnection(connectionOptions(DATABASE)), plan);
  console.log(
    `seeded ${Object.entries(seed.rows)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(
        ', ',
      )} in ${seed.seconds} s (${seed.rowsPerSecond.toLocaleString('en')} rows/s; ANALYZE ${seed.analyzeSeconds} s)`,
  );
  return seed;
}

/** The server as production runs it (workers on: the rollup turn every 2 s), minus the dialer and demo. */
function startServer(): Promise<BenchServer> {
  return startBenchServer('bench-metrics', { DATABASE_URL, AGENCY_TIME_ZONE: ZONE });
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login ${email}: ${response.status}`);
  return body.accessToken;
}

async function waitFor(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  process.stdout.write(`waiting for ${what}…`);
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  process.stdout.write(` ${seconds} s\n`);
  return seconds;
}

/**
 * Brings the running server to the state a dashboard is read in: the first rollup turn seeds the
 * current month's sweep (every account held at its first instant) and counts the installments due
 * after the seeded window; the delinquency recount runs once (a queued `metrics.delinquency` job,
 * processed by the server's own worker).
 */
async function settle(
  db: mysql2.Connection,
  queuePrefix: string,
  now: Date,
): Promise<Record<string, number>> {
  const current = `${agencyDate(ZONE, now).slice(0, 7)}-01`;
  const one = async (sql: string, params: unknown[] = []) =>
    Number(((await db.query(sql, params)) as unknown as [Record<string, unknown>[]])[0][0]?.['n'] ?? 0);
  const currentMonthSeedSeconds = await waitFor(
    `the first rollup turn to seed ${current.slice(0, 7)}`,
    3_600_000,
    async () => (await one('SELECT COUNT(*) AS n FROM metric_months WHERE month = ?', [current])) > 0,
  );
  const pendingSeconds = await waitFor(
    'the turns to count the remaining installments',
    3_600_000,
    async () => (await one('SELECT COUNT(*) AS n FROM installments WHERE rolled_up = 0')) === 0,
  );
  const url = new URL(REDIS_URL);
  const queue = new Queue(METRICS_QUEUE, {
    connection: { host: url.hostname, port: Number(url.port || 6379) },
    prefix: queuePrefix,
  });
  try {
    const before = new Date();
    await queue.add('metrics.delinquency' satisfies MetricsJobName, {}, { removeOnComplete: true });
    const delinquencySeconds = await waitFor(
      'the delinquency recount',
      600_000,
      async () =>
        (await one('SELECT COUNT(*) AS n FROM metric_delinquency WHERE counted_at >= ?', [before])) > 0,
    );
    return { currentMonthSeedSeconds, pendingSeconds, delinquencySeconds };
  } finally {
    await queue.close();
  }
}

function expectJson(check: (body: Record<string, unknown>) => boolean, what: string): (text: string) => void {
  return (text) => {
    if (!check(JSON.parse(text) as Record<string, unknown>)) throw new Error(`unexpected answer: ${what}`);
  };
}

function cases(month: string, manager: string, supervisor: string): EndpointCase[] {
  const recovered = expectJson(
    (b) => Number((b['totals'] as { recoveredMinor: number }).recoveredMinor) > 0,
    'no recovery in the month',
  );
  const someRows = expectJson((b) => (b['rows'] as unknown[]).length > 0, 'no delinquency rows');
  const someItems = expectJson((b) => (b['items'] as unknown[]).length > 0, 'no drill-down accounts');
  return [
    { name: 'recovery: month', path: `/recovery?month=${month}`, token: manager, check: recovered },
    {
      name: 'recovery: one client',
      path: `/recovery?month=${month}&clientId=1`,
      token: manager,
      check: recovered,
    },
    {
      name: 'recovery: one portfolio',
      path: `/recovery?month=${month}&portfolioId=2`,
      token: manager,
      check: recovered,
    },
    {
      name: 'recovery: one team',
      path: `/recovery?month=${month}&teamId=3`,
      token: manager,
      check: recovered,
    },
    { name: 'recovery: supervisor', path: `/recovery?month=${month}`, token: supervisor, check: recovered },
    { name: 'delinquency: aging', path: '/recovery/delinquency?by=aging', token: manager, check: someRows },
    { name: 'delinquency: sector', path: '/recovery/delinquency?by=sector', token: manager, check: someRows },
    {
      name: 'drill-down: team, page 1',
      path: `/recovery/accounts?month=${month}&scope=team&scopeId=3&measure=attempted`,
      token: manager,
      check: someItems,
    },
    {
      name: 'drill-down: client, page 1',
      path: `/recovery/accounts?month=${month}&scope=client&scopeId=1&measure=not_attempted`,
      token: manager,
      check: someItems,
    },
    {
      name: 'export: sweep by agent, CSV',
      path: `/recovery/export?month=${month}&table=sweep-agents&format=csv`,
      token: manager,
      check: (text) => {
        if (text.split('\n').length < 100) throw new Error('short sweep export');
      },
    },
  ];
}

function printTable(timings: EndpointTiming[]): void {
  const width = Math.max(...timings.map((t) => t.name.length));
  console.log(
    `\n${'endpoint'.padEnd(width)}   p50 ms   p95 ms   max ms  first ms  goal p95 <= ${GOALS.endpointP95Ms} ms`,
  );
  for (const t of timings)
    console.log(
      `${t.name.padEnd(width)} ${String(t.p50Ms).padStart(8)} ${String(t.p95Ms).padStart(8)} ${String(t.maxMs).padStart(8)} ${String(t.firstMs).padStart(9)}  ${t.p95Ms <= GOALS.endpointP95Ms ? 'met' : 'NOT met'}`,
    );
}

async function main(): Promise<void> {
  const now = new Date();
  const months = seededMonths(now);
  const root = await mysql2.createConnection(connectionOptions());
  const [[before]] = (await root.query('SELECT @@innodb_buffer_pool_size AS bytes')) as unknown as [
    [{ bytes: number }],
  ];
  const raise = BUFFER_POOL_MB * 1048576 > Number(before.bytes);
  if (raise) await setBufferPool(root, BUFFER_POOL_MB * 1048576);
  const [[server]] = (await root.query(
    'SELECT @@innodb_buffer_pool_size AS bytes, VERSION() AS version',
  )) as unknown as [[{ bytes: number; version: string }]];
  try {
    const [present] = (await root.query('SHOW DATABASES LIKE ?', [DATABASE])) as unknown as [unknown[]];
    let kept: Progress | null = null;
    if (REUSE && present.length > 0 && existsSync(SIDECAR)) {
      const recorded = JSON.parse(readFileSync(SIDECAR, 'utf8')) as Progress;
      if (recorded.scale === SCALE && recorded.seed === SEED && recorded.months.join() === months.join())
        kept = recorded;
    }
    if (kept) console.log(`Reusing ${DATABASE} (scale ${SCALE}), from where it was left`);
    const figures = await seedAndRebuild(root, months, now, kept);
    // The command as an operator runs it: a month the rollups already counted, recounted.
    console.log(`\nRebuilding ${months[months.length - 1]} again, as an operator would…`);
    const [again] = rebuiltMonths(await cli(['rebuild-metrics', months[months.length - 1]]));
    if (!again) throw new Error('the CLI did not report the second rebuild');
    // The rebuilds counted every seeded month's assignment spans; on a live floor each span is marked
    // by the turn that counts it, so without this the first turns would walk every span again.
    await root.query(`UPDATE ${DATABASE}.account_assignments SET rolled_up = 1 WHERE rolled_up = 0`);

    console.log('\nStarting the built server on the seeded database…');
    const app = await startServer();
    const db = await mysql2.createConnection(connectionOptions(DATABASE));
    const timings: EndpointTiming[] = [];
    let settled: Record<string, number> = {};
    let loadBefore = 0;
    let loadAfter = 0;
    try {
      settled = await settle(db, app.queuePrefix, now);
      const manager = await login(app.url, MANAGER_EMAIL);
      const supervisor = await login(app.url, supervisorEmail(3));
      const month = months[months.length - 1];
      loadBefore = loadavg()[0];
      console.log(`Timing ${WARMUP} warm-up + ${SAMPLES} sequential requests per endpoint (month ${month})…`);
      for (const c of cases(month, manager, supervisor)) {
        const timing = await timeEndpoint(app.url, c, WARMUP, SAMPLES);
        console.log(`  ${timing.name}: p50 ${timing.p50Ms} ms, p95 ${timing.p95Ms} ms`);
        timings.push(timing);
      }
      loadAfter = loadavg()[0];
    } catch (error) {
      console.error(app.output().slice(-4000));
      throw error;
    } finally {
      await db.end();
      await app.stop();
    }
    printTable(timings);
    const last = figures.rebuilt[figures.rebuilt.length - 1];
    console.log(
      `\nrollup rebuild of ${last.month}: ${last.seconds} s (${last.interactions.toLocaleString('en')} interactions, ` +
        `${last.payments.toLocaleString('en')} payments, ${last.members.toLocaleString('en')} memberships; ` +
        `${last.wallSeconds} s with the CLI's start-up) — goal <= ${GOALS.rollupRebuildSeconds} s: ${last.seconds <= GOALS.rollupRebuildSeconds ? 'met' : 'NOT met'}`,
    );
    console.log(
      `rebuilt again (already counted): ${again.seconds} s — goal <= ${GOALS.rollupRebuildSeconds} s: ${again.seconds <= GOALS.rollupRebuildSeconds ? 'met' : 'NOT met'}`,
    );
    const result = {
      endpoints: timings.map((t) => ({ ...t, goalMet: t.p95Ms <= GOALS.endpointP95Ms })),
      rollupRebuildSeconds: last.seconds,
      rollupRebuild: last,
      /** The same month recounted once more, as `npm run metrics:rebuild` runs on a live system. */
      rollupRebuildAgain: again,
      scale: SCALE,
      seed: { value: SEED, months: figures.months, ...figures.load },
      rebuiltMonths: figures.rebuilt,
      serverSettle: settled,
      goals: GOALS,
      requests: { warmup: WARMUP, samples: SAMPLES, sequential: true },
      machine: {
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        mariadb: server.version,
        bufferPoolMb: Math.round(server.bytes / 1048576),
        node: process.version,
        /** 1-minute load average as the timing began and ended (other work on the machine shows here). */
        loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadAfter * 100) / 100],
      },
      at: now.toISOString(),
    };
    const dir = join(REPO_ROOT, 'test/bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'metrics.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote test/bench/results/metrics.json`);
  } finally {
    if (!KEEP) await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    else console.log(`kept ${DATABASE} (METRICS_BENCH_REUSE=1 times it again without seeding)`);
    if (raise) await setBufferPool(root, Number(before.bytes));
    await root.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
