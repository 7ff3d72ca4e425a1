import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DefaultMessageTemplate } from '../message-campaigns/default-message-templates.constant';
import type { HistoryAccount, DemoHistory } from './demo-history.util';
import { DEMO_DISPOSITIONS } from './demo-users.constant';

const CHUNK = 2000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Bulk writes of the demo seed; it only ever runs on an empty database. */
@Injectable()
export class DemoRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isEmpty(): Promise<boolean> {
    const [{ n }] = (await this.dataSource.query('SELECT COUNT(*) AS n FROM users')) as { n: string }[];
    return Number(n) === 0;
  }

  /** Templates for every client (client_id NULL), in Spanish. */
  async createMessageTemplates(templates: readonly DefaultMessageTemplate[]): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO message_templates (client_id, name, channel, purpose, language, body) VALUES ?',
      [templates.map((t) => [null, t.name, t.channel, t.purpose, 'es', t.body])],
    );
  }

  async createDispositions(): Promise<Map<string, string>> {
    return this.dataSource.transaction(async (tx) => {
      const set = (await tx.query("INSERT INTO disposition_sets (name) VALUES ('Cobranza estándar')")) as {
        insertId: number;
      };
      await tx.query(
        'INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES ?',
        [
          DEMO_DISPOSITIONS.map((d) => [
            set.insertId,
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
      const rows = (await tx.query('SELECT id, code FROM dispositions WHERE set_id = ?', [set.insertId])) as {
        id: string;
        code: string;
      }[];
      return new Map(rows.map((r) => [r.code, String(r.id)]));
    });
  }

  /** Deals a portfolio's accounts with a balance round-robin to a team's agents, with history rows. */
  async assignPortfolio(portfolioId: string, teamId: string, agentIds: string[], at: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const cases = agentIds.map((id, i) => `WHEN ${i} THEN ${Number(id)}`).join(' ');
      const result = (await tx.query(
        `UPDATE accounts SET assigned_team_id = ?, assigned_agent_id = CASE MOD(id, ${agentIds.length}) ${cases} END
          WHERE portfolio_id = ? AND balance_minor > 0`,
        [teamId, portfolioId],
      )) as { affectedRows: number };
      await tx.query(
        `INSERT INTO account_assignments (account_id, team_id, agent_id, assigned_at)
         SELECT id, assigned_team_id, assigned_agent_id, ? FROM accounts WHERE portfolio_id = ? AND assigned_team_id IS NOT NULL`,
        [at, portfolioId],
      );
      return result.affectedRows;
    });
  }

  async sampleAssigned(portfolioId: string, everyNth: number): Promise<HistoryAccount[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, debtor_id, assigned_team_id, assigned_agent_id, client_id, balance_minor, currency
         FROM accounts WHERE portfolio_id = ? AND assigned_agent_id IS NOT NULL AND MOD(id, ?) = 0 ORDER BY id`,
      [portfolioId, everyNth],
    )) as Record<string, string>[];
    return rows.map((r) => ({
      id: String(r['id']),
      debtorId: String(r['debtor_id']),
      teamId: String(r['assigned_team_id']),
      agentId: String(r['assigned_agent_id']),
      clientId: String(r['client_id']),
      balanceMinor: Number(r['balance_minor']),
      currency: r['currency'],
    }));
  }

  async writeHistory(
    history: DemoHistory,
    dispositions: Map<string, string>,
    referencePrefix: string,
  ): Promise<void> {
    for (const part of chunks(history.interactions)) {
      await this.dataSource.query(
        `INSERT INTO interactions (account_id, debtor_id, agent_id, team_id, channel, direction, outcome, disposition_id,
           queued_at, dialed_at, answered_at, connected_at, ended_at, talk_seconds, wrap_seconds, created_at) VALUES ?`,
        [
          part.map((i) => {
            const answered =
              i.outcome === 'human' || i.outcome === 'machine' ? new Date(i.dialedAt.getTime() + 9000) : null;
            const connected = i.outcome === 'human' ? new Date(i.dialedAt.getTime() + 9500) : null;
            const ended = new Date(
              i.dialedAt.getTime() + 9500 + i.talkSeconds * 1000 + (answered ? 0 : 16_000),
            );
            return [
              i.accountId,
              i.debtorId,
              i.agentId,
              i.teamId,
              'voice',
              'outbound',
              i.outcome,
              dispositions.get(i.dispositionCode) ?? null,
              i.dialedAt,
              i.dialedAt,
              answered,
              connected,
              ended,
              i.talkSeconds,
              i.wrapSeconds,
              i.dialedAt,
            ];
          }),
        ],
      );
    }
    await this.dataSource.transaction(async (tx) => {
      const [{ maxId }] = (await tx.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM agreements')) as {
        maxId: string;
      }[];
      const base = Number(maxId);
      for (const part of chunks(history.agreements)) {
        await tx.query(
          `INSERT INTO agreements (id, account_id, agent_id, team_id, status, currency, total_minor, down_payment_minor, waiver_minor,
             installments_count, settles_in_full, created_at, updated_at) VALUES ?`,
          [
            part.map((g) => [
              base + g.key,
              g.accountId,
              g.agentId,
              g.teamId,
              g.status,
              g.currency,
              g.totalMinor,
              g.downPaymentMinor,
              0,
              g.installments.length,
              0,
              g.createdAt,
              g.createdAt,
            ]),
          ],
        );
      }
      const installments = history.agreements.flatMap((g) =>
        g.installments.map((x) => [
          base + g.key,
          x.seq,
          x.dueDate,
          x.amountMinor,
          x.paidMinor,
          x.status,
          x.paidAt,
        ]),
      );
      for (const part of chunks(installments)) {
        await tx.query(
          'INSERT INTO installments (agreement_id, seq, due_date, amount_minor, paid_minor, status, paid_at) VALUES ?',
          [part],
        );
      }
      const payments = history.payments.map((p, i) => [
        p.accountId,
        p.clientId,
        p.teamId,
        p.agentId,
        p.amountMinor,
        p.currency,
        p.channel,
        'applied',
        `${referencePrefix}-${i + 1}`,
        p.paidAt,
        p.paidAt,
      ]);
      for (const part of chunks(payments)) {
        await tx.query(
          'INSERT INTO payments (account_id, client_id, team_id, agent_id, amount_minor, currency, channel, status, reference, paid_at, created_at) VALUES ?',
          [part],
        );
      }
    });
  }

  async monthlyRecoveredByTeam(): Promise<
    { teamId: string; month: string; currency: string; amount: number }[]
  > {
    const rows = (await this.dataSource.query(
      `SELECT team_id, DATE_FORMAT(paid_at, '%Y-%m-01') AS month, currency, SUM(amount_minor) AS amount
         FROM payments WHERE team_id IS NOT NULL GROUP BY team_id, month, currency`,
    )) as Record<string, string>[];
    return rows.map((r) => ({
      teamId: String(r['team_id']),
      month: r['month'],
      currency: r['currency'],
      amount: Number(r['amount']),
    }));
  }

  async insertGoals(
    goals: { periodStart: string; teamId: string; target: number; currency: string }[],
  ): Promise<void> {
    if (goals.length === 0) return;
    await this.dataSource.query(
      'INSERT INTO goals (period_kind, period_start, scope, scope_id, metric, target, currency) VALUES ?',
      [goals.map((g) => ['month', g.periodStart, 'team', g.teamId, 'recovered', g.target, g.currency])],
    );
  }

  /**
   * A mobile of an active account of these teams that may be texted and is not in a conversation
   * already, taken from a random point of the account ids (`fraction` in [0, 1)), or null.
   */
  async chatDebtorPhone(teamIds: readonly string[], fraction: number): Promise<string | null> {
    if (teamIds.length === 0) return null;
    const [range] = (await this.dataSource.query(
      'SELECT MIN(id) AS low, MAX(id) AS high FROM accounts WHERE assigned_team_id IN (?)',
      [teamIds],
    )) as { low: string | null; high: string | null }[];
    if (range?.low === null || range?.high === null || !range) return null;
    const from = Math.floor(Number(range.low) + fraction * (Number(range.high) - Number(range.low)));
    const rows = (await this.dataSource.query(
      `SELECT cp.value FROM accounts a
         JOIN contact_points cp ON cp.debtor_id = a.debtor_id AND cp.type = 'mobile' AND cp.valid = 1
                               AND cp.do_not_contact = 0
         LEFT JOIN contact_point_consents cc ON cc.contact_point_id = cp.id AND cc.channel = 'sms'
        WHERE a.id >= ? AND a.status = 'active' AND a.assigned_team_id IN (?)
          AND COALESCE(cc.status, cp.consent) <> 'withdrawn'
          AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.channel = 'sms' AND c.address = cp.value
                             AND c.status <> 'closed')
        ORDER BY a.id LIMIT 1`,
      [from, teamIds],
    )) as { value: string }[];
    return rows[0]?.value ?? null;
  }

  /** The open SMS conversation with this number, if any. */
  async openSmsConversation(phone: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM conversations WHERE channel = 'sms' AND address = ? AND status <> 'closed'
        ORDER BY id DESC LIMIT 1`,
      [phone],
    )) as { id: string | number }[];
    return rows[0] ? String(rows[0].id) : null;
  }

  /** Whether the conversation is still open, and how many messages its agents wrote after `afterId`. */
  async agentRepliesAfter(
    conversationId: string,
    afterId: string,
  ): Promise<{ open: boolean; lastId: string; replies: number }> {
    const [conversation] = (await this.dataSource.query('SELECT status FROM conversations WHERE id = ?', [
      conversationId,
    ])) as { status: string }[];
    const [replies] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n, MAX(id) AS last FROM messages
        WHERE conversation_id = ? AND id > ? AND author = 'agent'`,
      [conversationId, afterId],
    )) as { n: string | number; last: string | number | null }[];
    return {
      open: conversation !== undefined && conversation.status !== 'closed',
      lastId: replies?.last === null || replies?.last === undefined ? afterId : String(replies.last),
      replies: Number(replies?.n ?? 0),
    };
  }
}
