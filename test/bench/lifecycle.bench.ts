/**
 * npm run bench:lifecycle — the daily lifecycle jobs at the size. Seeds a fresh database
 * (recupera_bench_lifecycle) with 1,000,000 accounts and 200,000 active agreements of three
 * installments each (set-based, from MariaDB's sequence tables, with a progress bar), then starts
 * the built server on it with its workers on, as production runs them: the late-interest job runs
 * at start-up (its scheduler's first job) and accrues the month since the rule's start for every
 * overdue account; once it is done the nightly broken-promise check is queued as its scheduler
 * would. Each job's own run record gives its seconds; writes test/bench/results/lifecycle.json.
 *
 * LIFECYCLE_BENCH_ACCOUNTS (1,000,000) and LIFECYCLE_BENCH_AGREEMENTS (200,000) change the size;
 * BENCH_BUFFER_POOL_MB (4096) raises MariaDB's buffer pool for the run; LIFECYCLE_BENCH_KEEP=1 keeps
 * the database.
 */
import { PROMISES_QUEUE, agencyDate, addDays, type PromiseJobName } from '@recupera/shared';
import { Queue } from 'bullmq';
import * as mysql2 from 'mysql2/promise';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/server-process.util';
import { ROOT_URL, connectionOptions, runCli, setBufferPool, startBenchServer } from './bench-support.util';
import { ProgressBar } from './metrics/metrics-seed.util';

const ACCOUNTS = Number(process.env['LIFECYCLE_BENCH_ACCOUNTS'] ?? 1_000_000);
const AGREEMENTS = Number(process.env['LIFECYCLE_BENCH_AGREEMENTS'] ?? 200_000);
const BUFFER_POOL_MB = Number(process.env['BENCH_BUFFER_POOL_MB'] ?? 4096);
const KEEP = process.env['LIFECYCLE_BENCH_KEEP'] === '1';
const ZONE = 'America/Bogota';
const DATABASE = 'recupera_bench_lifecycle';
const GOAL_SECONDS = 120;
/** Rows per seeding statement: big enough to be fast, small enough to show progress. */
const CHUNK = 100_000;

function cli(args: string[]): Promise<string> {
  return runCli(args, {
    DATABASE_URL: `${ROOT_URL}/${DATABASE}`,
    QUEUE_PREFIX: 'bench-lifecycle-cli',
    NODE_ENV: 'development',
    AGENCY_TIME_ZONE: ZONE,
  });
}

/** Runs `sql` once per chunk of [1, total] (its `?`s: the chunk's first and last number). */
async function chunked(db: mysql2.Connection, label: string, total: number, sql: string): Promise<void> {
  const bar = new ProgressBar(`seeding ${label}`);
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.query(sql, [from, to]);
    bar.update(to / total, `${to.toLocaleString('en')}/${total.toLocaleString('en')}`);
  }
  bar.done();
}

/**
 * One client (Colombia, COP) with a 2 %-a-month late-interest rule and collection fees after 60
 * days; accounts 45–400 days past due, balances 100,000–5,000,000.00 COP; agreements on the first
 * AGREEMENTS accounts with three 10 % installments 30 days apart, the first due 5–95 days ago, so a
 * fifth of them are long broken, many are due within the grace days, and paid ones are marked paid.
 */
