import { hash } from 'argon2';
import type * as mysql2 from 'mysql2/promise';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import {
  ADMIN_ID,
  AGENTS_PER_TEAM,
  agentId,
  BENCH_PASSWORD,
  CLIENTS,
  DISPOSITIONS,
  MANAGER_EMAIL,
  MANAGER_ID,
  PORTFOLIOS,
  supervisorEmail,
  supervisorId,
  TEAMS,
  teamsOfPortfolio,
} from './metrics-shape.constant';
import {
  SEED_COLUMNS,
  SEED_TABLES,
  type SeedPlan,
  type SeedTable,
  type TeamMonthRecovery,
} from './metrics-generator.util';
import type { FromSeedWorker, ToSeedWorker } from './metrics-seed.worker';

export interface SeedResult {
  seconds: number;
  rows: Record<SeedTable | 'goals', number>;
  /** Rows of the seven generated tables per second, generation and loading overlapped. */
  rowsPerSecond: number;
  /** The generator's first pass (each account's share of the totals). */
  planSeconds: number;
  /** ANALYZE TABLE over the loaded tables, after the load. */
  analyzeSeconds: number;
  /** LOAD DATA connections working at once (each on its own chunk). */
  loaders: number;
}

function bar(fraction: number, width = 28): string {
  const done = Math.round(Math.min(1, fraction) * width);
  return `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(Math.min(1, fraction) * 100).toFixed(0).padStart(3)}%`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.round(seconds)}s`;
}

/** A progress line on stderr: rewritten in place on a terminal, every tenth otherwise. */
export class ProgressBar {
  private lastTenth = -1;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly label: string) {}

  update(fraction: number, detail: string): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Infinity;
    const line = `${this.label} ${bar(fraction)} ${detail}  ${duration(elapsed)} elapsed, ETA ${duration(eta)}`;
    if (this.tty) process.stderr.write(`\r${line}\x1b[K`);
    else if (Math.floor(fraction * 10) > this.lastTenth) {
      this.lastTenth = Math.floor(fraction * 10);
      process.stderr.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}

async function insertStatic(db: mysql2.Connection): Promise<void> {
  await db.query('INSERT INTO clients (id, code, name, country, currency) VALUES ?', [
    CLIENTS.map((c) => [c.id, c.code, c.name, c.country, c.currency]),
  ]);
  await db.query(
    'INSERT INTO portfolios (id, client_id, name, stage, industry, currency, jurisdiction) VALUES ?',
    [
      PORTFOLIOS.map((p) => {
        const client = CLIENTS.find((c) => c.id === p.clientId)!;
        return [p.id, p.clientId, p.name, p.stage, p.industry, client.currency, client.country];
      }),
    ],
  );
  await db.query('INSERT INTO teams (id, name, supervisor_id) VALUES ?', [
    Array.from({ length: TEAMS }, (_, i) => [
      i + 1,
      `Equipo ${String(i + 1).padStart(2, '0')}`,
      supervisorId(i + 1),
    ]),
  ]);
  // One argon2 hash serves every bench user (hashing is deliberately slow).
  const passwordHash = await hash(BENCH_PASSWORD);
  const users: unknown[][] = [
    [MANAGER_ID, MANAGER_EMAIL, 'Gerente Bench', 'manager', null],
    [ADMIN_ID, 'admin@metrics.bench', 'Admin Bench', 'admin', null],
  ];
  for (let team = 1; team <= TEAMS; team++) {
    users.push([supervisorId(team), supervisorEmail(team), `Supervisor ${team}`, 'supervisor', team]);
    for (let seat = 1; seat <= AGENTS_PER_TEAM; seat++)
      users.push([
        agentId(team, seat),
        `agente${team}-${seat}@metrics.bench`,
        `Agente ${team}-${seat}`,
        'agent',
        team,
      ]);
  }
  await db.query('INSERT INTO users (id, email, full_name, role, team_id, password_hash) VALUES ?', [
    users.map((u) => [...u, passwordHash]),
  ]);
  await db.query("INSERT INTO disposition_sets (id, name) VALUES (1, 'Cobranza estándar')");
  await db.query(
    'INSERT INTO dispositions (id, set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES ?',
    [
      DISPOSITIONS.map((d) => [
        d.id,
        1,
        d.code,
        d.labelEs,
        d.labelEn,
        d.category,
        d.isContact,
        d.isRpc,
        d.isPromise,
      ]),
    ],
  );
}

/**
 * Goals per team per month (a seeded 85–130 % of what the team actually recovered, so attainment
 * varies) and per team per calendar year touched (the months' goals scaled to twelve months).
 */
async function insertGoals(
  db: mysql2.Connection,
  plan: SeedPlan,
  recovery: TeamMonthRecovery,
  seed: number,
): Promise<number> {
  const rows: unknown[][] = [];
  const yearly = new Map<string, { sum: number; months: number; currency: string }>();
  for (let team = 1; team <= TEAMS; team++) {
    const portfolio = PORTFOLIOS.find((p) => teamsOfPortfolio(p.id).includes(team))!;
    const currency = CLIENTS.find((c) => c.id === portfolio.clientId)!.currency;
    plan.months.forEach((month, m) => {
      const factor = 0.85 + 0.45 * (((team * 7919 + m * 104729 + seed) % 1000) / 1000);
      const target = Math.max(100_000, Math.round((recovery[team][m] * factor) / 100_000) * 100_000);
      rows.push(['month', `${month}-01`, 'team', team, 'recovered', target, currency]);
      const key = `${team}|${month.slice(0, 4)}`;
      const year = yearly.get(key) ?? { sum: 0, months: 0, currency };
      year.sum += target;
      year.months += 1;
      yearly.set(key, year);
    });
  }
  for (const [key, year] of yearly) {
    const [team, y] = key.split('|');
    rows.push([
      'year',
      `${y}-01-01`,
      'team',
      Number(team),
      'recovered',
      Math.round((year.sum * 12) / year.months),
      year.currency,
    ]);
  }
  await db.query(
    'INSERT INTO goals (period_kind, period_start, scope, scope_id, metric, target, currency) VALUES ?',
    [rows],
  );
  return rows.length;
}

/** mysql2 sends each piece of the stream as one packet: keep them well under max_allowed_packet. */
function* slices(data: Uint8Array, size = 1 << 20): Generator<Buffer> {
  for (let at = 0; at < data.byteLength; at += size)
    yield Buffer.from(data.buffer, data.byteOffset + at, Math.min(size, data.byteLength - at));
}

function loadSql(table: SeedTable): string {
  return `LOAD DATA LOCAL INFILE '${table}.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4
    FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${SEED_COLUMNS[table].join(', ')})`;
}

/** The generator on its own thread (ts-node registered there too), one chunk asked for at a time. */
function startWorker(plan: SeedPlan): {
  next(): Promise<FromSeedWorker>;
  ask(): void;
  stop(): Promise<number>;
} {
  const file = join(__dirname, 'metrics-seed.worker.ts');
  const worker = new Worker(`require('ts-node/register'); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData: plan,
  });
  const inbox: FromSeedWorker[] = [];
  const waiting: ((m: FromSeedWorker) => void)[] = [];
  let failure: Error | null = null;
  const deliver = (message: FromSeedWorker) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  };
  worker.on('message', deliver);
  worker.on('error', (error) => {
    failure = error;
    deliver({ type: 'failed', message: error.stack ?? error.message });
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) deliver({ type: 'failed', message: `generator thread exited with ${code}` });
  });
  return {
    next: () =>
      new Promise((resolve) => {
        const message = inbox.shift();
        if (message) resolve(message);
        else waiting.push(resolve);
      }),
    ask: () => worker.postMessage({ type: 'next' } satisfies ToSeedWorker),
    stop: () => worker.terminate(),
  };
}

