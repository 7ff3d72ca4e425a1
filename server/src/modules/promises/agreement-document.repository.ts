import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgreementStatus } from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { AgreementDocumentData } from './agreement-document.util';

type Raw = Record<string, unknown>;

export type StoredAgreementDocument = Omit<AgreementDocumentData, 'agencyName' | 'timeZone'> & {
  accountId: string;
};

/** The agreement with its account, debtor, client and schedule, as the convenio states them. */
@Injectable()
export class AgreementDocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(agreementId: string): Promise<StoredAgreementDocument | null> {
    const [r] = (await this.dataSource.query(
      `SELECT g.id, g.account_id, g.status, g.created_at, g.currency, g.total_minor, g.down_payment_minor,
              g.waiver_minor, g.settles_in_full, a.account_number, a.product, d.full_name, d.national_id,
              c.name AS client_name, c.agreement_legal_text, c.grace_days, u.full_name AS agent_name
         FROM agreements g
         JOIN accounts a ON a.id = g.account_id
         JOIN debtors d ON d.id = a.debtor_id
         JOIN clients c ON c.id = a.client_id
         LEFT JOIN users u ON u.id = g.agent_id
        WHERE g.id = ?`,
      [agreementId],
    )) as Raw[];
    if (!r) return null;
    const installments = (await this.dataSource.query(
      'SELECT seq, due_date, amount_minor FROM installments WHERE agreement_id = ? ORDER BY seq',
      [agreementId],
    )) as Raw[];
    const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
    return {
      agreementId: String(r['id']),
      accountId: String(r['account_id']),
      status: r['status'] as AgreementStatus,
      createdAt: r['created_at'] as Date,
      clientName: String(r['client_name']),
      legalText: text(r['agreement_legal_text']),
      graceDays: Number(r['grace_days']),
      debtorName: text(r['full_name']),
      debtorNationalId: text(r['national_id']),
      accountNumber: String(r['account_number']),
      product: text(r['product']),
      currency: String(r['currency']),
      totalMinor: Number(r['total_minor']),
      downPaymentMinor: Number(r['down_payment_minor']),
      waiverMinor: Number(r['waiver_minor']),
      settlesInFull: Number(r['settles_in_full']) === 1,
      agentName: text(r['agent_name']),
      installments: installments.map((i) => ({
        seq: Number(i['seq']),
        dueDate: String(i['due_date']),
        amountMinor: Number(i['amount_minor']),
      })),
    };
  }
}
