/**
 * npm run bench:lifecycle — the daily lifecycle jobs at the size. Seeds a fresh database
 * (recupera_bench_lifecycle) with 1,000,000 accounts and 200,000 active agreements of three
 * installments each (set-based, from MariaDB's sequence tables, with a progress bar), then runs the
 * two daily jobs through the product's CLI, each as production runs it: late-interest accrual through
 * yesterday (`accrue-interest`; the accounts last accrued 30 days ago, so every overdue account
 * accrues a month) and the broken-promise check (`check-promises`). Prints seconds and writes
 * test/bench/results/lifecycle.json.
 *
 * LIFECYCLE_BENCH_ACCOUNTS (1,000,000) and LIFECYCLE_BENCH_AGREEMENTS (200,000) change the size;
 * BENCH_BUFFER_POOL_MB (4096) raises MariaDB's buffer pool for the run; LIFECYCLE_BENCH_KEEP=1 keeps
 * the database.
 */
import { agencyDate, addDays } from '@recupera/shared';
import * as mysql2 from 'mysql2/promise';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/server-process.util';
import { runCli, setBufferPool } from './bench-support.util';
import { ProgressBar } from './metrics/metrics-seed.util';

const ACCOUNTS = Number(process.env['LIFECYCLE_BENCH_ACCOUNTS'] ?? 1_000_000);
const AGREEMENTS = Number(process.env['LIFECYCLE_BENCH_AGREEMENTS'] ?? 200_000);
const BUFFER_POOL_MB = Number(process.env['BENCH_BUFFER_POOL_MB'] ?? 4096);
const KEEP = process.env['LIFECYCLE_BENCH_KEEP'] === '1';
const ZONE = 'America/Bogota';
const ROOT_URL = process.env['TEST_DATABASE_ROOT_URL'] ?? 'mysql://root@127.0.0.1:3306';
const DATABASE = 'recupera_bench_lifecycle';
const GOAL_SECONDS = 120;
/** Rows per seeding statement: big enough to be fast, small enough to show progress. */
const CHUNK = 100_000;

function connectionOptions(database?: string): mysql2.ConnectionOptions {
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

function cli(args: string[]): Promise<string> {
  return runCli(args, {
    DATABASE_URL: `${ROOT_URL}/${DATABASE}`,
    QUEUE_PREFIX: 'bench-lifecycle-cli',
    NODE_ENV: 'development',
    AGENCY_TIME_ZONE: ZONE,
  });
}

/** Runs `sql` once per chunk of [1, total] (its `?`s: the chunk's first and last number). */
async function chunked(
  db: mysql2.Connection,
  bar: ProgressBar,
  label: string,
  total: number,
  sql: string,
): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.query(sql, [from, to]);
    bar.update(to / total, `${label} ${to.toLocaleString('en')}/${total.toLocaleString('en')}`);
  }
}

/**
 * One client (Colombia, COP) with a 2 %-a-month late-interest rule and collection fees after 60
 * days; accounts 45–400 days past due, balances 100,000–5,000,000.00 COP; agreements on the first
 * AGREEMENTS accounts with three 10 % installments 30 days apart, the first due 5–95 days ago, so a
 * fifth of them are long broken, many are due within the grace days, and paid ones are marked paid.
 */
async function seed(db: mysql2.Connection, today: string): Promise<void> {
  const bar = new ProgressBar('seeding');
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
    bar,
    'debtors',
    ACCOUNTS,
    `INSERT INTO debtors (id, client_id, debtor_key, national_id, full_name, time_zone, jurisdiction)
     SELECT seq, 1, CONCAT('D', seq), LPAD(seq, 10, '0'), CONCAT('Deudor ', seq), 'America/Bogota', 'CO'
       FROM seq_1_to_${ACCOUNTS} WHERE seq BETWEEN ? AND ?`,
  );
  await chunked(
    db,
    bar,
    'accounts',
    ACCOUNTS,
    `INSERT INTO accounts (id, client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
        balance_minor, due_date, days_past_due, aging_bucket, status)
     SELECT seq, 1, 1, seq, CONCAT('BN', LPAD(seq, 9, '0')), 'COP', x.balance, x.balance,
            DATE_SUB('${today}', INTERVAL x.dpd DAY), x.dpd,
            CASE WHEN x.dpd <= 30 THEN '0-30' WHEN x.dpd <= 60 THEN '31-60' WHEN x.dpd <= 90 THEN '61-90'
                 WHEN x.dpd <= 180 THEN '91-180' ELSE '180+' END,
            IF(seq <= ${AGREEMENTS}, 'in_agreement', 'active')
       FROM (SELECT seq, 10000000 + (seq * 7919) % 490000000 AS balance, 45 + (seq * 31) % 356 AS dpd
               FROM seq_1_to_${ACCOUNTS} WHERE seq BETWEEN ? AND ?) x`,
  );
  await chunked(
    db,
    bar,
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
    bar,
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
  bar.update(1, 'analyze');
  for (const table of ['accounts', 'agreements', 'installments']) await db.query(`ANALYZE TABLE ${table}`);
  bar.done();
}

/** "accrual: 812345 accounts, 30 days, 0 fees in 41.2 s" and "promise check: … in 12.3 s". */
function secondsOf(output: string, prefix: string): { seconds: number; line: string } {
  const line = output.split('\n').find((l) => l.startsWith(prefix));
  const m = line ? / in ([\d.]+) s/.exec(line) : null;
  if (!line || !m) throw new Error(`the CLI printed no "${prefix}" line:\n${output}`);
  return { seconds: Number(m[1]), line };
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
    const accrual = secondsOf(await cli(['accrue-interest', addDays(today, -1)]), 'accrual:');
    const promises = secondsOf(await cli(['check-promises']), 'promise check:');
    const loadAfter = loadavg()[0];
    const verdict = (s: number) => (s <= GOAL_SECONDS ? 'met' : 'NOT met');
    console.log(`\n${accrual.line}  — goal <= ${GOAL_SECONDS} s: ${verdict(accrual.seconds)}`);
    console.log(`${promises.line}  — goal <= ${GOAL_SECONDS} s: ${verdict(promises.seconds)}`);

    const result = {
      accounts: ACCOUNTS,
      agreements: AGREEMENTS,
      accrualSeconds: accrual.seconds,
      promiseCheckSeconds: promises.seconds,
      accrual: accrual.line,
      promiseCheck: promises.line,
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
