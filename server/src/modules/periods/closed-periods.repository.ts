import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

/** A closed month: 'YYYY-MM', who closed it and whether its snapshot has been written yet. */
export interface ClosedPeriodRow {
  month: string;
  closedBy: string | null;
  closedByName: string | null;
  closedAt: Date;
  snapshotted: boolean;
}

const monthKey = (value: unknown) => String(value).slice(0, 7);

function toRow(r: Raw): ClosedPeriodRow {
  return {
    month: monthKey(r['month']),
    closedBy: r['closed_by'] === null ? null : String(r['closed_by']),
    closedByName: r['full_name'] === null || r['full_name'] === undefined ? null : String(r['full_name']),
    closedAt: r['closed_at'] as Date,
    snapshotted: Number(r['snapshotted']) === 1,
  };
}

const SELECT = `SELECT c.month, c.closed_by, c.closed_at, u.full_name,
                       EXISTS (SELECT 1 FROM period_snapshots s WHERE s.month = c.month) AS snapshotted
                  FROM closed_periods c LEFT JOIN users u ON u.id = c.closed_by`;

/** `closed_periods`: months are kept as their first day ('YYYY-MM-01'), handed out as 'YYYY-MM'. */
@Injectable()
export class ClosedPeriodsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Closed months from `firstDay` on, oldest first. Inside a transaction the read takes shared
   * next-key locks, so a close of any of those months waits for the transaction to commit: a payment
   * booked against what it read cannot land in a month closed meanwhile.
   */
  async closedFrom(firstDay: string, tx?: Tx): Promise<string[]> {
    const sql = `SELECT month FROM closed_periods WHERE month >= ? ORDER BY month${tx ? ' LOCK IN SHARE MODE' : ''}`;
    const rows = (await (tx ?? this.dataSource).query(sql, [firstDay])) as Raw[];
    return rows.map((r) => monthKey(r['month']));
  }

  async isClosed(firstDay: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM closed_periods WHERE month = ?', [
      firstDay,
    ])) as Raw[];
    return rows.length > 0;
  }

  async list(): Promise<ClosedPeriodRow[]> {
    const rows = (await this.dataSource.query(`${SELECT} ORDER BY c.month DESC`)) as Raw[];
    return rows.map(toRow);
  }

  async find(firstDay: string): Promise<ClosedPeriodRow | null> {
    const rows = (await this.dataSource.query(`${SELECT} WHERE c.month = ?`, [firstDay])) as Raw[];
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The month's row under an exclusive lock, for the transaction that closes it. */
  async lock(firstDay: string, tx: Tx): Promise<ClosedPeriodRow | null> {
    const rows = (await tx.query(
      `SELECT c.month, c.closed_by, c.closed_at, NULL AS full_name,
              EXISTS (SELECT 1 FROM period_snapshots s WHERE s.month = c.month) AS snapshotted
         FROM closed_periods c WHERE c.month = ? FOR UPDATE`,
      [firstDay],
    )) as Raw[];
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Starts the month's close; false when it was closed (or is closing) already. */
  async claim(firstDay: string, closedBy: string, closedAt: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      'INSERT IGNORE INTO closed_periods (month, closed_by, closed_at) VALUES (?, ?, ?)',
      [firstDay, closedBy, closedAt],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Undoes a close whose snapshot could not be taken (a closed month always has its snapshot). */
  async removeUnsnapshotted(firstDay: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM closed_periods WHERE month = ? AND NOT EXISTS (SELECT 1 FROM period_snapshots s WHERE s.month = ?)',
      [firstDay, firstDay],
    );
  }
}
