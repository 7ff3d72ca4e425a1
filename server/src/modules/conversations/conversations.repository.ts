import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ChatCloseReason,
  ChatQueue,
  ConversationChannel,
  ConversationStatus,
  Direction,
  MessageAuthor,
  MessageMedia,
  MessageStatus,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type {
  ConversationRow,
  MessageRow,
  NewConversation,
  NewMessage,
  WaitingConversation,
} from './conversation-row.type';

type Raw = Record<string, unknown>;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : (v as Date));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const CONVERSATION_SELECT = `
  SELECT c.*, u.full_name AS agent_name, a.account_number, d.full_name AS debtor_name,
         a.balance_minor, a.currency, a.days_past_due
    FROM conversations c
    LEFT JOIN users u ON u.id = c.agent_id
    LEFT JOIN accounts a ON a.id = c.account_id
    LEFT JOIN debtors d ON d.id = a.debtor_id`;

/** The columns a conversation's changes may touch. */
export interface ConversationChanges {
  status?: ConversationStatus;
  queue?: ChatQueue;
  agentId?: string | null;
  teamId?: string | null;
  clientId?: string | null;
  accountId?: string | null;
  debtorId?: string | null;
  contactPointId?: string | null;
  interactionId?: string | null;
  queuedAt?: Date | null;
  assignedAt?: Date | null;
  closedAt?: Date | null;
  closeReason?: ChatCloseReason | null;
  lastMessageAt?: Date;
  lastInboundAt?: Date;
}

const CHANGE_COLUMNS: Record<keyof ConversationChanges, string> = {
  status: 'status',
  queue: 'queue',
  agentId: 'agent_id',
  teamId: 'team_id',
  clientId: 'client_id',
  accountId: 'account_id',
  debtorId: 'debtor_id',
  contactPointId: 'contact_point_id',
  interactionId: 'interaction_id',
  queuedAt: 'queued_at',
  assignedAt: 'assigned_at',
  closedAt: 'closed_at',
  closeReason: 'close_reason',
  lastMessageAt: 'last_message_at',
  lastInboundAt: 'last_inbound_at',
};

function toConversation(r: Raw): ConversationRow {
  return {
    id: String(r['id']),
    channel: r['channel'] as ConversationChannel,
    status: r['status'] as ConversationStatus,
    queue: r['queue'] as ChatQueue,
    address: String(r['address']),
    clientId: text(r['client_id']),
    teamId: text(r['team_id']),
    accountId: text(r['account_id']),
    debtorId: text(r['debtor_id']),
    contactPointId: text(r['contact_point_id']),
    widgetSessionId: text(r['widget_session_id']),
    agentId: text(r['agent_id']),
    agentName: text(r['agent_name']),
    interactionId: text(r['interaction_id']),
    openedAt: r['opened_at'] as Date,
    queuedAt: date(r['queued_at']),
    assignedAt: date(r['assigned_at']),
    closedAt: date(r['closed_at']),
    closeReason: text(r['close_reason']) as ChatCloseReason | null,
    lastMessageAt: date(r['last_message_at']),
    lastInboundAt: date(r['last_inbound_at']),
    accountNumber: text(r['account_number']),
    debtorName: text(r['debtor_name']),
    balanceMinor: num(r['balance_minor']),
    currency: text(r['currency']),
    daysPastDue: num(r['days_past_due']),
  };
}

function toMessage(r: Raw): MessageRow {
  const media = r['media'];
  return {
    id: String(r['id']),
    conversationId: String(r['conversation_id']),
    direction: r['direction'] as Direction,
    author: r['author'] as MessageAuthor,
    agentId: text(r['agent_id']),
    agentName: text(r['agent_name']),
    body: String(r['body']),
    media: (typeof media === 'string' ? JSON.parse(media) : (media ?? [])) as MessageMedia[],
    status: r['status'] as MessageStatus,
    clientRef: text(r['client_ref']),
    createdAt: r['created_at'] as Date,
  };
}

function isDuplicate(error: unknown): boolean {
  return (error as { code?: string }).code === 'ER_DUP_ENTRY';
}

