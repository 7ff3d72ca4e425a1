import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dueDateWindow,
  type IsoDate,
  type MessageAudience,
  type MessageCampaignSendView,
  type MessageCampaignStatus,
  type MessageCampaignView,
  type MessageChannel,
  type MessageSendOutcome,
  type Money,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { PageWindow } from '../../common/http/page.util';
import { json, toMessageCampaignSendView, toMessageCampaignView } from './message-campaign.mapper';

type Raw = Record<string, unknown>;

/**
 * Whose message campaigns a caller reaches (CONVENTIONS.md rule 5): managers and admins every one; a
 * supervisor those on portfolios holding accounts of their teams, and of a campaign's sends only
 * those to their teams' accounts.
 */
export type MessageCampaignScope = { kind: 'all' } | { kind: 'teams'; teamIds: string[] };

/** A campaign as its run reads it. */
export interface RunnableCampaign {
  id: string;
  status: MessageCampaignStatus;
  templateId: string;
  channel: MessageChannel;
  portfolioId: string;
  audience: MessageAudience;
  /** Null: every account of the portfolio. */
  teamIds: string[] | null;
}

/** An account of the audience, with what its message may need to say. */
export interface RecipientRow {
  accountId: string;
  debtorId: string;
  timeZone: string;
  /** The due date the audience counts days to (the account's or the installment's). */
  targetDate: IsoDate | null;
  installment: { number: number; amount: Money; dueDate: IsoDate } | null;
}

/** What a recipient came to. `sending` is the claim held while the carrier is asked. */
export interface SendSettlement {
  contactPointId: string | null;
  address: string | null;
  outcome: MessageSendOutcome;
  reason: string | null;
  messageId: string | null;
}

const VIEW = `SELECT mc.id, mc.name, mc.template_id, t.name AS template_name, mc.channel, mc.portfolio_id, mc.audience,
                     mc.status, mc.selected, mc.sent, mc.blocked, mc.failed, mc.delivered, mc.created_at,
                     mc.started_at, mc.finished_at
                FROM message_campaigns mc JOIN message_templates t ON t.id = mc.template_id`;

/** Accounts a message may still be about: not paid, written off or closed. */
const OPEN_ACCOUNT = "a.status IN ('active', 'in_agreement', 'legal') AND a.balance_minor > 0";

function scopeClause(scope: MessageCampaignScope): { sql: string; params: unknown[] } {
  if (scope.kind === 'all') return { sql: '', params: [] };
  if (scope.teamIds.length === 0) return { sql: ' AND FALSE', params: [] };
  return {
    sql: ' AND EXISTS (SELECT 1 FROM accounts sa WHERE sa.portfolio_id = mc.portfolio_id AND sa.assigned_team_id IN (?))',
    params: [scope.teamIds],
  };
}

