import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AccountStatus,
  BillingPeriod,
  FieldOrderKind,
  FieldOrderState,
  Jurisdiction,
  ServiceState,
  UtilityBill,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { parseStrata } from './utility-rules.repository';

type Raw = Record<string, unknown>;
type Executor = Pick<Tx, 'query'>;

/** Everything the rules read about one utility account, with its client's rule and its law's cap. */
export interface UtilityAccountRecord {
  accountId: string;
  clientId: string;
  jurisdiction: Jurisdiction;
  currency: string;
  status: AccountStatus;
  /** Principal: balance − interest − fees. */
  owedMinor: number;
  sector: string | null;
  zona: string | null;
  rule: {
    billingPeriod: BillingPeriod;
    unpaidBillsToSuspend: number;
    suspensionDueHours: number;
    reconnectionFeeMinor: number;
    protectedStrata: number[] | null;
  };
  cap: { maxUnpaidBills: number; protectedStrata: number[] } | null;
  stratum: number | null;
  serviceState: ServiceState;
  bills: UtilityBill[];
  openOrders: { id: string; kind: FieldOrderKind; state: FieldOrderState }[];
}

const UTILITY_ACCOUNT = `FROM accounts a
  JOIN portfolios p ON p.id = a.portfolio_id AND p.industry = 'utility'
  JOIN utility_client_rules r ON r.client_id = a.client_id`;

