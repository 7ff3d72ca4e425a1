import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MappedRow, RowProblem } from '@recupera/shared';
import { DataSource, type EntityManager } from 'typeorm';

export interface BatchTarget {
  importId: string;
  clientId: string;
  portfolioId: string;
  currency: string;
  jurisdiction: string;
}

export interface BatchReject extends RowProblem {
  line: number;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
}

const ER_LOCK_DEADLOCK = 1213;
const ER_LOCK_WAIT_TIMEOUT = 1205;
const MAX_ATTEMPTS = 4;

interface ResultHeader {
  affectedRows: number;
}

// Columns an import may change on an existing account; updated_at moves only when one of them does.
const ACCOUNT_FIELDS = [
  'portfolio_id',
  'debtor_id',
  'original_amount_minor',
  'balance_minor',
  'due_date',
  'days_past_due',
  'aging_bucket',
  'product',
  'sector',
  'red',
  'zona',
  'score',
] as const;

const ACCOUNT_UPSERT = `INSERT INTO accounts (client_id, account_number, currency, status, last_import_id, ${ACCOUNT_FIELDS.join(', ')})
  VALUES ?
  ON DUPLICATE KEY UPDATE
    updated_at = IF(${ACCOUNT_FIELDS.map((f) => `${f} <=> VALUES(${f})`).join(' AND ')}, updated_at, UTC_TIMESTAMP(3)),
    ${ACCOUNT_FIELDS.map((f) => `${f} = VALUES(${f})`).join(',\n    ')}`;

const DEBTOR_UPSERT = `INSERT INTO debtors (client_id, debtor_key, national_id, full_name, time_zone, jurisdiction)
  VALUES ?
  ON DUPLICATE KEY UPDATE
    updated_at = IF(national_id <=> VALUES(national_id) AND full_name <=> COALESCE(VALUES(full_name), full_name)
      AND time_zone <=> VALUES(time_zone), updated_at, UTC_TIMESTAMP(3)),
    national_id = VALUES(national_id),
    full_name = COALESCE(VALUES(full_name), full_name),
    time_zone = VALUES(time_zone)`;

const CONTACT_INSERT = `INSERT INTO contact_points (debtor_id, type, value, valid, consent, do_not_contact, source)
  VALUES ? ON DUPLICATE KEY UPDATE id = id`;

/**
 * Writes one batch of an import in one transaction with multi-row upserts keyed by
 * (client, account number) and (client, debtor key), so re-importing a file changes nothing twice.
 */
@Injectable()
export class ImportWriteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Batches run on two connections at once; rows are written in key order so concurrent batches take
   * locks in the same order, and a batch that still loses a deadlock is rolled back and written again
   * (every statement in it is an idempotent upsert).
   */
  async writeBatch(target: BatchTarget, rows: MappedRow[], rejects: BatchReject[]): Promise<BatchOutcome> {
    const sorted = [...rows].sort((a, b) => (a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeOnce(target, sorted, rejects);
      } catch (error) {
        const errno = (error as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ?? (error as { errno?: number }).errno;
        if (attempt >= MAX_ATTEMPTS || (errno !== ER_LOCK_DEADLOCK && errno !== ER_LOCK_WAIT_TIMEOUT)) throw error;
      }
    }
  }

  private writeOnce(target: BatchTarget, rows: MappedRow[], rejects: BatchReject[]): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (tx) => {
      if (rejects.length > 0) {
        await tx.query('INSERT INTO import_rejects (import_id, line, column_name, code, params) VALUES ?', [
          rejects.map((r) => [target.importId, r.line, r.column.slice(0, 120), r.code, JSON.stringify(r.params)]),
        ]);
      }
      if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const debtorIds = await this.upsertDebtors(tx, target, rows);
      const existing = await this.existingAccountCount(tx, target.clientId, rows);
      const result = (await tx.query(ACCOUNT_UPSERT, [
        rows.map((r) => [
          target.clientId,
          r.accountNumber,
          target.currency,
          'active',
          target.importId,
          target.portfolioId,
          debtorIds.get(r.debtorKey),
          r.originalAmountMinor,
          r.balanceMinor,
          r.dueDate,
          r.daysPastDue,
          r.agingBucket,
          r.product,
          r.sector,
          r.red,
          r.zona,
          r.score,
        ]),
      ])) as ResultHeader;
      await this.insertContactPoints(tx, rows, debtorIds);
      // Without FOUND_ROWS, an upsert counts 1 per insert, 2 per changed row and 0 per unchanged one.
      const inserted = rows.length - existing;
      const updated = (result.affectedRows - inserted) / 2;
      return { inserted, updated, unchanged: existing - updated };
    });
  }

  private async upsertDebtors(tx: EntityManager, target: BatchTarget, rows: MappedRow[]): Promise<Map<string, string>> {
    const byKey = new Map<string, MappedRow>();
    for (const row of rows) byKey.set(row.debtorKey, row);
    const keys = [...byKey.keys()].sort();
    await tx.query(DEBTOR_UPSERT, [
      keys.map((key) => byKey.get(key)!).map((r) => [target.clientId, r.debtorKey, r.nationalId, r.fullName, r.timeZone, target.jurisdiction]),
    ]);
    const found = (await tx.query('SELECT id, debtor_key FROM debtors WHERE client_id = ? AND debtor_key IN (?)', [target.clientId, keys])) as {
      id: string;
      debtor_key: string;
    }[];
    return new Map(found.map((d) => [d.debtor_key, String(d.id)]));
  }

  private async existingAccountCount(tx: EntityManager, clientId: string, rows: MappedRow[]): Promise<number> {
    const [{ n }] = (await tx.query('SELECT COUNT(*) AS n FROM accounts WHERE client_id = ? AND account_number IN (?)', [
      clientId,
      rows.map((r) => r.accountNumber),
    ])) as { n: string }[];
    return Number(n);
  }

  private async insertContactPoints(tx: EntityManager, rows: MappedRow[], debtorIds: Map<string, string>): Promise<void> {
    const values: unknown[][] = [];
    for (const row of rows) {
      const debtorId = debtorIds.get(row.debtorKey);
      for (const phone of row.phones) values.push([debtorId, phone.kind, phone.e164, 1, 'unknown', 0, 'import']);
      if (row.email) values.push([debtorId, 'email', row.email.toLowerCase(), 1, 'unknown', 0, 'import']);
      if (row.address) values.push([debtorId, 'address', row.address, 1, 'unknown', 0, 'import']);
    }
    if (values.length > 0) await tx.query(CONTACT_INSERT, [values]);
  }
}
