/**
 * npm run bench:chat — how fast a debtor's chat message reaches the agent's screen. The built server
 * runs on a fresh database with 100 agents (one team, room for 10 chats each) and 1,000 debtors,
 * each with a verified widget session. 100 agent sockets log in and go available, accepting every
 * chat offered; 1,000 widget sockets connect and ask for an agent; once every chat is taken, each
 * debtor writes BENCH_CHAT_MESSAGES messages (default 10), a few seconds apart as a person types.
 * Latency = the agent's receive time − the widget's send time (same process, same clock). Prints
 * p50/p95/p99 and writes test/bench/results/chat.json (`{ sessions, agents, p50Ms, p99Ms, … }`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  AGENT_NAMESPACE,
  WIDGET_NAMESPACE,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '@recupera/shared';
import { argon2id, hash } from 'argon2';
import * as mysql2 from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { REPO_ROOT, apiCall } from '../support/server-process.util';
import { ROOT_URL, connectionOptions, runCli, startBenchServer } from './bench-support.util';

const SESSIONS = Number(process.env['BENCH_CHAT_SESSIONS'] ?? 1_000);
const AGENTS = Number(process.env['BENCH_CHAT_AGENTS'] ?? 100);
const MESSAGES = Number(process.env['BENCH_CHAT_MESSAGES'] ?? 10);
/** A person types a line in a few seconds: each debtor waits this long (ms, uniform) between lines. */
const THINK_MS: readonly [number, number] = [2_000, 6_000];
const DATABASE = 'recupera_bench_chat';
const PASSWORD = 'bench chat password';
const GOAL_P99_MS = 150;

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

