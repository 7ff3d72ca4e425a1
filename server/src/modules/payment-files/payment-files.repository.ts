import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FilePaymentChannel,
  PaymentFileClient,
  PaymentFileLayout,
  PaymentFileStatus,
  PaymentLineProblem,
  PaymentRowProblemCode,
  PaymentRowProblemParams,
  Role,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.type';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface LayoutRow {
  id: string;
  clientId: string;
  clientCode: string;
  name: string;
  layout: PaymentFileLayout;
  updatedAt: Date;
}

export interface PaymentFileRow {
  id: string;
  clientId: string;
  clientCode: string;
  layoutName: string;
  layout: PaymentFileLayout;
  channel: FilePaymentChannel;
  fileName: string;
  storedPath: string;
  sizeBytes: number;
  sha256: string;
  status: PaymentFileStatus;
  processedRows: number;
  applied: number;
  duplicates: number;
  rejected: number;
  bytesRead: number;
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export type FileProgress = Pick<
  PaymentFileRow,
  'processedRows' | 'applied' | 'duplicates' | 'rejected' | 'bytesRead'
>;

export interface StoredReject {
  line: number;
  columnName: string;
  code: PaymentRowProblemCode;
  params: PaymentRowProblemParams;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const FILE_COLUMNS = `f.id, f.client_id, c.code AS client_code, f.layout_name, f.layout, f.channel, f.file_name,
  f.stored_path, f.size_bytes, f.sha256, f.status, f.processed_rows, f.applied, f.duplicates, f.rejected,
  f.bytes_read, f.error, f.created_by, f.created_at, f.finished_at`;

function toFile(r: Raw): PaymentFileRow {
  return {
    id: String(r['id']),
    clientId: String(r['client_id']),
    clientCode: String(r['client_code']),
    layoutName: String(r['layout_name']),
    layout: json<PaymentFileLayout>(r['layout']),
    channel: r['channel'] as FilePaymentChannel,
    fileName: String(r['file_name']),
    storedPath: String(r['stored_path']),
    sizeBytes: Number(r['size_bytes']),
    sha256: String(r['sha256']),
    status: r['status'] as PaymentFileStatus,
    processedRows: Number(r['processed_rows']),
    applied: Number(r['applied']),
    duplicates: Number(r['duplicates']),
    rejected: Number(r['rejected']),
    bytesRead: Number(r['bytes_read']),
    error: (r['error'] as string | null) ?? null,
    createdBy: r['created_by'] === null ? null : String(r['created_by']),
    createdAt: r['created_at'] as Date,
    finishedAt: (r['finished_at'] as Date | null) ?? null,
  };
}

function toLayout(r: Raw): LayoutRow {
  return {
    id: String(r['id']),
    clientId: String(r['client_id']),
    clientCode: String(r['client_code']),
    name: String(r['name']),
    layout: json<PaymentFileLayout>(r['layout']),
    updatedAt: r['updated_at'] as Date,
  };
}

/** Payment files, their saved layouts and rejects; the accounts and clients a file names. */
@Injectable()
export class PaymentFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async clients(): Promise<(PaymentFileClient & { name: string })[]> {
    const rows = (await this.dataSource.query(
      'SELECT id, code, name, currency FROM clients ORDER BY name',
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      code: String(r['code']),
      name: String(r['name']),
      currency: String(r['currency']),
    }));
  }

