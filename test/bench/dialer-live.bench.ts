/**
 * npm run bench:dialer-live — the live dialer against its own virtual-time figures: the built server
 * (real BullMQ, Redis, MariaDB, socket.io) dials the benchmark's floor A scaled to 10 agents on the
 * simulated carrier, every duration ×TIME_SCALE so 5 real minutes replay 50 floor minutes, while 10
 * agent bots on real sockets take calls and wrap up. The same scaled floor is then run through the
 * virtual-time simulator (the same pacing code); the figures should agree within 10 %.
 * Writes test/bench/results/dialer-live.json.
 */
import {
  DIALER_BENCH_SCENARIOS,
  SIMULATION_PACING_SETTINGS,
  simulateFloor,
  type DurationModel,
  type FloorScenario,
} from '@recupera/dialer';
import {
  AGENT_NAMESPACE,
  SeededRandom,
  evaluateAttempt,
  DEFAULT_COMPLIANCE_PROFILES,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
} from '@recupera/shared';
import { hash } from 'argon2';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mysql2 from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { REPO_ROOT, apiCall, startServer } from '../support/server-process.util';

const AGENTS = Number(process.env['BENCH_AGENTS'] ?? 10);
const RUN_MS = Number(process.env['BENCH_SECONDS'] ?? 300) * 1_000;
const TIME_SCALE = Number(process.env['BENCH_TIME_SCALE'] ?? 0.1);
const ACCOUNTS = 6_000;
const CPS = 20;
const PASSWORD = 'bench-password-2026';
const VIRTUAL_SEEDS = [1, 2, 3, 4, 5];

type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

function scaled(model: DurationModel): DurationModel {
  switch (model.kind) {
    case 'fixed':
      return { kind: 'fixed', ms: model.ms * TIME_SCALE };
    case 'uniform':
      return { kind: 'uniform', minMs: model.minMs * TIME_SCALE, maxMs: model.maxMs * TIME_SCALE };
    case 'exponential':
      return { kind: 'exponential', meanMs: model.meanMs * TIME_SCALE };
    case 'lognormal':
      return { kind: 'lognormal', meanMs: model.meanMs * TIME_SCALE, cv: model.cv };
  }
}

const A = DIALER_BENCH_SCENARIOS[0].scenario;
/** Floor A at the bench's time scale; a person still waits at most 2 real seconds (the legal rule). */
const SCALED_FLOOR: FloorScenario = {
  ...A,
  agents: AGENTS,
  answerTime: scaled(A.answerTime),
  ringNoAnswerMs: A.ringNoAnswerMs * TIME_SCALE,
  talkTime: scaled(A.talkTime),
  wrapTime: scaled(A.wrapTime),
  loginSpreadMs: 60_000 * TIME_SCALE,
};

/** An Etc/GMT zone where it is early afternoon now, so every debtor is inside Mexico's 07–22 window. */
function afternoonZone(now: Date): string {
  for (let offset = -12; offset <= 14; offset++) {
    const hour = (now.getUTCHours() + offset + 24) % 24;
    if (hour < 12 || hour > 15) continue;
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const verdict = evaluateAttempt(
      {
        profile: DEFAULT_COMPLIANCE_PROFILES.MX,
        timeZone: zone,
        holidays: new Set(),
        channel: 'voice',
        contactPoint: { id: '1', valid: true, doNotContact: false, consent: { voice: 'granted' } },
        history: [],
        legal: { lawsuitServed: false },
      },
      now,
    );
    if (verdict.allowed) return zone;
  }
  throw new Error('no zone found inside the MX window');
}

