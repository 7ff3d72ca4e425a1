import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsentStatus, MessageChannel } from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** The contact point types a channel reaches a debtor on. */
const POINT_TYPES: Record<MessageChannel, readonly string[]> = {
  sms: ['mobile'],
  whatsapp: ['whatsapp', 'mobile'],
};

/** Consent per channel of a contact point (an SMS "BAJA" silences SMS, not the calls). */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every contact point with this number that can carry the channel, with its client's name. */
  async pointsOf(channel: MessageChannel, phone: string): Promise<{ id: string; clientName: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT cp.id, MIN(c.name) AS client_name FROM contact_points cp
         JOIN debtors d ON d.id = cp.debtor_id JOIN clients c ON c.id = d.client_id
        WHERE cp.value = ? AND cp.type IN (?) GROUP BY cp.id`,
      [phone, POINT_TYPES[channel]],
    )) as Raw[];
    return rows.map((r) => ({ id: String(r['id']), clientName: String(r['client_name']) }));
  }

  async set(
    pointIds: readonly string[],
    channel: MessageChannel,
    status: ConsentStatus,
    keyword: string,
    messageId: string | null,
    at: Date,
  ): Promise<void> {
    if (pointIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO contact_point_consents (contact_point_id, channel, status, keyword, message_id, changed_at) VALUES ?
       ON DUPLICATE KEY UPDATE status = VALUES(status), keyword = VALUES(keyword), message_id = VALUES(message_id),
                               changed_at = VALUES(changed_at)`,
      [pointIds.map((id) => [id, channel, status, keyword, messageId, at])],
    );
  }
}
