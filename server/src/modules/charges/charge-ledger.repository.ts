import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CHARGE_LEDGER_KINDS,
  type AccountChargeTerms,
  type AccountOwed,
  type ChargeComponent,
  type FeePeriod,
  type InterestPeriod,
  type IsoDate,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface AccountMoney {
  currency: string;
  balanceMinor: number;
  interestMinor: number;
  feesMinor: number;
}

export interface LedgerRow {
  id: string;
  kind: string;
  component: ChargeComponent;
  amountMinor: number;
  currency: string;
  effectiveDate: IsoDate;
  note: string | null;
  refType: string | null;
  refId: string | null;
  createdAt: Date;
}

export interface WaiverTarget {
  accountId: string;
  waiverMinor: number;
}

const idOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** An account's charges as read for its page, and the waiver an agreement books on activation. */
@Injectable()
export class ChargeLedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async money(accountId: string): Promise<AccountMoney | null> {
    const [row] = (await this.dataSource.query(
      'SELECT currency, balance_minor, interest_minor, fees_minor FROM accounts WHERE id = ?',
      [accountId],
    )) as Raw[];
    return row ? toMoney(row) : null;
  }

  /** The rule the account is under (its portfolio's, else its client's) and its jurisdiction's cap. */
  async termsOf(accountId: string): Promise<AccountChargeTerms | null> {
    const [row] = (await this.dataSource.query(
      `SELECT r.id, r.portfolio_id, r.interest_rate_ppm, r.interest_period, r.fee_after_days, r.fee_period,
              p.jurisdiction, c.monthly_cap_ppm
         FROM accounts a
         JOIN portfolios p ON p.id = a.portfolio_id
         JOIN charge_rules r ON r.client_id = a.client_id AND (r.portfolio_id = a.portfolio_id OR r.portfolio_id IS NULL)
         LEFT JOIN interest_caps c ON c.jurisdiction = p.jurisdiction
        WHERE a.id = ?
        ORDER BY r.portfolio_id IS NULL LIMIT 1`,
      [accountId],
    )) as Raw[];
    if (!row) return null;
    return {
      ruleId: String(row['id']),
      scope: row['portfolio_id'] === null ? 'client' : 'portfolio',
      interestRatePpm: Number(row['interest_rate_ppm']),
      interestPeriod: row['interest_period'] as InterestPeriod,
      jurisdiction: String(row['jurisdiction']),
      monthlyCapPpm: row['monthly_cap_ppm'] === null ? null : Number(row['monthly_cap_ppm']),
      feeAfterDays: row['fee_after_days'] === null ? null : Number(row['fee_after_days']),
      feePeriod: row['fee_period'] as FeePeriod,
    };
  }

  async accruedThrough(accountId: string): Promise<IsoDate | null> {
    const [row] = (await this.dataSource.query(
      "SELECT DATE_FORMAT(accrued_through, '%Y-%m-%d') AS day FROM account_charge_state WHERE account_id = ?",
      [accountId],
    )) as Raw[];
    return row ? String(row['day']) : null;
  }

  async history(accountId: string, limit: number): Promise<LedgerRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, component, amount_minor, currency, DATE_FORMAT(effective_date, '%Y-%m-%d') AS day, note,
              ref_type, ref_id, created_at
         FROM account_ledger WHERE account_id = ? ORDER BY effective_date DESC, id DESC LIMIT ?`,
      [accountId, limit],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      kind: String(r['kind']),
      component: r['component'] as ChargeComponent,
      amountMinor: Number(r['amount_minor']),
      currency: String(r['currency']),
      effectiveDate: String(r['day']),
      note: (r['note'] as string | null) ?? null,
      refType: idOrNull(r['ref_type']),
      refId: idOrNull(r['ref_id']),
      createdAt: r['created_at'] as Date,
    }));
  }

  // ---- waivers, inside the caller's transaction ----

  /** Active agreements with a waiver not booked yet (an activation whose event was missed). */
  async unbookedWaivers(limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT g.id FROM agreements g LEFT JOIN agreement_waivers w ON w.agreement_id = g.id
        WHERE g.status = 'active' AND g.waiver_minor > 0 AND w.agreement_id IS NULL ORDER BY g.id LIMIT ?`,
      [limit],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  async agreementWaiver(tx: Tx, agreementId: string): Promise<WaiverTarget | null> {
    const [row] = (await tx.query('SELECT account_id, waiver_minor, status FROM agreements WHERE id = ?', [
      agreementId,
    ])) as Raw[];
    if (!row || row['status'] !== 'active') return null;
    return { accountId: String(row['account_id']), waiverMinor: Number(row['waiver_minor']) };
  }

  async lockMoney(tx: Tx, accountId: string): Promise<AccountMoney | null> {
    const [row] = (await tx.query(
      'SELECT currency, balance_minor, interest_minor, fees_minor FROM accounts WHERE id = ? FOR UPDATE',
      [accountId],
    )) as Raw[];
    return row ? toMoney(row) : null;
  }

  /** Claims the agreement's waiver; false when it was booked before (the key says it happened once). */
  async claimWaiver(
    tx: Tx,
    agreementId: string,
    accountId: string,
    split: AccountOwed,
    at: Date,
  ): Promise<boolean> {
    const result = (await tx.query(
      `INSERT IGNORE INTO agreement_waivers (agreement_id, account_id, interest_minor, fees_minor, principal_minor, applied_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [agreementId, accountId, split.interestMinor, split.feesMinor, split.principalMinor, at],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async bookWaiver(
    tx: Tx,
    agreementId: string,
    accountId: string,
    currency: string,
    split: AccountOwed,
    day: IsoDate,
  ): Promise<void> {
    const parts: [ChargeComponent, number][] = [
      ['interest', split.interestMinor],
      ['fees', split.feesMinor],
      ['principal', split.principalMinor],
    ];
    const rows = parts
      .filter(([, amount]) => amount > 0)
      .map(([component, amount]) => [
        accountId,
        CHARGE_LEDGER_KINDS.waiver,
        component,
        -amount,
        currency,
        day,
        'agreement',
        agreementId,
      ]);
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO account_ledger (account_id, kind, component, amount_minor, currency, effective_date, ref_type, ref_id)
       VALUES ?`,
      [rows],
    );
    await tx.query(
      `UPDATE accounts SET interest_minor = interest_minor - ?, fees_minor = fees_minor - ?,
          balance_minor = balance_minor - ?, updated_at = UTC_TIMESTAMP(3) WHERE id = ?`,
      [
        split.interestMinor,
        split.feesMinor,
        split.interestMinor + split.feesMinor + split.principalMinor,
        accountId,
      ],
    );
  }
}

function toMoney(row: Raw): AccountMoney {
  return {
    currency: String(row['currency']),
    balanceMinor: Number(row['balance_minor']),
    interestMinor: Number(row['interest_minor']),
    feesMinor: Number(row['fees_minor']),
  };
}
