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
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mysql2 from 'mysql2/promise';
import {
  afternoonZone,
  agentRequest,
  connectAgent,
  FLOOR_DISPOSITION,
  seedFloor,
  startFloorCampaign,
  type AgentClient,
} from '../support/dialer-floor.util';
import { REPO_ROOT, apiCall, startServer } from '../support/server-process.util';

const AGENTS = Number(process.env['BENCH_AGENTS'] ?? 10);
const RUN_MS = Number(process.env['BENCH_SECONDS'] ?? 300) * 1_000;
const TIME_SCALE = Number(process.env['BENCH_TIME_SCALE'] ?? 0.1);
const ACCOUNTS = 6_000;
const CPS = 20;
const VIRTUAL_SEEDS = [1, 2, 3, 4, 5];

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
const WRAP_MS = SCALED_FLOOR.wrapTime.kind === 'fixed' ? SCALED_FLOOR.wrapTime.ms : 30_000 * TIME_SCALE;

/** An agent who takes every call and wraps up in the scenario's (scaled) wrap time. */
async function agentBot(url: string, index: number): Promise<AgentClient> {
  const socket = await connectAgent(url, `agent${index}@floor.test`);
  socket.on('call.ended', (ended) => {
    setTimeout(
      () =>
        void agentRequest(socket, 'call.wrap-up-finished', {
          callId: ended.callId,
          dispositionCode: FLOOR_DISPOSITION,
        }),
      WRAP_MS,
    );
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
    const floor = await seedFloor(db, { zone, agents: AGENTS, accounts: ACCOUNTS });
    const { id: campaign, admin } = await startFloorCampaign(server.url, floor, 'predictive');
    const start = Date.now();
    for (let i = 1; i <= AGENTS; i++) {
      const socket = await agentBot(server.url, i);
      sockets.push(socket);
      await agentRequest(socket, 'agent.state-requested', { state: 'available' });
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