async function seed(db: mysql2.Connection, today: string): Promise<void> {
  await db.query(
    "INSERT INTO clients (id, code, name, country, currency) VALUES (1, 'BENCH', 'Banco Bench', 'CO', 'COP')",
  );
  await db.query(
    "INSERT INTO portfolios (id, client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 1, 'Consumo', 'tardia', 'banking', 'COP', 'CO')",
  );
  await db.query(
    `INSERT INTO charge_rules (client_id, portfolio_id, interest_rate_ppm, interest_period, accrue_from, fee_after_days)
     VALUES (1, NULL, 20000, 'monthly', ?, 60)`,
    [addDays(today, -30)],
  );
  await chunked(
    db,
    'debtors',
    ACCOUNTS,
    `INSERT INTO debtors (id, client_id, debtor_key, national_id, full_name, time_zone, jurisdiction)
     SELECT seq, 1, CONCAT('D', seq), LPAD(seq, 10, '0'), CONCAT('Deudor ', seq), 'America/Bogota', 'CO'
       FROM seq_1_to_${ACCOUNTS} WHERE seq BETWEEN ? AND ?`,
  );
  await chunked(
    db,
    'accounts',
    ACCOUNTS,
    `INSERT INTO accounts (id, client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
        balance_minor, due_date, days_past_due, aging_bucket, status, created_at)
     SELECT seq, 1, 1, seq, CONCAT('BN', LPAD(seq, 9, '0')), 'COP', x.balance, x.balance,
            DATE_SUB('${today}', INTERVAL x.dpd DAY), x.dpd,
            CASE WHEN x.dpd <= 30 THEN '0-30' WHEN x.dpd <= 60 THEN '31-60' WHEN x.dpd <= 90 THEN '61-90'
                 WHEN x.dpd <= 180 THEN '91-180' ELSE '180+' END,
            IF(seq <= ${AGREEMENTS}, 'in_agreement', 'active'), DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 90 DAY)
       FROM (SELECT seq, 10000000 + (seq * 7919) % 490000000 AS balance, 45 + (seq * 31) % 356 AS dpd
               FROM seq_1_to_${ACCOUNTS} WHERE seq BETWEEN ? AND ?) x`,
  );
  await chunked(
    db,
    'agreements',
    AGREEMENTS,
    `INSERT INTO agreements (id, account_id, status, currency, total_minor, installments_count, settles_in_full, created_at)
     SELECT seq, seq, 'active', 'COP', 3 * (a.balance_minor DIV 10), 3, 0, DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 100 DAY)
       FROM seq_1_to_${AGREEMENTS} s JOIN accounts a ON a.id = s.seq WHERE seq BETWEEN ? AND ?`,
  );
  // Installment n of agreement g falls due (5 + g mod 91) − 30 (n − 1) days ago; those already due
  // are paid in full three times out of four (on their due date), short by a peso one time in eight.
  await chunked(
    db,
    'installments',
    AGREEMENTS * 3,
    `INSERT INTO installments (agreement_id, seq, due_date, amount_minor, paid_minor, status, paid_at)
     SELECT x.g, x.n, x.due, x.amount,
            CASE WHEN x.due > '${today}' THEN 0 WHEN x.g % 4 <> 0 THEN x.amount WHEN x.g % 8 = 0 THEN x.amount - 100 ELSE 0 END,
            CASE WHEN x.due > '${today}' THEN 'pending' WHEN x.g % 4 <> 0 THEN 'paid' WHEN x.g % 8 = 0 THEN 'partial' ELSE 'pending' END,
            IF(x.due <= '${today}' AND x.g % 4 <> 0, TIMESTAMP(x.due, '15:00:00'), NULL)
       FROM (SELECT (seq - 1) DIV 3 + 1 AS g, (seq - 1) % 3 + 1 AS n, ag.total_minor DIV 3 AS amount,
                    DATE_ADD(DATE_SUB('${today}', INTERVAL 5 + ((seq - 1) DIV 3 + 1) % 91 DAY), INTERVAL 30 * ((seq - 1) % 3) DAY) AS due
               FROM seq_1_to_${AGREEMENTS * 3} s JOIN agreements ag ON ag.id = (s.seq - 1) DIV 3 + 1
              WHERE seq BETWEEN ? AND ?) x`,
  );
  for (const table of ['accounts', 'agreements', 'installments']) await db.query(`ANALYZE TABLE ${table}`);
}