/** Utility accounts, their bills and their service points, read and written in raw SQL. */
@Injectable()
export class UtilityAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Ids (after `afterId`, ascending) of the utility accounts of clients with a rule that the rules
   * may have work for: some bill, an open order or a suspended service.
   */
  async candidateIds(afterId: string, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id ${UTILITY_ACCOUNT}
        WHERE a.id > ? AND (
          EXISTS (SELECT 1 FROM utility_bills b WHERE b.account_id = a.id)
          OR EXISTS (SELECT 1 FROM field_orders o WHERE o.account_id = a.id AND o.open_flag = 1)
          OR EXISTS (SELECT 1 FROM utility_services s WHERE s.account_id = a.id AND s.service_state = 'suspended'))
        ORDER BY a.id LIMIT ?`,
      [afterId, limit],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  /** Locks the account row: every writer of an account's field orders takes this lock first. */
  async lockAccount(tx: Tx, accountId: string): Promise<boolean> {
    const rows = (await tx.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [accountId])) as Raw[];
    return rows.length > 0;
  }

  /** The records of utility accounts with a client rule (others are left out). */
  async records(
    accountIds: readonly string[],
    executor: Executor = this.dataSource,
  ): Promise<UtilityAccountRecord[]> {
    if (accountIds.length === 0) return [];
    // One after the other: inside a transaction they share a connection anyway.
    const accounts = (await executor.query(
      `SELECT a.id, a.client_id, p.jurisdiction, a.currency, a.status, a.balance_minor, a.interest_minor,
              a.fees_minor, a.sector, a.zona, r.billing_period, r.unpaid_bills_to_suspend, r.suspension_due_hours,
              r.reconnection_fee_minor, r.protected_strata, j.max_unpaid_bills, j.protected_strata AS law_strata,
              s.stratum, COALESCE(s.service_state, 'connected') AS service_state
         ${UTILITY_ACCOUNT}
         LEFT JOIN utility_jurisdiction_rules j ON j.jurisdiction = p.jurisdiction AND j.billing_period = r.billing_period
         LEFT JOIN utility_services s ON s.account_id = a.id
        WHERE a.id IN (?)`,
      [accountIds],
    )) as Raw[];
    const bills = (await executor.query(
      `SELECT account_id, period, amount_minor, DATE_FORMAT(due_date, '%Y-%m-%d') AS due_date
         FROM utility_bills WHERE account_id IN (?) ORDER BY account_id, period`,
      [accountIds],
    )) as Raw[];
    const orders = (await executor.query(
      'SELECT id, account_id, kind, state FROM field_orders WHERE account_id IN (?) AND open_flag = 1',
      [accountIds],
    )) as Raw[];
    const billsOf = groupBy(bills, (b) => ({
      period: String(b['period']),
      amountMinor: Number(b['amount_minor']),
      dueDate: String(b['due_date']),
    }));
    const ordersOf = groupBy(orders, (o) => ({
      id: String(o['id']),
      kind: o['kind'] as FieldOrderKind,
      state: o['state'] as FieldOrderState,
    }));
    return accounts.map((r): UtilityAccountRecord => {
      const id = String(r['id']);
      return {
        accountId: id,
        clientId: String(r['client_id']),
        jurisdiction: r['jurisdiction'] as Jurisdiction,
        currency: String(r['currency']),
        status: r['status'] as AccountStatus,
        owedMinor: Number(r['balance_minor']) - Number(r['interest_minor']) - Number(r['fees_minor']),
        sector: (r['sector'] as string | null) ?? null,
        zona: (r['zona'] as string | null) ?? null,
        rule: {
          billingPeriod: r['billing_period'] as BillingPeriod,
          unpaidBillsToSuspend: Number(r['unpaid_bills_to_suspend']),
          suspensionDueHours: Number(r['suspension_due_hours']),
          reconnectionFeeMinor: Number(r['reconnection_fee_minor']),
          protectedStrata: parseStrata(r['protected_strata']),
        },
        cap:
          r['max_unpaid_bills'] === null
            ? null
            : {
                maxUnpaidBills: Number(r['max_unpaid_bills']),
                protectedStrata: parseStrata(r['law_strata']) ?? [],
              },
        stratum: r['stratum'] === null ? null : Number(r['stratum']),
        serviceState: r['service_state'] as ServiceState,
        bills: billsOf.get(id) ?? [],
        openOrders: ordersOf.get(id) ?? [],
      };
    });
  }

  /** The client's utility accounts by number (those of other industries are not billed here). */
  async utilityAccountIds(clientId: string, accountNumbers: readonly string[]): Promise<Map<string, string>> {
    if (accountNumbers.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.account_number FROM accounts a
         JOIN portfolios p ON p.id = a.portfolio_id AND p.industry = 'utility'
        WHERE a.client_id = ? AND a.account_number IN (?)`,
      [clientId, accountNumbers],
    )) as Raw[];
    return new Map(rows.map((r) => [String(r['account_number']), String(r['id'])]));
  }

  /** Upserts bills by account and period; returns how many were new. */
  async upsertBills(
    tx: Tx,
    bills: readonly { accountId: string; period: string; amountMinor: number; dueDate: string }[],
  ): Promise<{ inserted: number; updated: number }> {
    if (bills.length === 0) return { inserted: 0, updated: 0 };
    const existing = (await tx.query(
      `SELECT COUNT(*) AS n FROM utility_bills WHERE (account_id, period) IN (?)`,
      [bills.map((b) => [b.accountId, b.period])],
    )) as Raw[];
    await tx.query(
      `INSERT INTO utility_bills (account_id, period, amount_minor, due_date) VALUES ?
       ON DUPLICATE KEY UPDATE amount_minor = VALUES(amount_minor), due_date = VALUES(due_date),
         updated_at = UTC_TIMESTAMP(3)`,
      [bills.map((b) => [b.accountId, b.period, b.amountMinor, b.dueDate])],
    );
    const updated = Number(existing[0]?.['n'] ?? 0);
    return { inserted: bills.length - updated, updated };
  }

  async setStrata(tx: Tx, strata: readonly { accountId: string; stratum: number }[]): Promise<void> {
    if (strata.length === 0) return;
    await tx.query(
      `INSERT INTO utility_services (account_id, stratum) VALUES ?
       ON DUPLICATE KEY UPDATE stratum = VALUES(stratum), updated_at = UTC_TIMESTAMP(3)`,
      [strata.map((s) => [s.accountId, s.stratum])],
    );
  }

  async setServiceState(tx: Tx, accountId: string, state: ServiceState, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO utility_services (account_id, service_state, state_changed_at) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE service_state = VALUES(service_state), state_changed_at = VALUES(state_changed_at),
         updated_at = UTC_TIMESTAMP(3)`,
      [accountId, state, at],
    );
  }
}

function groupBy<T>(rows: readonly Raw[], map: (row: Raw) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row['account_id']);
    const list = out.get(key) ?? [];
    list.push(map(row));
    out.set(key, list);
  }
  return out;
}
