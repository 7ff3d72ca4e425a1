import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReminderKind, ReminderResponse, ReminderStatus } from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** Payment reminders recorded as due, read by the accounts' team. */
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
              n.seq, n.due_date, n.amount_minor, a.currency
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
    }));
  }
}
