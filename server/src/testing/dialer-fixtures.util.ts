import {
  AGENT_NAMESPACE,
  SUPERVISOR_NAMESPACE,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type CreateCampaignRequest,
  type SupervisorClientToServerEvents,
  type SupervisorServerToClientEvents,
} from '@recupera/shared';
import type * as mysql2 from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { api, insertUser, login, type TestApp } from './test-app.util';

export type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
export type SupervisorClient = Socket<SupervisorServerToClientEvents, SupervisorClientToServerEvents>;

/** Wednesday 2 December 2026, 15:00 UTC: 10:00 in Bogotá (inside CO's window), midnight in Tokyo. */
export const WEDNESDAY_MORNING_IN_BOGOTA = new Date('2026-12-02T15:00:00Z');

/** Everyone answers quickly and talks briefly: a floor a test can watch call by call. */
export const EVERYONE_ANSWERS = {
  outcomes: { human: 1, machine: 0, busy: 0, noAnswer: 0, failed: 0 },
  answerTime: { kind: 'fixed' as const, ms: 300 },
  ringNoAnswerMs: 500,
  talkTime: { kind: 'fixed' as const, ms: 1_200 },
  busyAfterMs: 200,
  failedAfterMs: 200,
  messageMs: 300,
};

export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function emitWithAck<E extends keyof AgentClientToServerEvents>(
  socket: AgentClient,
  event: E,
  payload: Parameters<AgentClientToServerEvents[E]>[0],
): Promise<AckResult> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(event, payload, resolve);
  });
}

/**
 * A client (Banco Andino, CO), two portfolios and two teams under one supervisor, an admin, one
 * agent per team and a disposition set; accounts are added with `account()`.
 */
export class DialerFixtures {
  readonly ids: Record<string, string> = {};
  private readonly sockets: (AgentClient | SupervisorClient)[] = [];

  constructor(private readonly t: TestApp) {}

  private get db(): mysql2.Connection {
    return this.t.db;
  }

  async insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await this.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async seed(): Promise<void> {
    const ids = this.ids;
    ids['client'] = await this.insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BCO', 'Banco Andino', 'CO', 'COP')",
    );
    for (const p of ['p1', 'p2'])
      ids[p] = await this.insertId(
        "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, ?, 'temprana', 'banking', 'COP', 'CO')",
        [ids['client'], `Tarjetas ${p}`],
      );
    ids['sup'] = await insertUser(this.db, { email: 'sup@dialer.test', role: 'supervisor' });
    for (const team of ['teamA', 'teamB'])
      ids[team] = await this.insertId('INSERT INTO teams (name, supervisor_id) VALUES (?, ?)', [
        team,
        ids['sup'],
      ]);
    await insertUser(this.db, { email: 'admin@dialer.test', role: 'admin' });
    ids['agentA'] = await insertUser(this.db, {
      email: 'a@dialer.test',
      role: 'agent',
      teamId: ids['teamA'],
    });
    ids['agentB'] = await insertUser(this.db, {
      email: 'b@dialer.test',
      role: 'agent',
      teamId: ids['teamB'],
    });
    ids['set'] = await this.insertId("INSERT INTO disposition_sets (name) VALUES ('Cobranza')");
    await this.db.query(
      `INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES
       (?, 'TITULAR', 'Contacto con el titular', 'Right-party contact', 'rpc', 1, 1, 0),
       (?, 'PROMESA', 'Promesa de pago', 'Promise to pay', 'promise', 1, 1, 1),
       (?, 'VOLVER', 'Volver a llamar', 'Call back', 'callback', 1, 1, 0)`,
      [ids['set'], ids['set'], ids['set']],
    );
  }

  async account(number: string, portfolio: string, team: string, zone: string, phone: string): Promise<void> {
    const debtor = await this.insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'CO')",
      [this.ids['client'], number, `Deudor ${number}`, zone],
    );
    await this.db.query(
      "INSERT INTO contact_points (debtor_id, type, value, consent) VALUES (?, 'mobile', ?, 'granted')",
      [debtor, phone],
    );
    this.ids[number] = await this.insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', 500000, 500000, 45, '31-60', 'active', ?)`,
      [this.ids['client'], portfolio, debtor, number, team],
    );
  }

  async connectAgent(email: string): Promise<AgentClient> {
    const token = await login(this.t.url, email);
    const socket: AgentClient = io(`${this.t.url}${AGENT_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
    });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('agent.snapshot', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** The /supervisor socket of a supervisor (or manager, admin), connected. */
  async connectSupervisor(email: string): Promise<SupervisorClient> {
    const token = await login(this.t.url, email);
    const socket: SupervisorClient = io(`${this.t.url}${SUPERVISOR_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
    });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** A progressive 1:1 campaign on weekdays 08:00–19:00 (or as `settings` say), started. */
  async startCampaign(
    name: string,
    portfolio: string,
    team: string,
    settings: Partial<CreateCampaignRequest> = {},
  ): Promise<string> {
    const token = await login(this.t.url, 'admin@dialer.test');
    const created = await api<{ id: string }>(this.t.url, 'POST', '/campaigns', {
      token,
      body: {
        name,
        portfolioId: portfolio,
        dialMode: 'progressive',
        linesPerAgent: 1,
        teamIds: [team],
        dispositionSetId: this.ids['set'],
        abandonMessage:
          'Le llamamos de Recupera por su obligación con Banco Andino; le devolveremos la llamada.',
        schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '19:00' },
        ...settings,
      },
    });
    if (created.status !== 201) throw new Error(`campaign not created: ${created.status}`);
    const started = await api(this.t.url, 'POST', `/campaigns/${created.body.id}/start`, { token });
    if (started.status !== 200) throw new Error(`campaign not started: ${started.status}`);
    return created.body.id;
  }

  /** Sockets first, then a moment for their disconnects to land before the app closes. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