@Injectable()
export class MessageCampaignsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(scope: MessageCampaignScope): Promise<MessageCampaignView[]> {
    const where = scopeClause(scope);
    const rows = (await this.dataSource.query(
      `${VIEW} WHERE TRUE${where.sql} ORDER BY mc.id DESC`,
      where.params,
    )) as Raw[];
    return rows.map(toMessageCampaignView);
  }

  async findInScope(scope: MessageCampaignScope, id: string): Promise<MessageCampaignView | null> {
    const where = scopeClause(scope);
    const rows = (await this.dataSource.query(`${VIEW} WHERE mc.id = ?${where.sql}`, [
      id,
      ...where.params,
    ])) as Raw[];
    return rows[0] ? toMessageCampaignView(rows[0]) : null;
  }

  async portfolioClient(portfolioId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT client_id FROM portfolios WHERE id = ?', [
      portfolioId,
    ])) as Raw[];
    return rows[0] ? String(rows[0]['client_id']) : null;
  }

  /** Whether any of `teamIds` holds an account of the portfolio. */
  async portfolioHasTeamAccounts(portfolioId: string, teamIds: readonly string[]): Promise<boolean> {
    if (teamIds.length === 0) return false;
    const rows = (await this.dataSource.query(
      'SELECT 1 FROM accounts WHERE portfolio_id = ? AND assigned_team_id IN (?) LIMIT 1',
      [portfolioId, teamIds],
    )) as Raw[];
    return rows.length > 0;
  }

  async insert(campaign: {
    name: string;
    templateId: string;
    channel: MessageChannel;
    portfolioId: string;
    audience: MessageAudience;
    teamIds: string[] | null;
    createdBy: string;
  }): Promise<string> {
    const result = (await this.dataSource.query(
      `INSERT INTO message_campaigns (name, template_id, channel, portfolio_id, audience, team_ids, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        campaign.name,
        campaign.templateId,
        campaign.channel,
        campaign.portfolioId,
        JSON.stringify(campaign.audience),
        campaign.teamIds === null ? null : JSON.stringify(campaign.teamIds),
        campaign.createdBy,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  /** draft → running; false when it was not a draft (started twice, cancelled). */
  async start(id: string, at: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      "UPDATE message_campaigns SET status = 'running', started_at = ? WHERE id = ? AND status = 'draft'",
      [at, id],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** draft or running → canceled: a run stops before its next recipients. */
  async cancel(id: string, at: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      "UPDATE message_campaigns SET status = 'canceled', finished_at = ? WHERE id = ? AND status IN ('draft', 'running')",
      [at, id],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async finish(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      "UPDATE message_campaigns SET status = 'done', finished_at = ? WHERE id = ? AND status = 'running'",
      [at, id],
    );
  }

  async runnable(id: string): Promise<RunnableCampaign | null> {
    const rows = (await this.dataSource.query(
      'SELECT id, status, template_id, channel, portfolio_id, audience, team_ids FROM message_campaigns WHERE id = ?',
      [id],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: String(r['id']),
      status: r['status'] as MessageCampaignStatus,
      templateId: String(r['template_id']),
      channel: r['channel'] as MessageChannel,
      portfolioId: String(r['portfolio_id']),
      audience: json<MessageAudience>(r['audience']),
      teamIds: r['team_ids'] === null ? null : json<(string | number)[]>(r['team_ids']).map(String),
    };
  }

  async status(id: string): Promise<MessageCampaignStatus | null> {
    const rows = (await this.dataSource.query('SELECT status FROM message_campaigns WHERE id = ?', [
      id,
    ])) as Raw[];
    return rows[0] ? (rows[0]['status'] as MessageCampaignStatus) : null;
  }

  async runningIds(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      "SELECT id FROM message_campaigns WHERE status = 'running' ORDER BY id",
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  /**
   * The next accounts of the audience after `afterId` that the campaign has not written to (nor been
   * refused for): a rerun resumes where the last one stopped. Days are read a day either side, and
   * the run keeps those due on the debtor's own calendar.
   */
  async recipients(c: RunnableCampaign, afterId: string, limit: number, now: Date): Promise<RecipientRow[]> {
    const audience = c.audience;
    let select = '';
    let join = '';
    const joinParams: unknown[] = [];
    let where = '';
    const whereParams: unknown[] = [];
    switch (audience.kind) {
      case 'due_in_days': {
        const window = dueDateWindow(audience.days, now);
        select = ", DATE_FORMAT(a.due_date, '%Y-%m-%d') AS target_date";
        where = ' AND a.due_date BETWEEN ? AND ?';
        whereParams.push(window.from, window.to);
        break;
      }
      case 'installment_due_in_days': {
        const window = dueDateWindow(audience.days, now);
        select = `, DATE_FORMAT(n.due_date, '%Y-%m-%d') AS target_date, n.seq, n.amount_minor - n.paid_minor AS owed_minor`;
        join = `JOIN installments n ON n.id = (
                  SELECT n2.id FROM installments n2 JOIN agreements g ON g.id = n2.agreement_id
                   WHERE g.account_id = a.id AND g.status = 'active' AND n2.status IN ('pending', 'partial')
                     AND n2.due_date BETWEEN ? AND ?
                   ORDER BY n2.due_date, n2.id LIMIT 1)`;
        joinParams.push(window.from, window.to);
        break;
      }
      case 'broken_agreements':
        where = ` AND EXISTS (SELECT 1 FROM agreements g WHERE g.account_id = a.id AND g.status = 'broken')
                  AND NOT EXISTS (SELECT 1 FROM agreements g WHERE g.account_id = a.id AND g.status IN ('active', 'pending_approval'))`;
        break;
      case 'past_due':
        where = ' AND a.days_past_due >= ?';
        whereParams.push(audience.minDaysPastDue);
        if (audience.maxDaysPastDue !== undefined) {
          where += ' AND a.days_past_due <= ?';
          whereParams.push(audience.maxDaysPastDue);
        }
        break;
    }
    const teams =
      c.teamIds === null ? '' : c.teamIds.length === 0 ? ' AND FALSE' : ' AND a.assigned_team_id IN (?)';
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.debtor_id, a.currency, d.time_zone${select}
         FROM accounts a JOIN debtors d ON d.id = a.debtor_id ${join}
        WHERE a.portfolio_id = ? AND a.id > ? AND ${OPEN_ACCOUNT}${teams}${where}
          AND NOT EXISTS (SELECT 1 FROM message_campaign_sends s WHERE s.campaign_id = ? AND s.account_id = a.id)
        ORDER BY a.id LIMIT ?`,
      [
        ...joinParams,
        c.portfolioId,
        afterId,
        ...(c.teamIds && c.teamIds.length > 0 ? [c.teamIds] : []),
        ...whereParams,
        c.id,
        limit,
      ],
    )) as Raw[];
    return rows.map((r) => ({
      accountId: String(r['id']),
      debtorId: String(r['debtor_id']),
      timeZone: String(r['time_zone']),
      targetDate:
        r['target_date'] === undefined || r['target_date'] === null ? null : String(r['target_date']),
      installment:
        r['seq'] === undefined
          ? null
          : {
              number: Number(r['seq']),
              amount: { amountMinor: Number(r['owed_minor']), currency: String(r['currency']) },
              dueDate: String(r['target_date']),
            },
    }));
  }

  /** Takes the account for this campaign; false when a run (this or another) already did. */
  async claim(campaignId: string, accountId: string, at: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      `INSERT IGNORE INTO message_campaign_sends (campaign_id, account_id, outcome, at) VALUES (?, ?, 'sending', ?)`,
      [campaignId, accountId, at],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async settle(campaignId: string, accountId: string, settlement: SendSettlement, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE message_campaign_sends SET contact_point_id = ?, address = ?, outcome = ?, reason = ?, message_id = ?, at = ?
        WHERE campaign_id = ? AND account_id = ?`,
      [
        settlement.contactPointId,
        settlement.address,
        settlement.outcome,
        settlement.reason?.slice(0, 40) ?? null,
        settlement.messageId,
        at,
        campaignId,
        accountId,
      ],
    );
  }

  /** Claims a stopped process left behind: never resent (a debtor may have it), counted as failed. */
  async interruptStale(campaignId: string, before: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE message_campaign_sends SET outcome = 'failed', reason = 'interrupted'
        WHERE campaign_id = ? AND outcome = 'sending' AND at < ?`,
      [campaignId, before],
    );
  }

  /** The counts read back from the sends, so a rerun can never count twice. */
  async refreshCounts(campaignId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE message_campaigns mc
          JOIN (SELECT COUNT(*) AS selected, COALESCE(SUM(outcome = 'sent'), 0) AS sent,
                       COALESCE(SUM(outcome = 'blocked'), 0) AS blocked, COALESCE(SUM(outcome = 'failed'), 0) AS failed
                  FROM message_campaign_sends WHERE campaign_id = ?) s
          SET mc.selected = s.selected, mc.sent = s.sent, mc.blocked = s.blocked, mc.failed = s.failed
        WHERE mc.id = ?`,
      [campaignId, campaignId],
    );
  }

  async sends(
    scope: MessageCampaignScope,
    campaignId: string,
    outcome: MessageSendOutcome | undefined,
    window: PageWindow,
  ): Promise<[MessageCampaignSendView[], number]> {
    const where = ['s.campaign_id = ?', "s.outcome <> 'sending'"];
    const params: unknown[] = [campaignId];
    if (outcome) {
      where.push('s.outcome = ?');
      params.push(outcome);
    }
    if (scope.kind === 'teams') {
      if (scope.teamIds.length === 0) return [[], 0];
      where.push('a.assigned_team_id IN (?)');
      params.push(scope.teamIds);
    }
    const from = `FROM message_campaign_sends s JOIN accounts a ON a.id = s.account_id WHERE ${where.join(' AND ')}`;
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT s.account_id, a.account_number, s.address, s.outcome, s.reason, s.message_id, s.at ${from}
          ORDER BY s.at, s.account_id LIMIT ? OFFSET ?`,
        [...params, window.pageSize, window.skip],
      ) as Promise<Raw[]>,
      this.dataSource.query(`SELECT COUNT(*) AS n ${from}`, params) as Promise<Raw[]>,
    ]);
    return [rows.map(toMessageCampaignSendView), Number(count[0]!['n'])];
  }
}