async function waitForRow(
  db: mysql2.Connection,
  what: string,
  sql: string,
  timeoutMs = 900_000,
): Promise<Record<string, unknown>> {
  const started = Date.now();
  process.stdout.write(`waiting for ${what}…`);
  for (;;) {
    const [rows] = (await db.query(sql)) as unknown as [Record<string, unknown>[]];
    if (rows[0]) {
      process.stdout.write(` ${Math.round((Date.now() - started) / 1000)} s\n`);
      return rows[0];
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function queuePromiseCheck(queuePrefix: string): Promise<void> {
  const redis = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const queue = new Queue(PROMISES_QUEUE, {
    connection: { host: redis.hostname, port: Number(redis.port || 6379) },
    prefix: queuePrefix,
  });
  try {
    await queue.add('promises.check' satisfies PromiseJobName, {}, { removeOnComplete: true });
  } finally {
    await queue.close();
  }
}

async function main(): Promise<void> {
  const now = new Date();
  const today = agencyDate(ZONE, now);
  const root = await mysql2.createConnection(connectionOptions());
  const [[before]] = (await root.query('SELECT @@innodb_buffer_pool_size AS bytes')) as unknown as [
    [{ bytes: number }],
  ];
  const raise = BUFFER_POOL_MB * 1048576 > Number(before.bytes);
  if (raise) await setBufferPool(root, BUFFER_POOL_MB * 1048576);
  try {
    await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await root.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await cli(['migrate']);
    const db = await mysql2.createConnection(connectionOptions(DATABASE));
    const seedStarted = Date.now();
    try {
      await seed(db, today);
    } finally {
      await db.end();
    }
    const seedSeconds = Math.round((Date.now() - seedStarted) / 100) / 10;
    console.log(
      `seeded ${ACCOUNTS.toLocaleString('en')} accounts and ${AGREEMENTS.toLocaleString('en')} agreements in ${seedSeconds} s`,
    );

    const loadBefore = loadavg()[0];
    console.log('Starting the built server on the seeded database (its jobs run as in production)…');
    const app = await startBenchServer('bench-lifecycle', {
      DATABASE_URL: `${ROOT_URL}/${DATABASE}`,
      AGENCY_TIME_ZONE: ZONE,
    });
    const watch = await mysql2.createConnection(connectionOptions(DATABASE));
    let accrual: Record<string, unknown>;
    let check: Record<string, unknown>;
    try {
      accrual = await waitForRow(
        watch,
        'the late-interest accrual',
        'SELECT accounts, days, fees, interest_minor, seconds FROM charge_runs WHERE finished_at IS NOT NULL AND accounts > 0 ORDER BY id LIMIT 1',
      );
      await queuePromiseCheck(app.queuePrefix);
      check = await waitForRow(
        watch,
        'the broken-promise check',
        `SELECT checked, broken, reminders, TIMESTAMPDIFF(MICROSECOND, started_at, finished_at) / 1e6 AS seconds
           FROM promise_check_runs ORDER BY id LIMIT 1`,
      );
    } catch (error) {
      console.error(app.output().slice(-4000));
      throw error;
    } finally {
      await watch.end();
      await app.stop();
    }
    const loadAfter = loadavg()[0];
    const accrualSeconds = Math.round(Number(accrual['seconds']) * 10) / 10;
    const promiseCheckSeconds = Math.round(Number(check['seconds']) * 10) / 10;
    const verdict = (s: number) => (s <= GOAL_SECONDS ? 'met' : 'NOT met');
    console.log(
      `\naccrual: ${Number(accrual['accounts']).toLocaleString('en')} accounts, ${String(accrual['days'])} days, ` +
        `${String(accrual['fees'])} fees in ${accrualSeconds} s — goal <= ${GOAL_SECONDS} s: ${verdict(accrualSeconds)}`,
    );
    console.log(
      `promise check: ${Number(check['checked']).toLocaleString('en')} installments checked, ${Number(check['broken']).toLocaleString('en')} ` +
        `agreements broken, ${String(check['reminders'])} reminders in ${promiseCheckSeconds} s — goal <= ${GOAL_SECONDS} s: ${verdict(promiseCheckSeconds)}`,
    );

    const result = {
      accounts: ACCOUNTS,
      agreements: AGREEMENTS,
      accrualSeconds,
      promiseCheckSeconds,
      accrual: Object.fromEntries(Object.entries(accrual).map(([k, v]) => [k, Number(v)])),
      promiseCheck: Object.fromEntries(Object.entries(check).map(([k, v]) => [k, Number(v)])),
      seedSeconds,
      goalSeconds: GOAL_SECONDS,
      machine: {
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        bufferPoolMb: BUFFER_POOL_MB,
        node: process.version,
        loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadAfter * 100) / 100],
      },
      at: now.toISOString(),
    };
    const dir = join(REPO_ROOT, 'test/bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lifecycle.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('wrote test/bench/results/lifecycle.json');
  } finally {
    if (!KEEP) await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    if (raise) await setBufferPool(root, Number(before.bytes));
    await root.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
