import { Injectable } from '@nestjs/common';
import type { AuditEventResponse, AuditQuery, Page } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { pageWindow, toPage } from '../../common/http/page.util';
import type { Tx } from '../../database/unit-of-work.service';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  actor: AuthUser | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenHash', 'refreshToken']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_FIELDS.has(key))
      .map(([key, v]) => [key, scrub(v)]),
  );
}

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Records who changed what; pass the transaction of the write so both land or neither does. */
  async record(entry: AuditEntry, tx?: Tx): Promise<void> {
    await this.repository.insert(
      {
        actorId: entry.actor?.id ?? null,
        actorRole: entry.actor?.role ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        beforeData: scrub(entry.before) as object | null,
        afterData: scrub(entry.after) as object | null,
        ip: entry.ip ?? null,
        at: new Date(),
      },
      tx,
    );
  }

  async search(query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const window = pageWindow(query, 50);
    const [rows, total] = await this.repository.search(query, window);
    return toPage(
      rows.map((row) => ({
        id: row.id,
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.beforeData,
        after: row.afterData,
        at: row.at.toISOString(),
      })),
      total,
      window,
    );
  }
}