/** Conversations and their messages. */
@Injectable()
export class ConversationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<ConversationRow | null> {
    const rows = (await this.dataSource.query(`${CONVERSATION_SELECT} WHERE c.id = ?`, [id])) as Raw[];
    return rows[0] ? toConversation(rows[0]) : null;
  }

  /** The thread still open with this number on this channel, if any. */
  async openByAddress(channel: ConversationChannel, address: string): Promise<ConversationRow | null> {
    const rows = (await this.dataSource.query(
      `${CONVERSATION_SELECT}
        WHERE c.channel = ? AND c.address = ? AND c.status <> 'closed' ORDER BY c.id DESC LIMIT 1`,
      [channel, address],
    )) as Raw[];
    return rows[0] ? toConversation(rows[0]) : null;
  }

  /** The widget session's latest conversation (`open`: only one not closed). */
  async ofSession(sessionId: string, open: boolean): Promise<ConversationRow | null> {
    const rows = (await this.dataSource.query(
      `${CONVERSATION_SELECT}
        WHERE c.widget_session_id = ? ${open ? "AND c.status <> 'closed'" : ''} ORDER BY c.id DESC LIMIT 1`,
      [sessionId],
    )) as Raw[];
    return rows[0] ? toConversation(rows[0]) : null;
  }

  async assignedTo(agentId: string): Promise<ConversationRow[]> {
    const rows = (await this.dataSource.query(
      `${CONVERSATION_SELECT} WHERE c.agent_id = ? AND c.status = 'assigned' ORDER BY c.assigned_at`,
      [agentId],
    )) as Raw[];
    return rows.map(toConversation);
  }

  async insert(conversation: NewConversation): Promise<string> {
    const result = (await this.dataSource.query(
      `INSERT INTO conversations (channel, status, queue, address, client_id, team_id, account_id, debtor_id,
                                  contact_point_id, widget_session_id, interaction_id, opened_at, queued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        conversation.channel,
        conversation.status,
        conversation.queue,
        conversation.address,
        conversation.clientId,
        conversation.teamId,
        conversation.accountId,
        conversation.debtorId,
        conversation.contactPointId,
        conversation.widgetSessionId,
        conversation.interactionId,
        conversation.at,
        conversation.status === 'queued' ? conversation.at : null,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  /**
   * Applies `changes`, only while the conversation is in one of `from` (when given): the one
   * caller that moved it gets true, so two agents cannot both take it.
   */
  async update(
    id: string,
    changes: ConversationChanges,
    from?: readonly ConversationStatus[],
  ): Promise<boolean> {
    const keys = Object.keys(changes) as (keyof ConversationChanges)[];
    if (keys.length === 0) return true;
    const sets = keys.map((key) => `${CHANGE_COLUMNS[key]} = ?`);
    const params: unknown[] = keys.map((key) => changes[key] ?? null);
    let where = 'id = ?';
    params.push(id);
    if (from) {
      where += ' AND status IN (?)';
      params.push(from);
    }
    const result = (await this.dataSource.query(
      `UPDATE conversations SET ${sets.join(', ')} WHERE ${where}`,
      params,
    )) as { affectedRows: number };
    return result.affectedRows > 0;
  }

  async markFirstResponse(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      'UPDATE conversations SET first_response_at = ? WHERE id = ? AND first_response_at IS NULL',
      [at, id],
    );
  }

  /** The stored message a carrier already delivered under this id. */
  async messageBySid(carrierSid: string): Promise<{ id: string; conversationId: string } | null> {
    const rows = (await this.dataSource.query(
      'SELECT id, conversation_id FROM messages WHERE carrier_sid = ?',
      [carrierSid],
    )) as Raw[];
    const r = rows[0];
    return r ? { id: String(r['id']), conversationId: String(r['conversation_id']) } : null;
  }

  /** Stores a message; null when the carrier's id was stored already (a retried webhook). */
  async insertMessage(message: NewMessage): Promise<string | null> {
    try {
      const result = (await this.dataSource.query(
        `INSERT INTO messages (conversation_id, direction, author, agent_id, body, media, status, carrier_sid,
                               client_ref, template_id, message_campaign_id, created_at, status_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          message.conversationId,
          message.direction,
          message.author,
          message.agentId,
          message.body,
          message.media.length > 0 ? JSON.stringify(message.media) : null,
          message.status,
          message.carrierSid,
          message.clientRef,
          message.templateId,
          message.messageCampaignId,
          message.at,
          message.at,
        ],
      )) as { insertId: number };
      return String(result.insertId);
    } catch (error) {
      if (isDuplicate(error)) return null;
      throw error;
    }
  }

  /** The conversation's last `limit` messages, oldest first. */
  async messages(conversationId: string, limit: number): Promise<MessageRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT m.*, u.full_name AS agent_name FROM messages m LEFT JOIN users u ON u.id = m.agent_id
          WHERE m.conversation_id = ? ORDER BY m.id DESC LIMIT ?) t ORDER BY t.id`,
      [conversationId, limit],
    )) as Raw[];
    return rows.map(toMessage);
  }

  async message(id: string): Promise<MessageRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT m.*, u.full_name AS agent_name FROM messages m LEFT JOIN users u ON u.id = m.agent_id WHERE m.id = ?`,
      [id],
    )) as Raw[];
    return rows[0] ? toMessage(rows[0]) : null;
  }

  /**
   * Moves a message's delivery status forward only (reports arrive out of order and more than
   * once); answers what changed, or null when the report was old news.
   */
  async advanceStatus(
    carrierSid: string,
    status: MessageStatus,
    earlier: readonly MessageStatus[],
    errorCode: string | null,
    at: Date,
  ): Promise<{ id: string; conversationId: string; messageCampaignId: string | null } | null> {
    if (earlier.length === 0) return null;
    const result = (await this.dataSource.query(
      `UPDATE messages SET status = ?, error_code = COALESCE(?, error_code), status_at = ?
        WHERE carrier_sid = ? AND status IN (?)`,
      [status, errorCode, at, carrierSid, earlier],
    )) as { affectedRows: number };
    if (result.affectedRows === 0) return null;
    const rows = (await this.dataSource.query(
      'SELECT id, conversation_id, message_campaign_id FROM messages WHERE carrier_sid = ?',
      [carrierSid],
    )) as Raw[];
    const r = rows[0];
    return r
      ? {
          id: String(r['id']),
          conversationId: String(r['conversation_id']),
          messageCampaignId: text(r['message_campaign_id']),
        }
      : null;
  }

  async countDelivered(messageCampaignId: string): Promise<void> {
    await this.dataSource.query('UPDATE message_campaigns SET delivered = delivered + 1 WHERE id = ?', [
      messageCampaignId,
    ]);
  }

  /** Conversations waiting for an agent (queued, or offered to one who may let the offer lapse). */
  async waiting(limit: number): Promise<WaitingConversation[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, team_id, queue, status FROM conversations
        WHERE status IN ('queued', 'offered') ORDER BY queued_at, id LIMIT ?`,
      [limit],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      teamId: text(r['team_id']),
      queue: r['queue'] as ChatQueue,
      status: r['status'] as ConversationStatus,
    }));
  }

  /** Agents holding conversations, with how many each. */
  async assignedCounts(agentIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (agentIds.length === 0) return counts;
    const rows = (await this.dataSource.query(
      `SELECT agent_id, COUNT(*) AS n FROM conversations WHERE status = 'assigned' AND agent_id IN (?) GROUP BY agent_id`,
      [agentIds],
    )) as Raw[];
    for (const r of rows) counts.set(String(r['agent_id']), Number(r['n']));
    return counts;
  }

  /** Agents whose conversations are assigned while they are logged out for longer than `before`. */
  async assignedAgents(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT agent_id FROM conversations WHERE status = 'assigned' AND agent_id IS NOT NULL`,
    )) as Raw[];
    return rows.map((r) => String(r['agent_id']));
  }

  async conversationIdsOf(agentId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM conversations WHERE status = 'assigned' AND agent_id = ?`,
      [agentId],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }
}