/**
 * Fills an empty, migrated database: the fixed rows (clients, portfolios, teams, users,
 * dispositions), then the generated ones chunk by chunk through LOAD DATA LOCAL INFILE (the
 * generator one chunk ahead on its own thread), then goals and fresh index statistics.
 */
export async function seedDatabase(
  connect: () => Promise<mysql2.Connection>,
  plan: SeedPlan,
  loaders = 2,
): Promise<SeedResult> {
  const started = Date.now();
  const connections: mysql2.Connection[] = [];
  for (let i = 0; i < loaders; i++) {
    const connection = await connect();
    // Bulk-load settings for these sessions only: the rows are consistent by construction.
    await connection.query("SET foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'");
    connections.push(connection);
  }
  const db = connections[0];
  await insertStatic(db);

  const worker = startWorker(plan);
  const rows = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<SeedTable, number>;
  const progress = new ProgressBar('seeding');
  const report = () => {
    const total = SEED_TABLES.reduce((sum, t) => sum + rows[t], 0);
    progress.update(
      (rows.accounts + rows.interactions + rows.payments) /
        (plan.accounts + plan.interactions + plan.payments),
      `accounts ${rows.accounts.toLocaleString('en')}/${plan.accounts.toLocaleString('en')}, ` +
        `interactions ${rows.interactions.toLocaleString('en')}, payments ${rows.payments.toLocaleString('en')}, ` +
        `${Math.round(total / ((Date.now() - started) / 1000)).toLocaleString('en')} rows/s`,
    );
  };
  /** One chunk, table by table, on one connection. */
  const load = async (connection: mysql2.Connection, chunk: Extract<FromSeedWorker, { type: 'chunk' }>) => {
    for (const table of SEED_TABLES) {
      const data = chunk.data[table];
      if (data.byteLength === 0) continue;
      await connection.query({ sql: loadSql(table), infileStreamFactory: () => Readable.from(slices(data)) });
      rows[table] += chunk.rows[table];
      report();
    }
    return connection;
  };
  let recovery: TeamMonthRecovery | null = null;
  let planSeconds = 0;
  const running = new Map<mysql2.Connection, Promise<mysql2.Connection>>();
  try {
    const ready = await worker.next();
    if (ready.type === 'failed') throw new Error(ready.message);
    if (ready.type !== 'ready') throw new Error(`unexpected ${ready.type} from the generator`);
    planSeconds = ready.passOneSeconds;
    // Chunks loading on every connection, and one more being generated.
    for (let i = 0; i <= loaders; i++) worker.ask();
    const idle = [...connections];
    for (;;) {
      const message = await worker.next();
      if (message.type === 'failed') throw new Error(message.message);
      if (message.type === 'done') {
        recovery = message.recovery;
        break;
      }
      if (message.type !== 'chunk') continue;
      if (idle.length === 0) {
        const free = await Promise.race(running.values());
        running.delete(free);
        idle.push(free);
      }
      const connection = idle.pop()!;
      const loading = load(connection, message);
      loading.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      running.set(connection, loading);
      worker.ask();
    }
    await Promise.all(running.values());
  } finally {
    progress.done();
    await worker.stop();
    await Promise.allSettled(running.values());
    for (const connection of connections.slice(1)) await connection.end();
  }
  try {
    return await finish(db, plan, recovery, rows, started, planSeconds, loaders);
  } finally {
    await db.end();
  }
}

async function finish(
  db: mysql2.Connection,
  plan: SeedPlan,
  recovery: TeamMonthRecovery | null,
  rows: Record<SeedTable, number>,
  started: number,
  planSeconds: number,
  loaders: number,
): Promise<SeedResult> {
  if (!recovery) throw new Error('the generator stopped before its last chunk');
  const goals = await insertGoals(db, plan, recovery, plan.seed);
  const loadedAt = Date.now();
  const generated = SEED_TABLES.reduce((sum, t) => sum + rows[t], 0);
  const analyzeStarted = Date.now();
  // Fresh statistics, as a database that grew to this size would have them.
  await db.query(`ANALYZE TABLE ${[...SEED_TABLES, 'goals'].join(', ')}`);
  const analyzeSeconds = (Date.now() - analyzeStarted) / 1000;
  const seconds = (loadedAt - started) / 1000;
  return {
    seconds: Math.round(seconds * 10) / 10,
    rows: { ...rows, goals },
    rowsPerSecond: Math.round(generated / seconds),
    planSeconds: Math.round(planSeconds * 10) / 10,
    analyzeSeconds: Math.round(analyzeSeconds * 10) / 10,
    loaders,
  };
}
