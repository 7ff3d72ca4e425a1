import { Injectable } from '@nestjs/common';
import type {
  AccountStatus,
  AllocationLine,
  AllocationTarget,
  ChargeComponent,
  InstallmentStatus,
  OpenInstallment,
  PaymentChannel,
} from '@recupera/shared';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

/** An account's money, read under a row lock for the length of a posting or a reversal. */
export interface LockedAccount {
  id: string;
  clientId: string;
  accountNumber: string;
  currency: string;
  balanceMinor: number;
  interestMinor: number;
  feesMinor: number;
  creditMinor: number;
  status: AccountStatus;
  dueDate: string | null;
  teamId: string | null;
  agentId: string | null;
  applicationOrder: string;
}

export interface ActiveAgreement {
  id: string;
  settlesInFull: boolean;
  installments: (OpenInstallment & { status: InstallmentStatus; paidAt: Date | null })[];
}

export interface StoredPayment {
  id: string;
  accountId: string;
  clientId: string;
  amountMinor: number;
  status: 'applied' | 'reversed';
  paidAt: Date;
}

export interface NewPayment {
  accountId: string;
  clientId: string;
  teamId: string | null;
  agentId: string | null;
  amountMinor: number;
  currency: string;
  channel: PaymentChannel;
  reference: string;
  paidAt: Date;
  valueAt: Date | null;
  note: string | null;
  batchId: string | null;
  createdBy: string | null;
}

export interface LedgerEntry {
  accountId: string;
  kind: string;
  component: ChargeComponent;
  amountMinor: number;
  currency: string;
  effectiveDate: string;
  refType: string | null;
  refId: string | null;
  note: string | null;
  createdBy: string | null;
}

const num = (v: unknown) => Number(v);
const id = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The writes of posting and reversing payments, always inside the caller's transaction. */
@Injectable()
export class PaymentPostingRepository {
  async lockAccount(tx: Tx, accountId: string): Promise<LockedAccount | null> {
    const [row] = (await tx.query(
      `SELECT a.id, a.client_id, a.account_number, a.currency, a.balance_minor, a.interest_minor, a.fees_minor,
              a.credit_minor, a.status, DATE_FORMAT(a.due_date, '%Y-%m-%d') AS due_date, a.assigned_team_id,
              a.assigned_agent_id, c.application_order
         FROM accounts a JOIN clients c ON c.id = a.client_id WHERE a.id = ? FOR UPDATE`,
      [accountId],
    )) as Raw[];
    if (!row) return null;
    return {
      id: String(row['id']),
      clientId: String(row['client_id']),
      accountNumber: String(row['account_number']),
      currency: String(row['currency']),
      balanceMinor: num(row['balance_minor']),
      interestMinor: num(row['interest_minor']),
      feesMinor: num(row['fees_minor']),
      creditMinor: num(row['credit_minor']),
      status: row['status'] as AccountStatus,
      dueDate: (row['due_date'] as string | null) ?? null,
      teamId: id(row['assigned_team_id']),
      agentId: id(row['assigned_agent_id']),
      applicationOrder: String(row['application_order']),
    };
  }

