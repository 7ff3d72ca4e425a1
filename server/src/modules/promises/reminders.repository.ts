import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  IsoDate,
  MessageChannel,
  ReminderKind,
  ReminderResponse,
  ReminderStatus,
} from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** A claimed reminder with what sending it needs, and whether it still has a reason to go. */
export interface ReminderToSend {
  id: string;
  kind: ReminderKind;
  accountId: string;
  clientId: string;
  debtorId: string;
  currency: string;
  installment: { number: number; owedMinor: number; dueDate: IsoDate };
  /** Times the gate was asked (a refusal that can wait is tried again later). */
  attempts: number;
  /** Still worth sending: the installment is open (before_due), the agreement still broken (notice). */
  relevant: boolean;
}

export interface ReminderSettlement {
  status: Exclude<ReminderStatus, 'sending'>;
  channel: MessageChannel | null;
  reason: string | null;
  messageId: string | null;
  /** A refusal that lifts later (the debtor's window): the reminder is due again then. */
  dueAt?: Date;
}

/** Payment reminders recorded as due, read by the accounts' team, and sent by the reminders job. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reminders of accounts held by `teams` ('all': every team), soonest due first. */
  async list(
    teams: string[] | 'all',
    status: ReminderStatus | undefined,
    limit: number,
  ): Promise<ReminderResponse[]> {
    if (teams !== 'all' && teams.length === 0) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    if (status) {
      where.push('r.status = ?');
      params.push(status);
    }
    if (teams !== 'all') {
      where.push('a.assigned_team_id IN (?)');
      params.push(teams);
    }
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.kind, r.status, r.due_at, r.account_id, a.account_number, d.full_name, r.agreement_id,
              n.seq, DATE_FORMAT(n.due_date, '%Y-%m-%d') AS due_date, n.amount_minor, a.currency, r.reason
         FROM message_reminders r
         JOIN accounts a ON a.id = r.account_id
         JOIN debtors d ON d.id = a.debtor_id
         JOIN installments n ON n.id = r.installment_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.due_at, r.id LIMIT ?`,
      [...params, limit],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      kind: r['kind'] as ReminderKind,
      status: r['status'] as ReminderStatus,
      dueAt: (r['due_at'] as Date).toISOString(),
      accountId: String(r['account_id']),
      accountNumber: String(r['account_number']),
      debtorName: r['full_name'] === null ? null : String(r['full_name']),
      agreementId: String(r['agreement_id']),
      installmentSeq: Number(r['seq']),
      installmentDueDate: String(r['due_date']),
      amountMinor: Number(r['amount_minor']),
      currency: String(r['currency']),
      reason: r['reason'] === null ? null : String(r['reason']),
    }));
  }

  /** Due reminders whose time has come, oldest first. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      "SELECT id FROM message_reminders WHERE status = 'due' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
      [now, limit],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  /** Takes a due reminder for sending; false when another run took it first (it is sent once). */
  async claim(id: string, now: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE message_reminders SET status = 'sending', attempts = attempts + 1, attempted_at = ?
        WHERE id = ? AND status = 'due'`,
      [now, id],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async toSend(id: string): Promise<ReminderToSend | null> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.kind, r.account_id, r.attempts, a.client_id, a.debtor_id, a.currency, a.balance_minor,
              n.seq, DATE_FORMAT(n.due_date, '%Y-%m-%d') AS due_date, n.amount_minor - n.paid_minor AS owed_minor,
              n.status AS installment_status, g.status AS agreement_status,
              EXISTS (SELECT 1 FROM agreements g2 WHERE g2.account_id = r.account_id
                         AND g2.status IN ('active', 'pending_approval')) AS renegotiated
         FROM message_reminders r
         JOIN accounts a ON a.id = r.account_id
         JOIN installments n ON n.id = r.installment_id
         JOIN agreements g ON g.id = r.agreement_id
        WHERE r.id = ?`,
      [id],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    const kind = r['kind'] as ReminderKind;
    const relevant =
      kind === 'before_due'
        ? r['agreement_status'] === 'active' &&
          ['pending', 'partial'].includes(String(r['installment_status']))
        : r['agreement_status'] === 'broken' &&
          Number(r['renegotiated']) === 0 &&
          Number(r['balance_minor']) > 0;
    return {
      id: String(r['id']),
      kind,
      accountId: String(r['account_id']),
      clientId: String(r['client_id']),
      debtorId: String(r['debtor_id']),
      currency: String(r['currency']),
      installment: {
        number: Number(r['seq']),
        owedMinor: Number(r['owed_minor']),
        dueDate: String(r['due_date']),
      },
      attempts: Number(r['attempts']),
      relevant,
    };
  }

  async settle(id: string, settlement: ReminderSettlement): Promise<void> {
    await this.dataSource.query(
      `UPDATE message_reminders SET status = ?, channel = ?, reason = ?, message_id = ?, due_at = COALESCE(?, due_at)
        WHERE id = ? AND status = 'sending'`,
      [
        settlement.status,
        settlement.channel,
        settlement.reason?.slice(0, 40) ?? null,
        settlement.messageId,
        settlement.dueAt ?? null,
        id,
      ],
    );
  }

  /** Reminders a stopped process left mid-send: never resent (the debtor may have it), failed. */
  async interruptStale(before: Date): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE message_reminders SET status = 'failed', reason = 'interrupted'
        WHERE status = 'sending' AND attempted_at < ?`,
      [before],
    )) as { affectedRows: number };
    return result.affectedRows;
  }
}
