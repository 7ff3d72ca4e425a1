/**
 * The agent side of `npm run bench:realtime`, in a process of its own (forked by realtime.bench.ts):
 * logs N agents in through POST /api/auth/login (a few at a time), opens one real socket.io client per
 * agent on the /agent namespace of its server (agents spread round-robin over the given URLs), asks
 * `available` on each, then records, per agent, how long its `script.pushed` took to arrive
 * (receive time − the push's `pushedAt`, both on this machine's clock).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  AGENT_NAMESPACE,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type AuthTokens,
  type ScriptPushed,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export interface WorkerStart {
  type: 'start';
  /** Server base URLs; agent i connects (and logs in) to urls[i % urls.length]. */
  urls: string[];
  emails: string[];
  password: string;
  loginConcurrency: number;
  connectConcurrency: number;
}
export interface WorkerCollect {
  type: 'collect';
  /** Wait at most this long (from this message) for every agent's push. */
  timeoutMs: number;
}
export interface WorkerClose {
  type: 'close';
}
export type ToWorker = WorkerStart | WorkerCollect | WorkerClose;

export interface WorkerReady {
  type: 'ready';
  agents: number;
  /** Agents whose socket got its snapshot and whose `available` request was acknowledged ok. */
  available: number;
  loginSeconds: number;
  connectSeconds: number;
  problems: string[];
}
export interface WorkerResult {
  type: 'result';
  /** One entry per agent that got a script, in arrival order. */
  latenciesMs: number[];
  callsConnected: number;
  /** Pushes beyond the first one an agent got (each agent should get exactly one). */
  extraPushes: number;
  disconnects: number;
  /** Epoch ms of the first and the last push received. */
  firstPushAt: number | null;
  lastPushAt: number | null;
  /** This client process over the measured phase: its own event-loop delay and CPU (% of one core). */
  clientLoopDelayP99Ms: number;
  clientCpuPercent: number;
}
export interface WorkerFailed {
  type: 'failed';
  message: string;
}
export type FromWorker = WorkerReady | WorkerResult | WorkerFailed;

const sockets: AgentSocket[] = [];
const pushed = new Set<number>();
const latencies: number[] = [];
let callsConnected = 0;
let extraPushes = 0;
let disconnects = 0;
let firstPushAt: number | null = null;
let lastPushAt: number | null = null;
let onPush: (() => void) | null = null;

function send(message: FromWorker): void {
  process.send?.(message);
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function login(url: string, email: string, password: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) return ((await response.json()) as AuthTokens).accessToken;
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** Connects one agent, waits for its snapshot and asks `available`; resolves with the ack. */
function connect(url: string, token: string, index: number): Promise<AckResult> {
  const socket: AgentSocket = io(`${url}${AGENT_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    timeout: 60_000,
  });
  sockets.push(socket);
  socket.on('call.connected', () => callsConnected++);
  socket.on('script.pushed', (push: ScriptPushed) => {
    const now = Date.now();
    if (pushed.has(index)) {
      extraPushes++;
      return;
    }
    pushed.add(index);
    latencies.push(now - Date.parse(push.pushedAt));
    firstPushAt ??= now;
    lastPushAt = now;
    onPush?.();
  });
  socket.on('disconnect', () => disconnects++);
  return new Promise<AckResult>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('agent.snapshot', () => {
      (socket.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(
        'agent.state-requested',
        { state: 'available' },
        resolve,
      );
    });
  });
}

async function start(message: WorkerStart): Promise<void> {
  const { urls, emails, password } = message;
  const problems: string[] = [];
  const loginStart = Date.now();
  const tokens = await pool(emails, message.loginConcurrency, (email, i) =>
    login(urls[i % urls.length], email, password),
  );
  const connectStart = Date.now();
  const acks = await pool(tokens, message.connectConcurrency, (token, i) =>
    connect(urls[i % urls.length], token, i).catch((error: unknown) => {
      if (problems.length < 10) problems.push(`agent ${i + 1}: ${String(error)}`);
      return null;
    }),
  );
  const available = acks.filter((ack) => ack?.ok).length;
  for (const ack of acks)
    if (ack && !ack.ok && problems.length < 10) problems.push(`available refused: ${ack.message}`);
  send({
    type: 'ready',
    agents: emails.length,
    available,
    loginSeconds: (connectStart - loginStart) / 1000,
    connectSeconds: (Date.now() - connectStart) / 1000,
    problems,
  });
}

async function collect(message: WorkerCollect): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuStart = process.cpuUsage();
  const wallStart = Date.now();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, message.timeoutMs);
    onPush = () => {
      if (pushed.size < sockets.length) return;
      clearTimeout(timer);
      resolve();
    };
    onPush();
  });
  onPush = null;
  loop.disable();
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = Math.max(1, Date.now() - wallStart);
  send({
    type: 'result',
    latenciesMs: latencies,
    callsConnected,
    extraPushes,
    disconnects,
    firstPushAt,
    lastPushAt,
    clientLoopDelayP99Ms: loop.percentile(99) / 1e6,
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
  });
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    switch (message.type) {
      case 'start':
        return start(message);
      case 'collect':
        return collect(message);
      case 'close':
        for (const socket of sockets) socket.disconnect();
        setTimeout(() => process.exit(0), 200);
        return;
    }
  };
  run().catch((error: unknown) => {
    send({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  });
});
