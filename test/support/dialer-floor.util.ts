import {
  AGENT_NAMESPACE,
  DEFAULT_COMPLIANCE_PROFILES,
  evaluateAttempt,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
} from '@recupera/shared';
import { hash } from 'argon2';
import type * as mysql2 from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { apiCall } from './server-process.util';

export type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export const FLOOR_PASSWORD = 'floor-password-2026';
/** The disposition the floor's agents give every call. */
export const FLOOR_DISPOSITION = 'TITULAR';

/**
 * An Etc/GMT zone where it is early afternoon now, inside Mexico's 07:00–22:00 window: the gate
 * runs on the real clock, so a floor that must dial puts its debtors where they may be called.
 */
export function afternoonZone(now: Date): string {
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

export interface SeededFloor {
  portfolio: string;
  team: string;
  dispositionSet: string;
}

/** A Mexican client, one team with `agents` agents (agent1@floor.test…), an admin and `accounts` accounts. */
export async function seedFloor(
  db: mysql2.Connection,
  options: { zone: string; agents: number; accounts: number },
): Promise<SeededFloor> {
  const insert = async (sql: string, params: unknown[] = []) =>
    String(((await db.query(sql, params))[0] as { insertId: number }).insertId);
  const client = await insert(
    "INSERT INTO clients (code, name, country, currency) VALUES ('FLOOR', 'Banco Piso', 'MX', 'MXN')",
  );
  const portfolio = await insert(
    "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Piso', 'temprana', 'banking', 'MXN', 'MX')",
    [client],
  );
  const passwordHash = await hash(FLOOR_PASSWORD);
  const user = (email: string, role: string, team: string | null) =>
    insert('INSERT INTO users (email, full_name, password_hash, role, team_id) VALUES (?, ?, ?, ?, ?)', [
      email,
      email.split('@')[0],
      passwordHash,
      role,
      team,
    ]);
  const supervisor = await user('sup@floor.test', 'supervisor', null);
  const team = await insert("INSERT INTO teams (name, supervisor_id) VALUES ('Piso', ?)", [supervisor]);
  await user('admin@floor.test', 'admin', null);
  for (let i = 1; i <= options.agents; i++) await user(`agent${i}@floor.test`, 'agent', team);
  const dispositionSet = await insert("INSERT INTO disposition_sets (name) VALUES ('Piso')");
  await db.query(
    `INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise)
     VALUES (?, ?, 'Contacto con el titular', 'Right-party contact', 'rpc', 1, 1, 0)`,
    [dispositionSet, FLOOR_DISPOSITION],
  );
  for (let start = 1; start <= options.accounts; start += 1_000) {
    const chunk = Array.from({ length: Math.min(1_000, options.accounts - start + 1) }, (_, i) => start + i);
    const [result] = await db.query(
      'INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES ?',
      [chunk.map((n) => [client, `D${n}`, `Deudor ${n}`, options.zone, 'MX'])],
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
          `P${n}`,
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
  return { portfolio, team, dispositionSet };
}

export async function floorLogin(url: string, email: string): Promise<string> {
  const { status, body } = await apiCall<{ accessToken: string }>(url, 'POST', '/auth/login', undefined, {
    email,
    password: FLOOR_PASSWORD,
  });
  if (status !== 200) throw new Error(`login ${email}: ${status}`);
  return body.accessToken;
}

/** Creates and starts a campaign that dials every day, all day (the gate still applies each debtor's window). */
export async function startFloorCampaign(
  url: string,
  floor: SeededFloor,
  dialMode: 'predictive' | 'progressive',
): Promise<{ id: string; admin: string }> {
  const admin = await floorLogin(url, 'admin@floor.test');
  const created = await apiCall<{ id: string }>(url, 'POST', '/campaigns', admin, {
    name: `Piso ${dialMode}`,
    portfolioId: floor.portfolio,
    dialMode,
    teamIds: [floor.team],
    dispositionSetId: floor.dispositionSet,
    abandonMessage: 'Le llamamos de Banco Piso; le devolveremos la llamada.',
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '23:59' },
  });
  if (created.status !== 201) throw new Error(`campaign: ${created.status} ${JSON.stringify(created.body)}`);
  const started = await apiCall(url, 'POST', `/campaigns/${created.body.id}/start`, admin);
  if (started.status !== 200) throw new Error(`start: ${started.status}`);
  return { id: created.body.id, admin };
}

export function agentRequest(
  socket: AgentClient,
  event: keyof AgentClientToServerEvents,
  payload: unknown,
): Promise<AckResult> {
  return new Promise((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(event, payload, resolve),
  );
}

export async function connectAgent(url: string, email: string): Promise<AgentClient> {
  const token = await floorLogin(url, email);
  const socket: AgentClient = io(`${url}${AGENT_NAMESPACE}`, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('agent.snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
