import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DebitMandateStatus } from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface MandateRow {
  id: string;
  accountId: string;
  accountNumber: string;
  clientId: string;
  clientCode: string;
  debtorName: string;
  bankCode: string;
  bankAccountLast4: string;
  bankAccountLength: number;
  limitMinor: number;
  currency: string;
  status: DebitMandateStatus;
  revokedAt: Date | null;
  revokedReason: string | null;
  createdAt: Date;
}

export interface AccountForMandate {
  id: string;
  currency: string;
}

const COLUMNS = `m.id, m.account_id, a.account_number, m.client_id, c.code AS client_code,
  COALESCE(d.full_name, '') AS debtor_name, m.bank_code, m.bank_account_last4, m.bank_account_length,
  m.limit_minor, m.currency, m.status, m.revoked_at, m.revoked_reason, m.created_at`;
const FROM = `FROM debit_mandates m JOIN accounts a ON a.id = m.account_id JOIN clients c ON c.id = m.client_id
  JOIN debtors d ON d.id = a.debtor_id`;

function toMandate(r: Raw): MandateRow {
  return {
    id: String(r['id']),
    accountId: String(r['account_id']),
    accountNumber: String(r['account_number']),
    clientId: String(r['client_id']),
    clientCode: String(r['client_code']),
    debtorName: String(r['debtor_name']),
    bankCode: String(r['bank_code']),
    bankAccountLast4: String(r['bank_account_last4']),
    bankAccountLength: Number(r['bank_account_length']),
    limitMinor: Number(r['limit_minor']),
    currency: String(r['currency']),
    status: r['status'] as DebitMandateStatus,
    revokedAt: (r['revoked_at'] as Date | null) ?? null,
    revokedReason: (r['revoked_reason'] as string | null) ?? null,
    createdAt: r['created_at'] as Date,
  };
}

/** Debit mandates: the sealed bank account is read only by the batch file writer. */
@Injectable()
export class DebitMandatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async account(clientId: string, accountNumber: string): Promise<AccountForMandate | null> {
    const [row] = (await this.dataSource.query(
      'SELECT id, currency FROM accounts WHERE client_id = ? AND account_number = ?',
      [clientId, accountNumber],
    )) as Raw[];
    return row ? { id: String(row['id']), currency: String(row['currency']) } : null;
  }

  async insert(
    tx: Tx,
    m: {
      accountId: string;
      clientId: string;
      bankCode: string;
      bankAccountSealed: string;
      bankAccountLast4: string;
      bankAccountLength: number;
      limitMinor: number;
      currency: string;
      createdBy: string;
    },
  ): Promise<string> {
    const result = (await tx.query(
      `INSERT INTO debit_mandates (account_id, client_id, bank_code, bank_account_enc, bank_account_last4,
         bank_account_length, limit_minor, currency, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        m.accountId,
        m.clientId,
        m.bankCode,
        m.bankAccountSealed,
        m.bankAccountLast4,
        m.bankAccountLength,
        m.limitMinor,
        m.currency,
        m.createdBy,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async find(id: string, tx?: Tx, lock = false): Promise<MandateRow | null> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT ${COLUMNS} ${FROM} WHERE m.id = ? ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    )) as Raw[];
    return row ? toMandate(row) : null;
  }

  async list(filter: {
    clientId?: string;
    status?: DebitMandateStatus;
    limit: number;
  }): Promise<MandateRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.clientId) {
      where.push('m.client_id = ?');
      params.push(filter.clientId);
    }
    if (filter.status) {
      where.push('m.status = ?');
      params.push(filter.status);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.id DESC LIMIT ?`,
      [...params, filter.limit],
    )) as Raw[];
    return rows.map(toMandate);
  }

  async revoke(tx: Tx, id: string, reason: string, at: Date): Promise<void> {
    await tx.query(
      "UPDATE debit_mandates SET status = 'revoked', revoked_at = ?, revoked_reason = ?, updated_at = ? WHERE id = ?",
      [at, reason.slice(0, 160), at, id],
    );
  }

  /** The sealed bank accounts of some mandates, for the batch file. */
  async sealedAccounts(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      'SELECT id, bank_account_enc FROM debit_mandates WHERE id IN (?)',
      [ids],
    )) as Raw[];
    return new Map(rows.map((r) => [String(r['id']), String(r['bank_account_enc'])]));
  }
}
