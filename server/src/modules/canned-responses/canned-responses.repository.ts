import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CannedResponseView } from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

function toView(r: Raw): CannedResponseView {
  return {
    id: String(r['id']),
    clientId: r['client_id'] === null ? null : String(r['client_id']),
    title: String(r['title']),
    body: String(r['body']),
  };
}

/** Canned responses: for every client (client_id NULL) or one. */
@Injectable()
export class CannedResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** All of them, or (clientId given) the shared ones and that client's. */
  async list(clientId?: string | null): Promise<CannedResponseView[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, client_id, title, body FROM canned_responses
        ${clientId === undefined ? '' : 'WHERE client_id IS NULL OR client_id = ?'} ORDER BY title, id`,
      clientId === undefined ? [] : [clientId],
    )) as Raw[];
    return rows.map(toView);
  }

  async find(id: string): Promise<CannedResponseView | null> {
    const rows = (await this.dataSource.query(
      'SELECT id, client_id, title, body FROM canned_responses WHERE id = ?',
      [id],
    )) as Raw[];
    return rows[0] ? toView(rows[0]) : null;
  }

  async insert(clientId: string | null, title: string, body: string, createdBy: string): Promise<string> {
    const result = (await this.dataSource.query(
      'INSERT INTO canned_responses (client_id, title, body, created_by) VALUES (?, ?, ?, ?)',
      [clientId, title, body, createdBy],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async update(id: string, clientId: string | null, title: string, body: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE canned_responses SET client_id = ?, title = ?, body = ? WHERE id = ?',
      [clientId, title, body, id],
    );
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM canned_responses WHERE id = ?', [id]);
  }

  async clientExists(clientId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM clients WHERE id = ?', [clientId])) as Raw[];
    return rows.length > 0;
  }
}