  /** The account ids of a client's account numbers (those that exist). */
  async accountIds(clientId: string, numbers: readonly string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      'SELECT id, account_number FROM accounts WHERE client_id = ? AND account_number IN (?)',
      [clientId, numbers],
    )) as Raw[];
    return new Map(rows.map((r) => [String(r['account_number']), String(r['id'])]));
  }

  /** The uploader as the caller they were, so a worker posts with their scope and audit name. */
  async actor(userId: string | null): Promise<AuthUser | null> {
    if (!userId) return null;
    const [row] = (await this.dataSource.query(
      'SELECT id, role, team_id FROM users WHERE id = ? AND active = 1',
      [userId],
    )) as Raw[];
    return row
      ? {
          id: String(row['id']),
          role: row['role'] as Role,
          teamId: row['team_id'] ? String(row['team_id']) : null,
        }
      : null;
  }

  // ── Layouts ──

  async layouts(clientId?: string): Promise<LayoutRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT l.id, l.client_id, c.code AS client_code, l.name, l.layout, l.updated_at
         FROM payment_file_layouts l JOIN clients c ON c.id = l.client_id
        ${clientId ? 'WHERE l.client_id = ?' : ''} ORDER BY c.code, l.name`,
      clientId ? [clientId] : [],
    )) as Raw[];
    return rows.map(toLayout);
  }

  async layout(id: string, tx?: Tx): Promise<LayoutRow | null> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT l.id, l.client_id, c.code AS client_code, l.name, l.layout, l.updated_at
         FROM payment_file_layouts l JOIN clients c ON c.id = l.client_id WHERE l.id = ?`,
      [id],
    )) as Raw[];
    return row ? toLayout(row) : null;
  }

  async layoutByName(tx: Tx, clientId: string, name: string): Promise<LayoutRow | null> {
    const [row] = (await tx.query(
      `SELECT l.id, l.client_id, c.code AS client_code, l.name, l.layout, l.updated_at
         FROM payment_file_layouts l JOIN clients c ON c.id = l.client_id
        WHERE l.client_id = ? AND l.name = ? FOR UPDATE`,
      [clientId, name],
    )) as Raw[];
    return row ? toLayout(row) : null;
  }

  async saveLayout(
    tx: Tx,
    layout: { clientId: string; name: string; layout: PaymentFileLayout; createdBy: string },
  ): Promise<string> {
    await tx.query(
      `INSERT INTO payment_file_layouts (client_id, name, layout, created_by) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE layout = VALUES(layout), updated_at = UTC_TIMESTAMP(3)`,
      [layout.clientId, layout.name, JSON.stringify(layout.layout), layout.createdBy],
    );
    const [row] = (await tx.query('SELECT id FROM payment_file_layouts WHERE client_id = ? AND name = ?', [
      layout.clientId,
      layout.name,
    ])) as Raw[];
    return String(row['id']);
  }

  async deleteLayout(tx: Tx, id: string): Promise<void> {
    await tx.query('DELETE FROM payment_file_layouts WHERE id = ?', [id]);
  }

  // ── Files ──

  async createFile(
    tx: Tx,
    file: Pick<
      PaymentFileRow,
      'clientId' | 'layoutName' | 'layout' | 'channel' | 'fileName' | 'storedPath' | 'sizeBytes' | 'sha256'
    > & { createdBy: string },
  ): Promise<string> {
    const result = (await tx.query(
      `INSERT INTO payment_files (client_id, layout_name, layout, channel, file_name, stored_path, size_bytes, sha256, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        file.clientId,
        file.layoutName,
        JSON.stringify(file.layout),
        file.channel,
        file.fileName,
        file.storedPath,
        file.sizeBytes,
        file.sha256,
        file.createdBy,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async file(id: string): Promise<PaymentFileRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${FILE_COLUMNS} FROM payment_files f JOIN clients c ON c.id = f.client_id WHERE f.id = ?`,
      [id],
    )) as Raw[];
    return row ? toFile(row) : null;
  }

  async recentFiles(limit = 50): Promise<PaymentFileRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${FILE_COLUMNS} FROM payment_files f JOIN clients c ON c.id = f.client_id
        ORDER BY f.id DESC LIMIT ?`,
      [limit],
    )) as Raw[];
    return rows.map(toFile);
  }

  /** What each file applied, per currency: its payments are tied to it by batch id and channel. */
  async appliedTotals(
    fileIds: readonly string[],
  ): Promise<Map<string, { currency: string; amountMinor: number }[]>> {
    const totals = new Map<string, { currency: string; amountMinor: number }[]>();
    if (fileIds.length === 0) return totals;
    const rows = (await this.dataSource.query(
      `SELECT batch_id, currency, SUM(amount_minor) AS total FROM payments
        WHERE batch_id IN (?) AND channel IN ('bank', 'cashier') AND status = 'applied'
        GROUP BY batch_id, currency ORDER BY currency`,
      [fileIds],
    )) as Raw[];
    for (const r of rows) {
      const id = String(r['batch_id']);
      totals.set(id, [
        ...(totals.get(id) ?? []),
        { currency: String(r['currency']), amountMinor: Number(r['total']) },
      ]);
    }
    return totals;
  }

  async markRunning(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE payment_files SET status = 'running', started_at = ?, error = NULL, processed_rows = 0, applied = 0,
         duplicates = 0, rejected = 0, bytes_read = 0 WHERE id = ?`,
      [at, id],
    );
    await this.dataSource.query('DELETE FROM payment_file_rejects WHERE file_id = ?', [id]);
  }

  async saveProgress(id: string, progress: FileProgress): Promise<void> {
    await this.dataSource.query(
      'UPDATE payment_files SET processed_rows = ?, applied = ?, duplicates = ?, rejected = ?, bytes_read = ? WHERE id = ?',
      [
        progress.processedRows,
        progress.applied,
        progress.duplicates,
        progress.rejected,
        progress.bytesRead,
        id,
      ],
    );
  }

  async finish(id: string, progress: FileProgress, at: Date): Promise<void> {
    await this.saveProgress(id, progress);
    await this.dataSource.query(
      "UPDATE payment_files SET status = 'completed', finished_at = ? WHERE id = ?",
      [at, id],
    );
  }

  async fail(id: string, error: string, at: Date): Promise<void> {
    await this.dataSource.query(
      "UPDATE payment_files SET status = 'failed', error = ?, finished_at = ? WHERE id = ?",
      [error.slice(0, 4000), at, id],
    );
  }

  async insertRejects(fileId: string, rejects: readonly PaymentLineProblem[]): Promise<void> {
    if (rejects.length === 0) return;
    await this.dataSource.query(
      'INSERT INTO payment_file_rejects (file_id, line, column_name, code, params) VALUES ?',
      [rejects.map((r) => [fileId, r.line, r.column.slice(0, 120), r.code, JSON.stringify(r.params)])],
    );
  }

  /** The rejects in file order, a page at a time. */
  async *rejects(fileId: string, pageSize = 5000): AsyncGenerator<StoredReject[]> {
    let after = { line: 0, id: 0 };
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, line, column_name, code, params FROM payment_file_rejects
          WHERE file_id = ? AND (line > ? OR (line = ? AND id > ?)) ORDER BY line, id LIMIT ?`,
        [fileId, after.line, after.line, after.id, pageSize],
      )) as Raw[];
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        line: Number(r['line']),
        columnName: String(r['column_name']),
        code: r['code'] as PaymentRowProblemCode,
        params: r['params'] ? json<PaymentRowProblemParams>(r['params']) : {},
      }));
      const last = rows[rows.length - 1];
      after = { line: Number(last['line']), id: Number(last['id']) };
    }
  }
}