  /** The account's active agreement (at most one) with every installment, locked. */
  async activeAgreement(tx: Tx, accountId: string): Promise<ActiveAgreement | null> {
    const [agreement] = (await tx.query(
      `SELECT id, settles_in_full FROM agreements WHERE account_id = ? AND status = 'active'
        ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [accountId],
    )) as Raw[];
    if (!agreement) return null;
    const id = String(agreement['id']);
    return {
      id,
      settlesInFull: num(agreement['settles_in_full']) === 1,
      installments: await this.schedule(tx, id),
    };
  }

  async agreementIdsOf(tx: Tx, installmentIds: readonly string[]): Promise<string[]> {
    if (installmentIds.length === 0) return [];
    const rows = (await tx.query('SELECT DISTINCT agreement_id FROM installments WHERE id IN (?)', [
      installmentIds,
    ])) as Raw[];
    return rows.map((r) => String(r['agreement_id']));
  }

  async agreementById(tx: Tx, agreementId: string): Promise<ActiveAgreement & { status: string }> {
    const [agreement] = (await tx.query(
      'SELECT id, settles_in_full, status FROM agreements WHERE id = ? FOR UPDATE',
      [agreementId],
    )) as Raw[];
    return {
      id: agreementId,
      status: String(agreement['status']),
      settlesInFull: num(agreement['settles_in_full']) === 1,
      installments: await this.schedule(tx, agreementId),
    };
  }

  /** An agreement's installments in due order, locked. */
  private async schedule(tx: Tx, agreementId: string): Promise<ActiveAgreement['installments']> {
    const rows = (await tx.query(
      `SELECT id, seq, DATE_FORMAT(due_date, '%Y-%m-%d') AS due_date, amount_minor, paid_minor, status, paid_at
         FROM installments WHERE agreement_id = ? ORDER BY due_date, seq FOR UPDATE`,
      [agreementId],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      seq: num(r['seq']),
      dueDate: String(r['due_date']),
      amountMinor: num(r['amount_minor']),
      paidMinor: num(r['paid_minor']),
      status: r['status'] as InstallmentStatus,
      paidAt: (r['paid_at'] as Date | null) ?? null,
    }));
  }

  async findByReference(tx: Tx, clientId: string, reference: string): Promise<StoredPayment | null> {
    const [row] = (await tx.query(
      'SELECT id, account_id, client_id, amount_minor, status, paid_at FROM payments WHERE client_id = ? AND reference = ?',
      [clientId, reference],
    )) as Raw[];
    return row ? toStored(row) : null;
  }

  async lockPayment(tx: Tx, paymentId: string): Promise<StoredPayment | null> {
    const [row] = (await tx.query(
      'SELECT id, account_id, client_id, amount_minor, status, paid_at FROM payments WHERE id = ? FOR UPDATE',
      [paymentId],
    )) as Raw[];
    return row ? toStored(row) : null;
  }

  async insertPayment(tx: Tx, p: NewPayment): Promise<string> {
    const result = (await tx.query(
      `INSERT INTO payments (account_id, client_id, team_id, agent_id, amount_minor, currency, channel, status,
          reference, paid_at, value_at, note, batch_id, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?)`,
      [
        p.accountId,
        p.clientId,
        p.teamId,
        p.agentId,
        p.amountMinor,
        p.currency,
        p.channel,
        p.reference,
        p.paidAt,
        p.valueAt,
        p.note,
        p.batchId,
        p.createdBy,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async insertAllocations(tx: Tx, paymentId: string, lines: readonly AllocationLine[]): Promise<void> {
    if (lines.length === 0) return;
    await tx.query(
      'INSERT INTO payment_allocations (payment_id, installment_id, kind, amount_minor) VALUES ?',
      [lines.map((l) => [paymentId, l.installmentId, l.target, l.amountMinor])],
    );
  }

  async allocations(tx: Tx, paymentId: string): Promise<AllocationLine[]> {
    const rows = (await tx.query(
      'SELECT installment_id, kind, amount_minor FROM payment_allocations WHERE payment_id = ? ORDER BY id',
      [paymentId],
    )) as Raw[];
    return rows.map((r) => ({
      installmentId: id(r['installment_id']),
      target: r['kind'] as AllocationTarget,
      amountMinor: num(r['amount_minor']),
    }));
  }

  async setInstallment(
    tx: Tx,
    installmentId: string,
    paidMinor: number,
    status: InstallmentStatus,
    paidAt: Date | null,
  ): Promise<void> {
    await tx.query('UPDATE installments SET paid_minor = ?, status = ?, paid_at = ? WHERE id = ?', [
      paidMinor,
      status,
      paidAt,
      installmentId,
    ]);
  }

  async setAgreementStatus(
    tx: Tx,
    agreementId: string,
    status: string,
    closedAt: Date | null,
  ): Promise<void> {
    await tx.query('UPDATE agreements SET status = ?, closed_at = ? WHERE id = ?', [
      status,
      closedAt,
      agreementId,
    ]);
  }

  async setAccountMoney(
    tx: Tx,
    accountId: string,
    money: {
      balanceMinor: number;
      interestMinor: number;
      feesMinor: number;
      creditMinor: number;
      status: AccountStatus;
      daysPastDue: number;
      agingBucket: string;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE accounts SET balance_minor = ?, interest_minor = ?, fees_minor = ?, credit_minor = ?, status = ?,
          days_past_due = ?, aging_bucket = ?, updated_at = UTC_TIMESTAMP(3) WHERE id = ?`,
      [
        money.balanceMinor,
        money.interestMinor,
        money.feesMinor,
        money.creditMinor,
        money.status,
        money.daysPastDue,
        money.agingBucket,
        accountId,
      ],
    );
  }

  async markReversed(tx: Tx, paymentId: string, at: Date, reason: string, by: string | null): Promise<void> {
    await tx.query(
      "UPDATE payments SET status = 'reversed', reversed_at = ?, reversal_reason = ?, reversed_by = ? WHERE id = ?",
      [at, reason, by, paymentId],
    );
  }

  async insertLedger(tx: Tx, entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO account_ledger (account_id, kind, component, amount_minor, currency, effective_date, ref_type,
          ref_id, note, created_by) VALUES ?`,
      [
        entries.map((e) => [
          e.accountId,
          e.kind,
          e.component,
          e.amountMinor,
          e.currency,
          e.effectiveDate,
          e.refType,
          e.refId,
          e.note,
          e.createdBy,
        ]),
      ],
    );
  }

  async ledgerOf(tx: Tx, refType: string, refId: string): Promise<LedgerEntry[]> {
    const rows = (await tx.query(
      `SELECT account_id, kind, component, amount_minor, currency, DATE_FORMAT(effective_date, '%Y-%m-%d') AS day,
              ref_type, ref_id, note, created_by FROM account_ledger WHERE ref_type = ? AND ref_id = ? ORDER BY id`,
      [refType, refId],
    )) as Raw[];
    return rows.map((r) => ({
      accountId: String(r['account_id']),
      kind: String(r['kind']),
      component: r['component'] as ChargeComponent,
      amountMinor: num(r['amount_minor']),
      currency: String(r['currency']),
      effectiveDate: String(r['day']),
      refType: id(r['ref_type']),
      refId: id(r['ref_id']),
      note: (r['note'] as string | null) ?? null,
      createdBy: id(r['created_by']),
    }));
  }
}

function toStored(row: Raw): StoredPayment {
  return {
    id: String(row['id']),
    accountId: String(row['account_id']),
    clientId: String(row['client_id']),
    amountMinor: num(row['amount_minor']),
    status: row['status'] as StoredPayment['status'],
    paidAt: row['paid_at'] as Date,
  };
}
