import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CHAT_QUEUES,
  CONTACT_POINT_TYPES_BY_CHANNEL,
  DEFAULT_CHAT_CAPACITY,
  type ChatCapacityRules,
  type ChatQueue,
  type ChatQueueView,
  type ConsentStatus,
  type ConversationChannel,
  type Direction,
  type MessageChannel,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { ConversationParty } from './conversation-row.type';

type Raw = Record<string, unknown>;

/** What the router needs to know of an agent. */
export interface AgentChatProfile {
  agentId: string;
  teamId: string | null;
  skills: readonly ChatQueue[];
  rules: ChatCapacityRules;
}

/** Service level target: a chat answered within this many seconds of queueing counts as in time. */
const SERVICE_LEVEL_SECONDS = 60;

/**
 * Who a conversation is with and what it is about: numbers matched to accounts, the interaction that
 * stands for the conversation in the account's timeline, agents' chat skills and capacity.
 */
@Injectable()
export class ConversationPartiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The account a number writes about: the debtor whose contact point it is (a valid one first),
   * their open account with the largest balance. Null for an unknown number.
   */
  async byPhone(channel: MessageChannel, phone: string): Promise<ConversationParty | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.id AS account_id, a.debtor_id, a.client_id, a.assigned_team_id, cp.id AS contact_point_id
         FROM contact_points cp
         JOIN accounts a ON a.debtor_id = cp.debtor_id
        WHERE cp.value = ? AND cp.type IN (?)
        ORDER BY cp.valid DESC, a.status = 'closed', a.balance_minor DESC, a.id
        LIMIT 1`,
      [phone, CONTACT_POINT_TYPES_BY_CHANNEL[channel]],
    )) as Raw[];
    return rows[0] ? this.toParty(rows[0]) : null;
  }

  /** The account as a conversation takes it on; the contact point is the debtor's with `phone`, if any. */
  async ofAccount(
    accountId: string,
    channel: ConversationChannel,
    phone: string | null,
  ): Promise<ConversationParty | null> {
    const types = CONTACT_POINT_TYPES_BY_CHANNEL[channel];
    const rows = (await this.dataSource.query(
      `SELECT a.id AS account_id, a.debtor_id, a.client_id, a.assigned_team_id,
              ${types.length > 0 && phone ? '(SELECT MIN(cp.id) FROM contact_points cp WHERE cp.debtor_id = a.debtor_id AND cp.value = ? AND cp.type IN (?))' : 'NULL'} AS contact_point_id
         FROM accounts a WHERE a.id = ?`,
      types.length > 0 && phone ? [phone, types, accountId] : [accountId],
    )) as Raw[];
    return rows[0] ? this.toParty(rows[0]) : null;
  }

  /** Whether the account is the debtor's at that client: a widget session reaches no other. */
  async belongsTo(accountId: string, debtorId: string, clientId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      'SELECT 1 FROM accounts WHERE id = ? AND debtor_id = ? AND client_id = ?',
      [accountId, debtorId, clientId],
    )) as Raw[];
    return rows.length > 0;
  }

  /** The debtor's consent for the channel on that contact point: the channel's own, else the point's. */
  async consentOf(contactPointId: string, channel: MessageChannel): Promise<ConsentStatus> {
    const rows = (await this.dataSource.query(
      `SELECT COALESCE(cc.status, cp.consent) AS consent FROM contact_points cp
         LEFT JOIN contact_point_consents cc ON cc.contact_point_id = cp.id AND cc.channel = ?
        WHERE cp.id = ?`,
      [channel, contactPointId],
    )) as Raw[];
    return (rows[0]?.['consent'] as ConsentStatus | undefined) ?? 'unknown';
  }

  async clientCode(clientId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT code FROM clients WHERE id = ?', [clientId])) as Raw[];
    return rows[0] ? String(rows[0]['code']) : null;
  }

  /**
   * The conversation's entry in the account's timeline: a debtor who writes has been reached by a
   * person (outcome human), as a call answered by one.
   */
  async insertInteraction(
    party: ConversationParty,
    channel: ConversationChannel,
    direction: Direction,
    phone: string | null,
    at: Date,
  ): Promise<string> {
    const result = (await this.dataSource.query(
      `INSERT INTO interactions (account_id, debtor_id, contact_point_id, phone, team_id, channel, direction,
                                 stage, outcome, queued_at, answered_at, talk_seconds, wrap_seconds)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'chat', 'human', ?, ?, 0, 0)`,
      [
        party.accountId,
        party.debtorId,
        party.contactPointId,
        phone,
        party.teamId,
        channel,
        direction,
        at,
        at,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  /** The agent took the conversation: the interaction is theirs, connected now. */
  async connectInteraction(
    interactionId: string,
    agentId: string,
    teamId: string | null,
    at: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE interactions SET agent_id = ?, team_id = COALESCE(?, team_id), connected_at = COALESCE(connected_at, ?)
        WHERE id = ?`,
      [agentId, teamId, at, interactionId],
    );
  }

  /** The conversation closed: its length is the interaction's talk time. */
  async endInteraction(interactionId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE interactions SET ended_at = COALESCE(ended_at, ?), stage = 'ended',
              talk_seconds = GREATEST(0, TIMESTAMPDIFF(SECOND, COALESCE(connected_at, queued_at), ?))
        WHERE id = ?`,
      [at, at, interactionId],
    );
  }

  /** Agents' chat skills and their team's capacity rules. */
  async profiles(agentIds: readonly string[]): Promise<AgentChatProfile[]> {
    if (agentIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.team_id, u.chat_skills, t.chat_max_chats, t.chat_max_chats_for_call
         FROM users u LEFT JOIN teams t ON t.id = u.team_id
        WHERE u.id IN (?) AND u.active = 1 AND u.role = 'agent'`,
      [agentIds],
    )) as Raw[];
    return rows.map((r) => {
      const raw = r['chat_skills'];
      const skills = (typeof raw === 'string' ? JSON.parse(raw) : raw) as ChatQueue[] | null;
      return {
        agentId: String(r['id']),
        teamId: r['team_id'] === null ? null : String(r['team_id']),
        skills: skills ?? CHAT_QUEUES,
        rules: {
          maxChats:
            r['chat_max_chats'] === null ? DEFAULT_CHAT_CAPACITY.maxChats : Number(r['chat_max_chats']),
          maxChatsForCall:
            r['chat_max_chats_for_call'] === null
              ? DEFAULT_CHAT_CAPACITY.maxChatsForCall
              : Number(r['chat_max_chats_for_call']),
        },
      };
    });
  }

  /** Active agents of a team (every team's when null: a conversation nobody could place yet). */
  async agentsOf(teamId: string | null): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM users WHERE role = 'agent' AND active = 1 ${teamId ? 'AND team_id = ?' : ''}`,
      teamId ? [teamId] : [],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  /** Chat queues of the teams (all when 'all'): waiting now, assigned, and today's service level. */
  async queueStats(teams: readonly string[] | 'all', dayStart: Date, now: Date): Promise<ChatQueueView[]> {
    if (teams !== 'all' && teams.length === 0) return [];
    const scope = teams === 'all' ? '' : 'AND (team_id IN (?) OR team_id IS NULL)';
    const rows = (await this.dataSource.query(
      `SELECT team_id, queue,
              SUM(status IN ('queued', 'offered')) AS waiting,
              MIN(CASE WHEN status IN ('queued', 'offered') THEN queued_at END) AS oldest,
              SUM(status = 'assigned') AS assigned,
              SUM(assigned_at >= ? AND queued_at IS NOT NULL) AS answered,
              SUM(assigned_at >= ? AND TIMESTAMPDIFF(SECOND, queued_at, assigned_at) <= ?) AS in_time
         FROM conversations
        WHERE (status IN ('queued', 'offered', 'assigned') OR assigned_at >= ?) ${scope}
        GROUP BY team_id, queue ORDER BY team_id, queue`,
      teams === 'all'
        ? [dayStart, dayStart, SERVICE_LEVEL_SECONDS, dayStart]
        : [dayStart, dayStart, SERVICE_LEVEL_SECONDS, dayStart, teams],
    )) as Raw[];
    return rows.map((r) => {
      const answered = Number(r['answered'] ?? 0);
      const oldest = r['oldest'] as Date | null;
      return {
        queue: r['queue'] as ChatQueue,
        teamId: r['team_id'] === null ? null : String(r['team_id']),
        waiting: Number(r['waiting'] ?? 0),
        longestWaitSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : 0,
        assigned: Number(r['assigned'] ?? 0),
        serviceLevel: answered > 0 ? Number(r['in_time'] ?? 0) / answered : null,
      };
    });
  }

  private toParty(r: Raw): ConversationParty {
    return {
      accountId: String(r['account_id']),
      debtorId: String(r['debtor_id']),
      clientId: String(r['client_id']),
      teamId: r['assigned_team_id'] === null ? null : String(r['assigned_team_id']),
      contactPointId: r['contact_point_id'] === null ? null : String(r['contact_point_id']),
    };
  }
}