async function seed(db: mysql2.Connection, zone: string): Promise<{ portfolio: string; team: string }> {
  const insert = async (sql: string, params: unknown[] = []) =>
    String(((await db.query(sql, params))[0] as { insertId: number }).insertId);
  const client = await insert(
    "INSERT INTO clients (code, name, country, currency) VALUES ('BENCH', 'Banco Bench', 'MX', 'MXN')",
  );
  const portfolio = await insert(
    "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Bench', 'temprana', 'banking', 'MXN', 'MX')",
    [client],
  );
  const passwordHash = await hash(PASSWORD);
  const supervisor = await insert(
    "INSERT INTO users (email, full_name, password_hash, role) VALUES ('sup@bench.test', 'Sup', ?, 'supervisor')",
    [passwordHash],
  );
  const team = await insert("INSERT INTO teams (name, supervisor_id) VALUES ('Bench', ?)", [supervisor]);
  await db.query(
    "INSERT INTO users (email, full_name, password_hash, role) VALUES ('admin@bench.test', 'Admin', ?, 'admin')",
    [passwordHash],
  );
  for (let i = 1; i <= AGENTS; i++)
    await db.query(
      "INSERT INTO users (email, full_name, password_hash, role, team_id) VALUES (?, ?, ?, 'agent', ?)",
      [`agent${i}@bench.test`, `Agent ${i}`, passwordHash, team],
    );
  await db.query("INSERT INTO disposition_sets (name) VALUES ('Bench')");
  const rows = Array.from({ length: ACCOUNTS }, (_, i) => i + 1);
  for (let start = 0; start < rows.length; start += 1_000) {
    const chunk = rows.slice(start, start + 1_000);
    const [result] = await db.query(
      'INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES ?',
      [chunk.map((n) => [client, `D${n}`, `Deudor ${n}`, zone, 'MX'])],
    );
    const first = (result as { insertId: number }).insertId;
    await db.query('INSERT INTO contact_points (debtor_id, type, value, consent) VALUES ?', [
      chunk.map((n, i) => [first + i, 'mobile', `+5255${String(10_000_000 + n)}`, 'granted']),
    ]);
    await db.query(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id) VALUES ?`,
      [
        chunk.map((n, i) => [
          client,
          portfolio,
          first + i,
          `B${n}`,
          'MXN',
          100_000 + n,
          100_000 + n,
          40,
          '31-60',
          'active',
          team,
        ]),
      ],
    );
  }
  return { portfolio, team };
}

function emit(
  socket: AgentClient,
  event: keyof AgentClientToServerEvents,
  payload: unknown,
): Promise<AckResult> {
  return new Promise((resolve) =>
    (socket.emit as (e: string, p: unknown, a: (r: AckResult) => void) => void)(event, payload, resolve),
  );
}

async function agentBot(url: string, index: number, rng: SeededRandom): Promise<AgentClient> {
  const { body } = await apiCall<{ accessToken: string }>(url, 'POST', '/auth/login', undefined, {
    email: `agent${index}@bench.test`,
    password: PASSWORD,
  });
  const socket: AgentClient = io(`${url}${AGENT_NAMESPACE}`, {
    auth: { token: body.accessToken },
    transports: ['websocket'],
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('agent.snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on('call.ended', (ended) => {
    const wrap =
      SCALED_FLOOR.wrapTime.kind === 'fixed' ? SCALED_FLOOR.wrapTime.ms : 3_000 * (0.5 + rng.next());
    setTimeout(() => void emit(socket, 'call.wrap-up-finished', { callId: ended.callId }), wrap);
  });
  return socket;
}

async function main(): Promise<void> {
  const zone = afternoonZone(new Date());
  const server = await startServer({
    seedDemo: false,
    env: {
      SIMULATED_CARRIER_SCENARIO: 'bench-floor',
      SIMULATED_CARRIER_TIME_SCALE: String(TIME_SCALE),
      DIALER_CALLS_PER_SECOND: String(CPS),
      AGENCY_TIME_ZONE: zone,
    },
  });
  const db = await mysql2.createConnection(server.env['DATABASE_URL']);
  const sockets: AgentClient[] = [];
  try {
    const { portfolio, team } = await seed(db, zone);
    const admin = (
      await apiCall<{ accessToken: string }>(server.url, 'POST', '/auth/login', undefined, {
        email: 'admin@bench.test',
        password: PASSWORD,
      })
    ).body.accessToken;
    const [sets] = await db.query('SELECT id FROM disposition_sets');
    const created = await apiCall<{ id: string }>(server.url, 'POST', '/campaigns', admin, {
      name: 'Bench A live',
      portfolioId: portfolio,
      dialMode: 'predictive',
      teamIds: [team],
      dispositionSetId: String((sets as { id: number }[])[0].id),
      abandonMessage: 'Le llamamos de Banco Bench; le devolveremos la llamada.',
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '23:59' },
    });
    const campaign = created.body.id;
    await apiCall(server.url, 'POST', `/campaigns/${campaign}/start`, admin);
    const rng = new SeededRandom(7);
    const start = Date.now();
    for (let i = 1; i <= AGENTS; i++) {
      const socket = await agentBot(server.url, i, rng);
      sockets.push(socket);
      await emit(socket, 'agent.state-requested', { state: 'available' });
      await new Promise((r) => setTimeout(r, SCALED_FLOOR.loginSpreadMs! / AGENTS));
    }
    process.stdout.write(`live run: ${AGENTS} agents, ${RUN_MS / 1000} s at ×${TIME_SCALE} (zone ${zone})\n`);
    while (Date.now() - start < RUN_MS) {
      await new Promise((r) => setTimeout(r, 10_000));
      const [[row]] = (await db.query(
        'SELECT COUNT(*) AS dials, SUM(connected_at IS NOT NULL) AS connected FROM interactions WHERE campaign_id = ?',
        [campaign],
      )) as unknown as [[{ dials: number; connected: string }]];
      process.stdout.write(
        `  ${Math.round((Date.now() - start) / 1000)} s: ${row.dials} dials, ${row.connected ?? 0} connected\n`,
      );
    }
    const end = new Date();
    await apiCall(server.url, 'POST', `/campaigns/${campaign}/pause`, admin);
    const live = await liveFigures(db, campaign, new Date(start), end);
    const virtual = averageVirtual();
    const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
    const result = {
      scenario: 'A scaled: 10 agents, 20 % answers, durations ×' + TIME_SCALE,
      agents: AGENTS,
      seconds: RUN_MS / 1000,
      live,
      virtual,
      talkRatio: ratio(live.talkMinutesPerAgentHour, virtual.talkMinutesPerAgentHour),
      occupancyRatio: ratio(live.occupancy, virtual.occupancy),
      withinTenPercent:
        Math.abs(ratio(live.talkMinutesPerAgentHour, virtual.talkMinutesPerAgentHour) - 1) <= 0.1 &&
        Math.abs(ratio(live.occupancy, virtual.occupancy) - 1) <= 0.1,
    };
    console.table([
      { run: 'live', ...live },
      { run: 'virtual (mean of 5 seeds)', ...virtual },
    ]);
    console.log(
      `talk ratio ${result.talkRatio.toFixed(3)}, occupancy ratio ${result.occupancyRatio.toFixed(3)}, within 10 %: ${result.withinTenPercent}`,
    );
    const dir = join(REPO_ROOT, 'test/bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'dialer-live.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    for (const socket of sockets) socket.disconnect();
    await db.end();
    await server.stop();
  }
}

interface Figures {
  dials: number;
  connected: number;
  abandoned: number;
  talkMinutesPerAgentHour: number;
  occupancy: number;
  abandonRate: number;
  attemptsPerAgentHour: number;
}

async function liveFigures(
  db: mysql2.Connection,
  campaign: string,
  start: Date,
  end: Date,
): Promise<Figures> {
  const [calls] = await db.query(
    `SELECT COUNT(*) AS dials, SUM(connected_at IS NOT NULL) AS connected, SUM(outcome = 'abandoned') AS abandoned,
            SUM(IF(connected_at IS NULL, 0, TIMESTAMPDIFF(MICROSECOND, connected_at, LEAST(COALESCE(ended_at, ?), ?)))) / 1000 AS talk_ms
       FROM interactions WHERE campaign_id = ?`,
    [end, end, campaign],
  );
  const c = (calls as Record<string, string | number | null>[])[0];
  const [changes] = await db.query(
    'SELECT agent_id, state, at FROM agent_state_changes ORDER BY agent_id, at, id',
  );
  let agentMs = 0;
  let wrapMs = 0;
  const rows = changes as { agent_id: number; state: string; at: Date }[];
  const firstSeen = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!firstSeen.has(row.agent_id)) firstSeen.set(row.agent_id, row.at.getTime());
    const next = rows[i + 1]?.agent_id === row.agent_id ? rows[i + 1].at.getTime() : end.getTime();
    if (row.state === 'wrap_up') wrapMs += Math.min(next, end.getTime()) - row.at.getTime();
  }
  for (const at of firstSeen.values()) agentMs += end.getTime() - Math.max(at, start.getTime());
  const talkMs = Number(c['talk_ms'] ?? 0);
  const connected = Number(c['connected'] ?? 0);
  const abandoned = Number(c['abandoned'] ?? 0);
  return {
    dials: Number(c['dials']),
    connected,
    abandoned,
    talkMinutesPerAgentHour: (talkMs / agentMs) * 60,
    occupancy: (talkMs + wrapMs) / agentMs,
    abandonRate: connected + abandoned > 0 ? abandoned / (connected + abandoned) : 0,
    attemptsPerAgentHour: (Number(c['dials']) / (agentMs / 3_600_000)) * TIME_SCALE,
  };
}

function averageVirtual(): Figures {
  const runs = VIRTUAL_SEEDS.map((seed) =>
    simulateFloor({
      scenario: SCALED_FLOOR,
      settings: { ...SIMULATION_PACING_SETTINGS, callsPerSecondLimit: CPS, concurrentLineLimit: 200 },
      durationMs: RUN_MS,
      seed,
    }),
  );
  const mean = (pick: (r: (typeof runs)[number]) => number) =>
    runs.reduce((s, r) => s + pick(r), 0) / runs.length;
  return {
    dials: mean((r) => r.dials),
    connected: mean((r) => r.connected),
    abandoned: mean((r) => r.abandoned),
    talkMinutesPerAgentHour: mean((r) => r.talkMinutesPerAgentHour),
    occupancy: mean((r) => r.occupancy),
    abandonRate: mean((r) => r.abandonRate),
    attemptsPerAgentHour: mean((r) => r.attemptsPerAgentHour) * TIME_SCALE,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
