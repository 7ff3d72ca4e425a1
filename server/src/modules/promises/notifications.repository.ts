import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgreementBrokenNotice, NotificationKind, NotificationResponse } from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** Kept notifications: what a user was told while away. Every query is the user's own. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async latest(userId: string, limit: number): Promise<NotificationResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, payload, created_at, read_at FROM notifications
        WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
      [userId, limit],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      kind: r['kind'] as NotificationKind,
      payload: (typeof r['payload'] === 'string'
        ? JSON.parse(r['payload'])
        : r['payload']) as AgreementBrokenNotice,
      createdAt: (r['created_at'] as Date).toISOString(),
      readAt: r['read_at'] ? (r['read_at'] as Date).toISOString() : null,
    }));
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
      [userId],
    )) as Raw[];
    return Number(row['n']);
  }

  /** Marks the user's notification read; false when it is not theirs (or does not exist). */
  async markRead(userId: string, id: string, now: Date): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      'SELECT 1 AS ok FROM notifications WHERE id = ? AND user_id = ?',
      [id, userId],
    )) as Raw[];
    if (!row) return false;
    await this.dataSource.query(
      'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL',
      [now, id, userId],
    );
    return true;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const result = (await this.dataSource.query(
      'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
      [now, userId],
    )) as { affectedRows: number };
    return result.affectedRows;
  }
}
