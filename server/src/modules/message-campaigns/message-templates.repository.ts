import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageChannel, MessageTemplateView, TemplatePurpose } from '@recupera/shared';
import { DataSource } from 'typeorm';
import { toMessageTemplateView } from './message-campaign.mapper';

type Raw = Record<string, unknown>;

export interface TemplateFields {
  clientId: string | null;
  name: string;
  channel: MessageChannel;
  purpose: TemplatePurpose;
  language: string;
  body: string;
  whatsappContentSid: string | null;
  active: boolean;
}

const COLUMNS =
  'id, client_id, name, channel, purpose, language, body, whatsapp_content_sid, active, created_at';

/** Message templates: for every client (client_id NULL) or one. */
@Injectable()
export class MessageTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<MessageTemplateView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM message_templates ORDER BY purpose, channel, name, id`,
    )) as Raw[];
    return rows.map(toMessageTemplateView);
  }

  async find(id: string): Promise<MessageTemplateView | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM message_templates WHERE id = ?`, [
      id,
    ])) as Raw[];
    return rows[0] ? toMessageTemplateView(rows[0]) : null;
  }

  /** The active templates of a purpose a client's debtors may get: the client's own and the shared ones. */
  async activeFor(clientId: string, purpose: TemplatePurpose): Promise<MessageTemplateView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM message_templates
        WHERE purpose = ? AND active = 1 AND (client_id IS NULL OR client_id = ?) ORDER BY id`,
      [purpose, clientId],
    )) as Raw[];
    return rows.map(toMessageTemplateView);
  }

  async insert(fields: TemplateFields, createdBy: string | null): Promise<string> {
    const result = (await this.dataSource.query(
      `INSERT INTO message_templates (client_id, name, channel, purpose, language, body, whatsapp_content_sid,
                                      active, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        fields.clientId,
        fields.name,
        fields.channel,
        fields.purpose,
        fields.language,
        fields.body,
        fields.whatsappContentSid,
        fields.active,
        createdBy,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async update(id: string, fields: TemplateFields): Promise<void> {
    await this.dataSource.query(
      `UPDATE message_templates SET client_id = ?, name = ?, channel = ?, purpose = ?, language = ?, body = ?,
              whatsapp_content_sid = ?, active = ?, updated_at = CURRENT_TIMESTAMP(3)
        WHERE id = ?`,
      [
        fields.clientId,
        fields.name,
        fields.channel,
        fields.purpose,
        fields.language,
        fields.body,
        fields.whatsappContentSid,
        fields.active,
        id,
      ],
    );
  }

  async clientExists(clientId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM clients WHERE id = ?', [clientId])) as Raw[];
    return rows.length > 0;
  }

  /** Whether a campaign uses it: its channel is then fixed. */
  async usedByCampaigns(id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      'SELECT 1 FROM message_campaigns WHERE template_id = ? LIMIT 1',
      [id],
    )) as Raw[];
    return rows.length > 0;
  }
}
