import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AccountMoneyState,
  AccountStatus,
  AgingBucket,
  AllocationTarget,
  DailyBalanceRow,
  PaymentAccountLookup,
  PaymentChannel,
  PaymentResponse,
  PaymentStatus,
} from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;
type StoredResponse = Omit<PaymentResponse, 'duplicate'>;

const num = (v: unknown) => Number(v);
const iso = (v: unknown) => (v ? (v as Date).toISOString() : null);

const MONEY_COLUMNS = `a.balance_minor, a.interest_minor, a.fees_minor, a.credit_minor, a.status AS account_status,
  a.days_past_due, a.aging_bucket`;

function moneyOf(r: Raw): AccountMoneyState {
  const balance = num(r['balance_minor']);
  const interest = num(r['interest_minor']);
  const fees = num(r['fees_minor']);
  return {
    balanceMinor: balance,
    principalMinor: balance - interest - fees,
    interestMinor: interest,
    feesMinor: fees,
    creditMinor: num(r['credit_minor']),
    status: r['account_status'] as AccountStatus,
    daysPastDue: num(r['days_past_due']),
    agingBucket: r['aging_bucket'] as AgingBucket,
  };
}

/** The reads of the payments feature. */
@Injectable()
export class PaymentQueriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async accountInScope(accountId: string, teams: string[] | 'all'): Promise<boolean> {
    if (teams !== 'all' && teams.length === 0) return false;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM accounts WHERE id = ? ${teams === 'all' ? '' : 'AND assigned_team_id IN (?)'}`,
      teams === 'all' ? [accountId] : [accountId, teams],
    )) as Raw[];
    return rows.length > 0;
  }

  async clientOf(accountId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT client_id FROM accounts WHERE id = ?', [
      accountId,
    ])) as Raw[];
    return row ? String(row['client_id']) : null;
  }

  async accountIdByNumber(clientId: string, accountNumber: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      'SELECT id FROM accounts WHERE client_id = ? AND account_number = ?',
      [clientId, accountNumber],
    )) as Raw[];
    return row ? String(row['id']) : null;
  }

  async lookup(accountNumber: string, clientId?: string): Promise<PaymentAccountLookup[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.account_number, a.client_id, c.name AS client_name, d.full_name, d.national_id, a.currency,
              ${MONEY_COLUMNS}
         FROM accounts a JOIN clients c ON c.id = a.client_id JOIN debtors d ON d.id = a.debtor_id
        WHERE a.account_number = ? ${clientId ? 'AND a.client_id = ?' : ''} ORDER BY c.name LIMIT 20`,
      clientId ? [accountNumber, clientId] : [accountNumber],
    )) as Raw[];
    if (rows.length === 0) return [];
    const installments = (await this.dataSource.query(
      `SELECT g.account_id, n.id, n.seq, DATE_FORMAT(n.due_date, '%Y-%m-%d') AS due_date, n.amount_minor, n.paid_minor
         FROM installments n JOIN agreements g ON g.id = n.agreement_id
        WHERE g.account_id IN (?) AND g.status = 'active' AND n.status IN ('pending', 'partial')
        ORDER BY n.due_date, n.seq`,
      [rows.map((r) => r['id'])],
    )) as Raw[];
    return rows.map((row) => ({
      accountId: String(row['id']),
      accountNumber: String(row['account_number']),
      clientId: String(row['client_id']),
      clientName: String(row['client_name']),
      debtorName: String(row['full_name'] ?? ''),
      nationalId: String(row['national_id'] ?? ''),
      currency: String(row['currency']),
      money: moneyOf(row),
      openInstallments: installments
        .filter((i) => String(i['account_id']) === String(row['id']))
        .map((i) => ({
          id: String(i['id']),
          seq: num(i['seq']),
          dueDate: String(i['due_date']),
          amountMinor: num(i['amount_minor']),
          paidMinor: num(i['paid_minor']),
        })),
    }));
  }

  async paymentAccount(paymentId: string): Promise<{ accountId: string } | null> {
    const [row] = (await this.dataSource.query('SELECT account_id FROM payments WHERE id = ?', [
      paymentId,
    ])) as Raw[];
    return row ? { accountId: String(row['account_id']) } : null;
  }

  async paymentIdByReference(clientId: string, reference: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      'SELECT id FROM payments WHERE client_id = ? AND reference = ?',
      [clientId, reference],
    )) as Raw[];
    return row ? String(row['id']) : null;
  }

  async payment(paymentId: string): Promise<StoredResponse | null> {
    return (await this.payments('p.id = ?', [paymentId]))[0] ?? null;
  }

  accountPayments(accountId: string): Promise<StoredResponse[]> {
    return this.payments('p.account_id = ?', [accountId]);
  }

  private async payments(where: string, params: unknown[]): Promise<StoredResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.account_id, a.account_number, p.client_id, p.amount_minor, p.currency, p.channel, p.status,
              p.reference, p.paid_at, p.value_at, p.reversed_at, p.reversal_reason, p.note, ${MONEY_COLUMNS}
         FROM payments p JOIN accounts a ON a.id = p.account_id WHERE ${where} ORDER BY p.paid_at DESC, p.id DESC
        LIMIT 500`,
      params,
    )) as Raw[];
    if (rows.length === 0) return [];
    const allocations = (await this.dataSource.query(
      `SELECT l.payment_id, l.installment_id, n.seq, l.kind, l.amount_minor FROM payment_allocations l
         LEFT JOIN installments n ON n.id = l.installment_id WHERE l.payment_id IN (?) ORDER BY l.id`,
      [rows.map((r) => r['id'])],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      accountId: String(r['account_id']),
      accountNumber: String(r['account_number']),
      clientId: String(r['client_id']),
      amountMinor: num(r['amount_minor']),
      currency: String(r['currency']),
      channel: r['channel'] as PaymentChannel,
      status: r['status'] as PaymentStatus,
      reference: String(r['reference']),
      paidAt: iso(r['paid_at'])!,
      valueAt: iso(r['value_at']),
      reversedAt: iso(r['reversed_at']),
      reversalReason: (r['reversal_reason'] as string | null) ?? null,
      note: (r['note'] as string | null) ?? null,
      allocations: allocations
        .filter((l) => String(l['payment_id']) === String(r['id']))
        .map((l) => ({
          installmentId: l['installment_id'] === null ? null : String(l['installment_id']),
          installmentSeq: l['seq'] === null ? null : num(l['seq']),
          target: l['kind'] as AllocationTarget,
          amountMinor: num(l['amount_minor']),
        })),
      account: moneyOf(r),
    }));
  }

  /**
   * The day's payments applied and reversed, per channel and portfolio, with where the money went:
   * payments booked in [start, end) and reversals made in it (a reversal counts on the day it
   * happened, so a signed-off day never changes).
   */
  async dailyBalance(start: Date, end: Date): Promise<DailyBalanceRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT x.channel, a.portfolio_id, pf.name AS portfolio_name, x.currency,
              SUM(x.applied) AS payments, SUM(x.applied_minor) AS applied_minor,
              SUM(x.reversals) AS reversals, SUM(x.reversed_minor) AS reversed_minor,
              SUM(x.to_installments) AS to_installments, SUM(x.to_interest) AS to_interest,
              SUM(x.to_fees) AS to_fees, SUM(x.to_principal) AS to_principal, SUM(x.to_credit) AS to_credit
         FROM (
           SELECT p.id, p.account_id, p.channel, p.currency, 1 AS applied, p.amount_minor AS applied_minor,
                  0 AS reversals, 0 AS reversed_minor,
                  COALESCE(SUM(IF(l.installment_id IS NOT NULL, l.amount_minor, 0)), 0) AS to_installments,
                  COALESCE(SUM(IF(l.kind = 'interest', l.amount_minor, 0)), 0) AS to_interest,
                  COALESCE(SUM(IF(l.kind = 'fees', l.amount_minor, 0)), 0) AS to_fees,
                  COALESCE(SUM(IF(l.kind = 'principal', l.amount_minor, 0)), 0) AS to_principal,
                  COALESCE(SUM(IF(l.kind = 'credit', l.amount_minor, 0)), 0) AS to_credit
             FROM payments p LEFT JOIN payment_allocations l ON l.payment_id = p.id
            WHERE p.paid_at >= ? AND p.paid_at < ? GROUP BY p.id
           UNION ALL
           SELECT p.id, p.account_id, p.channel, p.currency, 0, 0, 1, p.amount_minor, 0, 0, 0, 0, 0
             FROM payments p WHERE p.reversed_at >= ? AND p.reversed_at < ?
         ) x JOIN accounts a ON a.id = x.account_id JOIN portfolios pf ON pf.id = a.portfolio_id
        GROUP BY x.channel, a.portfolio_id, pf.name, x.currency ORDER BY x.channel, pf.name, x.currency`,
      [start, end, start, end],
    )) as Raw[];
    return rows.map((r) => ({
      channel: r['channel'] as PaymentChannel,
      portfolioId: String(r['portfolio_id']),
      portfolioName: String(r['portfolio_name']),
      currency: String(r['currency']),
      payments: num(r['payments']),
      appliedMinor: num(r['applied_minor']),
      reversals: num(r['reversals']),
      reversedMinor: num(r['reversed_minor']),
      netMinor: num(r['applied_minor']) - num(r['reversed_minor']),
      toInstallmentsMinor: num(r['to_installments']),
      toInterestMinor: num(r['to_interest']),
      toFeesMinor: num(r['to_fees']),
      toPrincipalMinor: num(r['to_principal']),
      toCreditMinor: num(r['to_credit']),
    }));
  }

  async signOff(day: string): Promise<{ by: string; byName: string; at: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT s.signed_by, u.full_name, s.signed_at FROM payment_day_signoffs s JOIN users u ON u.id = s.signed_by
        WHERE s.day = ?`,
      [day],
    )) as Raw[];
    return row
      ? { by: String(row['signed_by']), byName: String(row['full_name']), at: iso(row['signed_at'])! }
      : null;
  }

  async insertSignOff(day: string, userId: string, totals: unknown): Promise<boolean> {
    const result = (await this.dataSource.query(
      'INSERT IGNORE INTO payment_day_signoffs (day, signed_by, signed_at, totals) VALUES (?, ?, UTC_TIMESTAMP(3), ?)',
      [day, userId, JSON.stringify(totals)],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }
}
