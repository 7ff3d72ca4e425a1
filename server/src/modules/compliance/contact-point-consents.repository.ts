import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTACT_POINT_TYPES_BY_CHANNEL,
  type Channel,
  type ConsentStatus,
  type MessageChannel,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface ConsentRow {
  contactPointId: string;
  status: ConsentStatus;
  messageId: string | null;
}

export interface ConsentWrite {
  channel: Channel;
  status: ConsentStatus;
  keyword: string | null;
  messageId: string | null;
  changedBy: string | null;
  at: Date;
}

/** Consent per channel of a contact point (an SMS "BAJA" silences SMS, not the calls). */
@Injectable()
export class ContactPointConsentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every contact point with this number that can carry the channel, with its client's name. */
  async pointsAt(channel: MessageChannel, phone: string): Promise<{ id: string; clientName: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT cp.id, MIN(c.name) AS client_name FROM contact_points cp
         JOIN debtors d ON d.id = cp.debtor_id JOIN clients c ON c.id = d.client_id
        WHERE cp.value = ? AND cp.type IN (?) GROUP BY cp.id ORDER BY cp.id`,
      [phone, CONTACT_POINT_TYPES_BY_CHANNEL[channel]],
    )) as Raw[];
    return rows.map((r) => ({ id: String(r['id']), clientName: String(r['client_name']) }));
  }

  async find(pointIds: readonly string[], channel: Channel, tx?: Tx): Promise<ConsentRow[]> {
    if (pointIds.length === 0) return [];
    const rows = (await (tx ?? this.dataSource).query(
      `SELECT contact_point_id, status, message_id FROM contact_point_consents
        WHERE contact_point_id IN (?) AND channel = ? FOR UPDATE`,
      [pointIds, channel],
    )) as Raw[];
    return rows.map((r) => ({
      contactPointId: String(r['contact_point_id']),
      status: r['status'] as ConsentStatus,
      messageId: r['message_id'] === null ? null : String(r['message_id']),
    }));
  }

  /** Whether consent on any of these points was last set by this message or a later one. */
  async setByMessageOrLater(
    pointIds: readonly string[],
    channel: Channel,
    messageId: string,
  ): Promise<boolean> {
    if (pointIds.length === 0) return false;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM contact_point_consents
        WHERE contact_point_id IN (?) AND channel = ? AND message_id >= ? LIMIT 1`,
      [pointIds, channel, messageId],
    )) as Raw[];
    return rows.length > 0;
  }

  async upsert(pointIds: readonly string[], write: ConsentWrite, tx: Tx): Promise<void> {
    if (pointIds.length === 0) return;
    await tx.query(
      `INSERT INTO contact_point_consents
              (contact_point_id, channel, status, keyword, message_id, changed_by, changed_at) VALUES ?
       ON DUPLICATE KEY UPDATE status = VALUES(status), keyword = VALUES(keyword),
              message_id = VALUES(message_id), changed_by = VALUES(changed_by), changed_at = VALUES(changed_at)`,
      [
        pointIds.map((id) => [
          id,
          write.channel,
          write.status,
          write.keyword,
          write.messageId,
          write.changedBy,
          write.at,
        ]),
      ],
    );
  }
}