function cli(args: string[]): Promise<string> {
  return runCli(args, {
    DATABASE_URL: `${ROOT_URL}/${DATABASE}`,
    QUEUE_PREFIX: 'bench-chat-cli',
    NODE_ENV: 'development',
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function insertId(db: mysql2.Connection, sql: string, params: unknown[]): Promise<number> {
  const [result] = await db.query(sql, params);
  return (result as { insertId: number }).insertId;
}

/** The floor and the debtors, straight into the database: widget sessions already verified. */
async function seed(
  db: mysql2.Connection,
): Promise<{ agentEmails: string[]; sessions: { token: string; accountId: string }[] }> {
  const client = await insertId(
    db,
    "INSERT INTO clients (code, name, country, currency) VALUES ('BCHAT', 'Banco Charla', 'CO', 'COP')",
    [],
  );
  const portfolio = await insertId(
    db,
    "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Tarjetas', 'temprana', 'banking', 'COP', 'CO')",
    [client],
  );
  const team = await insertId(
    db,
    'INSERT INTO teams (name, chat_max_chats, chat_max_chats_for_call) VALUES (?, ?, 1)',
    ['Chat', Math.ceil(SESSIONS / AGENTS)],
  );
  await db.query("INSERT INTO disposition_sets (name) VALUES ('Cobranza')");
  const passwordHash = await hash(PASSWORD, { type: argon2id });
  const agentEmails: string[] = [];
  const users: unknown[][] = [];
  for (let i = 1; i <= AGENTS; i++) {
    const email = `agente${i}@bench-chat.test`;
    agentEmails.push(email);
    users.push([email, `Agente ${i}`, passwordHash, 'agent', team]);
  }
  await db.query('INSERT INTO users (email, full_name, password_hash, role, team_id) VALUES ?', [users]);
  const sessions: { token: string; accountId: string }[] = [];
  const expires = new Date(Date.now() + 4 * 3_600_000);
  for (let i = 1; i <= SESSIONS; i++) {
    const debtor = await insertId(
      db,
      "INSERT INTO debtors (client_id, debtor_key, full_name, national_id, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'America/Bogota', 'CO')",
      [client, `D-${i}`, `Deudor ${i}`, String(10_000_000 + i)],
    );
    const account = await insertId(
      db,
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', 500000, 500000, 45, '31-60', 'active', ?)`,
      [client, portfolio, debtor, `CH-${i}`, team],
    );
    const token = randomBytes(32).toString('hex');
    await db.query(
      `INSERT INTO widget_sessions (client_id, debtor_id, account_id, challenge_id, code_hash, code_expires_at,
         sent_to, token_hash, verified_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, '+57 300 *** 0000', ?, NOW(3), ?)`,
      [
        client,
        debtor,
        account,
        randomBytes(16).toString('hex'),
        createHash('sha256').update('unused').digest('hex'),
        expires,
        createHash('sha256').update(token).digest('hex'),
        expires,
      ],
    );
    sessions.push({ token, accountId: String(account) });
  }
  return { agentEmails, sessions };
}

function connected<S extends Socket>(socket: S, first: string): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once(first as never, () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function main(): Promise<void> {
  const root = await mysql2.createConnection(connectionOptions());
  await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await root.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const agents: AgentSocket[] = [];
  const widgets: WidgetSocket[] = [];
  try {
    await cli(['migrate']);
    const db = await mysql2.createConnection(connectionOptions(DATABASE));
    const { agentEmails, sessions } = await seed(db).finally(() => db.end());
    console.log(`seeded ${AGENTS} agents and ${SESSIONS} verified widget sessions`);
    const app = await startBenchServer('bench-chat', {
      DATABASE_URL: `${ROOT_URL}/${DATABASE}`,
      CHAT_OFFER_SECONDS: '30',
      WIDGET_ALLOWED_ORIGINS: '*',
    });
    const loadBefore = loadavg()[0]!;
    try {
      const sentAt = new Map<string, number>();
      const latencies: number[] = [];
      let assigned = 0;
      for (const email of agentEmails) {
        const login = await apiCall<{ accessToken: string }>(app.url, 'POST', '/auth/login', undefined, {
          email,
          password: PASSWORD,
        });
        const socket: AgentSocket = io(`${app.url}${AGENT_NAMESPACE}`, {
          auth: { token: login.body.accessToken },
          transports: ['websocket'],
        });
        socket.on('chat.offered', (offer) => {
          socket.emit('chat.accept-requested', { conversationId: offer.conversationId }, () => undefined);
        });
        socket.on('chat.assigned', () => assigned++);
        socket.on('chat.message', (message) => {
          const at = message.clientRef ? sentAt.get(message.clientRef) : undefined;
          if (at === undefined) return;
          latencies.push(performance.now() - at);
          sentAt.delete(message.clientRef!);
        });
        agents.push(await connected(socket, 'agent.snapshot'));
        await new Promise<void>((resolve) =>
          socket.emit('agent.state-requested', { state: 'available' }, () => resolve()),
        );
      }
      console.log(`${AGENTS} agents available`);
      for (const session of sessions) {
        const socket: WidgetSocket = io(`${app.url}${WIDGET_NAMESPACE}`, {
          auth: { token: session.token },
          transports: ['websocket'],
        });
        widgets.push(await connected(socket, 'widget.snapshot'));
        const ack = await socket.emitWithAck('widget.chat-requested', {
          accountId: session.accountId,
          queue: 'cobranza',
        });
        if (!ack.ok) throw new Error(`chat refused: ${ack.message}`);
      }
      console.log(`${SESSIONS} widget sessions asked for an agent; waiting for every chat to be taken…`);
      const routedFrom = Date.now();
      while (assigned < SESSIONS) {
        if (Date.now() - routedFrom > 180_000)
          throw new Error(`only ${assigned} of ${SESSIONS} chats were taken`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const routingSeconds = (Date.now() - routedFrom) / 1000;
      console.log(`all ${SESSIONS} chats taken in ${routingSeconds.toFixed(1)} s; debtors start writing`);

      const measuredFrom = Date.now();
      let failures = 0;
      await Promise.all(
        widgets.map(async (socket, w) => {
          for (let m = 0; m < MESSAGES; m++) {
            await new Promise((r) =>
              setTimeout(r, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])),
            );
            const clientRef = `${w}-${m}`;
            sentAt.set(clientRef, performance.now());
            const ack = await socket.emitWithAck('widget.send-requested', {
              body: `Mensaje ${m + 1} del deudor ${w + 1}`,
              clientRef,
            });
            if (!ack.ok) failures++;
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 2_000));
      const seconds = (Date.now() - measuredFrom) / 1000;
      const sorted = [...latencies].sort((a, b) => a - b);
      const sent = SESSIONS * MESSAGES;
      const result = {
        sessions: SESSIONS,
        agents: AGENTS,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        p99Ms: round(percentile(sorted, 99)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
        messagesSent: sent,
        messagesDelivered: latencies.length,
        sendFailures: failures,
        messagesPerSecond: Math.round(sent / seconds),
        routingSeconds: Math.round(routingSeconds * 10) / 10,
        goalP99Ms: GOAL_P99_MS,
        machine: {
          cores: cpus().length,
          memoryGb: Math.round(totalmem() / 2 ** 30),
          node: process.version,
          loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0]! * 100) / 100],
        },
        at: new Date().toISOString(),
      };
      console.table([
        {
          p50Ms: result.p50Ms,
          p95Ms: result.p95Ms,
          p99Ms: result.p99Ms,
          maxMs: result.maxMs,
          delivered: `${latencies.length}/${sent}`,
        },
      ]);
      console.log(
        `p99 ${result.p99Ms} ms against a goal of ${GOAL_P99_MS} ms: ${result.p99Ms <= GOAL_P99_MS ? 'met' : 'NOT met'}`,
      );
      const dir = join(REPO_ROOT, 'test/bench/results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'chat.json'), `${JSON.stringify(result, null, 2)}\n`);
      console.log('wrote test/bench/results/chat.json');
    } finally {
      for (const socket of [...agents, ...widgets]) socket.disconnect();
      await app.stop();
    }
  } finally {
    await root.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await root.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
