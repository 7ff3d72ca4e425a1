import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DebitAttempt,
  DebitBatchStatus,
  DebitCandidate,
  DebitItemStatus,
  IsoDate,
  PaymentLineProblem,
  SelectedDebit,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface BatchRow {
  id: string;
  clientId: string;
  clientCode: string;
  clientName: string;
  collectionDate: IsoDate;
  adapter: string;
  status: DebitBatchStatus;
  maxAttempts: number;
  currency: string;
  items: number;
  totalMinor: number;
  paid: number;
  rejected: number;
  unanswered: number;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface ItemRow {
  id: string;
  batchId: string;
  mandateId: string;
  reference: string;
  accountId: string;
  accountNumber: string;
  debtorName: string;
  nationalId: string;
  installmentId: string;
  installmentSeq: number;
  dueDate: IsoDate;
  amountMinor: number;
  currency: string;
  attempt: number;
  status: DebitItemStatus;
  bankCode: string;
  bankReasonCode: string | null;
  reasonCode: string | null;
  paymentId: string | null;
}

const dateText = (v: unknown): IsoDate =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

const BATCH_COLUMNS = `b.id, b.client_id, c.code AS client_code, c.name AS client_name, b.collection_date, b.adapter,
  b.status, b.max_attempts, b.currency, b.created_at, b.answered_at,
  COUNT(i.id) AS items, COALESCE(SUM(i.amount_minor), 0) AS total_minor,
  COALESCE(SUM(i.status = 'paid'), 0) AS paid, COALESCE(SUM(i.status = 'rejected'), 0) AS rejected,
  COALESCE(SUM(i.status = 'unanswered'), 0) AS unanswered`;
const BATCH_FROM = `FROM debit_batches b JOIN clients c ON c.id = b.client_id
  LEFT JOIN debit_batch_items i ON i.batch_id = b.id`;

function toBatch(r: Raw): BatchRow {
  return {
    id: String(r['id']),
    clientId: String(r['client_id']),
    clientCode: String(r['client_code']),
    clientName: String(r['client_name']),
    collectionDate: dateText(r['collection_date']),
    adapter: String(r['adapter']),
    status: r['status'] as DebitBatchStatus,
    maxAttempts: Number(r['max_attempts']),
    currency: String(r['currency']),
    items: Number(r['items']),
    totalMinor: Number(r['total_minor']),
    paid: Number(r['paid']),
    rejected: Number(r['rejected']),
    unanswered: Number(r['unanswered']),
    createdAt: r['created_at'] as Date,
    answeredAt: (r['answered_at'] as Date | null) ?? null,
  };
}

/** Debit batches, their items, and the installments a batch may debit. */
@Injectable()
export class DebitBatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async client(tx: Tx, clientId: string): Promise<{ id: string; currency: string } | null> {
    // Locked: two batches generated at once for one client cannot both take an installment.
    const [row] = (await tx.query('SELECT id, currency FROM clients WHERE id = ? FOR UPDATE', [
      clientId,
    ])) as Raw[];
    return row ? { id: String(row['id']), currency: String(row['currency']) } : null;
  }

  /**
   * Open installments due by the date, of active agreements on the client's accounts (in the
   * client's currency) that have an active mandate, each with its earlier debits (oldest first).
   */
  async candidates(
    tx: Tx,
    clientId: string,
    currency: string,
    collectionDate: IsoDate,
  ): Promise<DebitCandidate[]> {
    const rows = (await tx.query(
      `SELECT i.id, i.due_date, i.amount_minor, i.paid_minor, ag.account_id, m.id AS mandate_id, m.limit_minor
         FROM installments i
         JOIN agreements ag ON ag.id = i.agreement_id AND ag.status = 'active'
         JOIN accounts a ON a.id = ag.account_id
         JOIN debit_mandates m ON m.active_account_id = a.id
        WHERE a.client_id = ? AND a.currency = ? AND i.status IN ('pending', 'partial') AND i.due_date <= ?`,
      [clientId, currency, collectionDate],
    )) as Raw[];
    if (rows.length === 0) return [];
    const history = new Map<string, DebitAttempt[]>();
    const past = (await tx.query(
      `SELECT installment_id, mandate_id, status, reason_code FROM debit_batch_items
        WHERE installment_id IN (?) ORDER BY id`,
      [rows.map((r) => r['id'])],
    )) as Raw[];
    for (const p of past) {
      const id = String(p['installment_id']);
      history.set(id, [
        ...(history.get(id) ?? []),
        {
          mandateId: String(p['mandate_id']),
          status: p['status'] as DebitItemStatus,
          reasonCode: (p['reason_code'] as string | null) ?? null,
        },
      ]);
    }
    return rows.map((r) => ({
      installmentId: String(r['id']),
      accountId: String(r['account_id']),
      mandateId: String(r['mandate_id']),
      dueDate: dateText(r['due_date']),
      amountMinor: Number(r['amount_minor']),
      paidMinor: Number(r['paid_minor']),
      limitMinor: Number(r['limit_minor']),
      history: history.get(String(r['id'])) ?? [],
    }));
  }

  async insertBatch(
    tx: Tx,
    batch: {
      clientId: string;
      collectionDate: IsoDate;
      adapter: string;
      maxAttempts: number;
      currency: string;
      createdBy: string;
    },
  ): Promise<string> {
    const result = (await tx.query(
      `INSERT INTO debit_batches (client_id, collection_date, adapter, max_attempts, currency, created_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        batch.clientId,
        batch.collectionDate,
        batch.adapter,
        batch.maxAttempts,
        batch.currency,
        batch.createdBy,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  /** The items' references are DD-<batch>-<n>: what the bank echoes and the payment is posted under. */
  async insertItems(tx: Tx, batchId: string, items: readonly SelectedDebit[]): Promise<void> {
    await tx.query(
      `INSERT INTO debit_batch_items (batch_id, mandate_id, account_id, installment_id, reference, amount_minor, attempt)
       VALUES ?`,
      [
        items.map((item, index) => [
          batchId,
          item.mandateId,
          item.accountId,
          item.installmentId,
          `DD-${batchId}-${index + 1}`,
          item.amountMinor,
          item.attempt,
        ]),
      ],
    );
  }

  async batch(id: string, tx?: Tx): Promise<BatchRow | null> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT ${BATCH_COLUMNS} ${BATCH_FROM} WHERE b.id = ? GROUP BY b.id`,
      [id],
    )) as Raw[];
    return row ? toBatch(row) : null;
  }

  async batches(clientId: string | undefined, limit = 50): Promise<BatchRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} ${BATCH_FROM} ${clientId ? 'WHERE b.client_id = ?' : ''}
        GROUP BY b.id ORDER BY b.id DESC LIMIT ?`,
      clientId ? [clientId, limit] : [limit],
    )) as Raw[];
    return rows.map(toBatch);
  }

  async items(batchId: string): Promise<ItemRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.batch_id, i.mandate_id, i.reference, i.account_id, a.account_number,
              COALESCE(d.full_name, '') AS debtor_name, COALESCE(d.national_id, '') AS national_id,
              i.installment_id, inst.seq, inst.due_date, i.amount_minor, a.currency, i.attempt, i.status,
              m.bank_code, i.bank_reason_code, i.reason_code, i.payment_id
         FROM debit_batch_items i
         JOIN accounts a ON a.id = i.account_id
         JOIN debtors d ON d.id = a.debtor_id
         JOIN installments inst ON inst.id = i.installment_id
         JOIN debit_mandates m ON m.id = i.mandate_id
        WHERE i.batch_id = ? ORDER BY i.id`,
      [batchId],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      batchId: String(r['batch_id']),
      mandateId: String(r['mandate_id']),
      reference: String(r['reference']),
      accountId: String(r['account_id']),
      accountNumber: String(r['account_number']),
      debtorName: String(r['debtor_name']),
      nationalId: String(r['national_id']),
      installmentId: String(r['installment_id']),
      installmentSeq: Number(r['seq']),
      dueDate: dateText(r['due_date']),
      amountMinor: Number(r['amount_minor']),
      currency: String(r['currency']),
      attempt: Number(r['attempt']),
      status: r['status'] as DebitItemStatus,
      bankCode: String(r['bank_code']),
      bankReasonCode: (r['bank_reason_code'] as string | null) ?? null,
      reasonCode: (r['reason_code'] as string | null) ?? null,
      paymentId: r['payment_id'] === null ? null : String(r['payment_id']),
    }));
  }

  /** Each answer moves an item out of `pending` once; false when it had been answered meanwhile. */
  async markPaid(itemId: string, paymentId: string, at: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      "UPDATE debit_batch_items SET status = 'paid', payment_id = ?, answered_at = ? WHERE id = ? AND status = 'pending'",
      [paymentId, at, itemId],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async markRejected(
    tx: Tx,
    itemId: string,
    answer: { status: 'rejected' | 'unanswered'; bankReasonCode: string | null; reasonCode: string },
    at: Date,
  ): Promise<boolean> {
    const result = (await tx.query(
      `UPDATE debit_batch_items SET status = ?, bank_reason_code = ?, reason_code = ?, answered_at = ?
        WHERE id = ? AND status = 'pending'`,
      [
        answer.status,
        answer.bankReasonCode?.slice(0, 20) ?? null,
        answer.reasonCode.slice(0, 20),
        at,
        itemId,
      ],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async markAnswered(tx: Tx, batchId: string, at: Date): Promise<void> {
    await tx.query(
      "UPDATE debit_batches SET status = 'answered', answered_at = COALESCE(answered_at, ?) WHERE id = ?",
      [at, batchId],
    );
  }

  async insertResponse(
    tx: Tx,
    response: {
      batchId: string;
      fileName: string;
      sha256: string;
      paid: number;
      rejected: number;
      duplicates: number;
      problems: readonly PaymentLineProblem[];
      createdBy: string;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO debit_responses (batch_id, file_name, sha256, paid, rejected, duplicates, problems, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        response.batchId,
        response.fileName.slice(0, 255),
        response.sha256,
        response.paid,
        response.rejected,
        response.duplicates,
        JSON.stringify(response.problems),
        response.createdBy,
      ],
    );
  }
}
