/**
 * npm run bench:import — generates a seeded synthetic portfolio (1,000,000 accounts by default,
 * BENCH_ROWS to change) and imports it into an empty database through the product's own CLI,
 * printing rows/s, seconds and the import process's peak RSS, and writing them to results/import.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import * as mysql2 from 'mysql2/promise';
import { REPO_ROOT } from '../support/server-process.util';
import { runCli, setBufferPool } from './bench-support.util';
import { writeSyntheticPortfolio } from './synthetic-portfolio.util';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const SEED = 42;
/**
 * MariaDB's default 128 MB buffer pool is a toy for a million-account table: secondary-index pages
 * then come from disk on every insert. The bench raises it for the run (the README recommends the
 * same for production) and puts it back after; BENCH_BUFFER_POOL_MB=0 leaves the server untouched.
 */
const BUFFER_POOL_MB = Number(process.env['BENCH_BUFFER_POOL_MB'] ?? 1024);
const ROOT_URL = process.env['TEST_DATABASE_ROOT_URL'] ?? 'mysql://root@127.0.0.1:3306';
const DATABASE = 'recupera_bench';
const MAPPING = {
  accountNumber: 'numero_cuenta',
  nationalId: 'cedula',
  fullName: 'nombre',
  phone1: 'telefono',
  balance: 'saldo',
  originalAmount: 'monto_original',
  dueDate: 'fecha_vencimiento',
  product: 'producto',
  sector: 'sector',
  zona: 'zona',
};

interface CliSummary {
  rows: number;
  inserted: number;
  rejected: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

function cli(args: string[], env: Record<string, string>): Promise<string> {
  // The same heap cap as `npm run import`: the CLI's memory stays flat however large the file.
  return runCli(args, env, ['--max-old-space-size=256']);
}

async function main(): Promise<void> {
  const file = join(tmpdir(), `recupera-bench-${ROWS}-${SEED}.csv`);
  if (!existsSync(file)) {
    console.log(`Generating ${ROWS.toLocaleString('en')} synthetic accounts (seed ${SEED}) in ${file}…`);
    await writeSyntheticPortfolio(file, ROWS, SEED, new Date('2026-11-01T00:00:00Z'));
  }
  const url = new URL(ROOT_URL);
  const root = await mysql2.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await root.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[before]] = (await root.query('SELECT @@innodb_buffer_pool_size AS bytes')) as unknown as [
    [{ bytes: number }],
  ];
  const raise = BUFFER_POOL_MB * 1048576 > Number(before.bytes);
  if (raise) await setBufferPool(root, BUFFER_POOL_MB * 1048576);
  const [[pool]] = (await root.query(
    'SELECT @@innodb_buffer_pool_size AS bytes, VERSION() AS version',
  )) as unknown as [[{ bytes: number; version: string }]];
  const env = { DATABASE_URL: `${ROOT_URL}/${DATABASE}`, QUEUE_PREFIX: 'bench', NODE_ENV: 'development' };
  await cli(['migrate'], env);
  await root.query(`USE ${DATABASE}`);
  await root.query(
    "INSERT INTO clients (code, name, country, currency) VALUES ('BENCH', 'Banco de prueba', 'CO', 'COP')",
  );
  await root.query(
    "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 'sintetica', 'tardia', 'banking', 'COP', 'CO')",
  );
  await root.query("INSERT INTO import_mappings (client_id, name, mapping) VALUES (1, 'bench', ?)", [
    JSON.stringify(MAPPING),
  ]);

  console.log(
    `Importing into an empty database (MariaDB ${pool.version}, buffer pool ${Math.round(pool.bytes / 1048576)} MB)…`,
  );
  const output = await cli(
    ['import', file, '--client', 'BENCH', '--portfolio', 'sintetica', '--mapping', 'bench', '--json'],
    env,
  );
  const summary = JSON.parse(output.trim().split('\n').pop()!) as CliSummary;
  const [[counts]] = (await root.query(
    'SELECT (SELECT COUNT(*) FROM accounts) AS accounts, (SELECT COUNT(*) FROM debtors) AS debtors, (SELECT COUNT(*) FROM contact_points) AS contacts',
  )) as unknown as [[Record<string, number>]];
  await root.query(`DROP DATABASE ${DATABASE}`);
  if (raise) await setBufferPool(root, Number(before.bytes));
  await root.end();
  if (Number(counts['accounts']) !== summary.inserted)
    throw new Error(`accounts ${counts['accounts']} != inserted ${summary.inserted}`);

  const result = {
    rows: summary.rows,
    seconds: summary.seconds,
    rowsPerSecond: summary.rowsPerSecond,
    peakRssMb: summary.peakRssMb,
  };
  const details = {
    ...result,
    inserted: summary.inserted,
    rejected: summary.rejected,
    debtors: Number(counts['debtors']),
    contactPoints: Number(counts['contacts']),
    machine: {
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      mariadb: pool.version,
      bufferPoolMb: Math.round(pool.bytes / 1048576),
    },
    goal: { rowsPerSecond: 50_000, peakRssMb: 300 },
    at: new Date().toISOString(),
  };
  const dir = join(REPO_ROOT, 'test/bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, 'import.details.json'), `${JSON.stringify(details, null, 2)}\n`);
  console.log(
    `\nrows ${result.rows.toLocaleString('en')}  seconds ${result.seconds}  rows/s ${result.rowsPerSecond.toLocaleString('en')}  peak RSS ${result.peakRssMb} MB`,
  );
  console.log(
    `goal: >= 50,000 rows/s and < 300 MB — ${result.rowsPerSecond >= 50_000 ? 'met' : 'NOT met'} / ${result.peakRssMb < 300 ? 'met' : 'NOT met'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
