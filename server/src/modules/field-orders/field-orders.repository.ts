import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FIELD_ORDER_AGE_BUCKETS,
  FIELD_ORDER_AGE_LIMIT_HOURS,
  FIELD_ORDER_STATES,
  type FieldOrderCause,
  type FieldOrderKind,
  type FieldOrderListQuery,
  type FieldOrderOutcome,
  type FieldOrderResponse,
  type FieldOrderState,
  type FieldOrderSummary,
  type FieldOrderSummaryQuery,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { PageWindow } from '../../common/http/page.util';
import type { Tx } from '../../database/unit-of-work.service';
import { FIELD_ORDER_COLUMNS, FIELD_ORDER_FROM, toFieldOrderResponse } from './field-order.mapper';

type Raw = Record<string, unknown>;

/** Whose orders a query may see: a crew only its own, a supervisor their teams' accounts', others all. */
export type FieldOrderScope = { crewId: string } | { teamIds: string[] | 'all' };

export interface NewFieldOrder {
  clientId: string;
  accountId: string;
  kind: FieldOrderKind;
  cause: FieldOrderCause;
  causeRef: string | null;
  route: string | null;
  crewId: string | null;
  unpaidBills: number;
  feeMinor: number;
  currency: string;
  dueAt: Date;
  at: Date;
}

export interface LockedFieldOrder {
  id: string;
  accountId: string;
  kind: FieldOrderKind;
  state: FieldOrderState;
  crewId: string | null;
  createdAt: Date;
}

const HOUR_MS = 3_600_000;

function scopeSql(scope: FieldOrderScope): { sql: string; params: unknown[] } {
  if ('crewId' in scope) return { sql: 'o.crew_id = ?', params: [scope.crewId] };
  if (scope.teamIds === 'all') return { sql: '1 = 1', params: [] };
  if (scope.teamIds.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: 'a.assigned_team_id IN (?)', params: [scope.teamIds] };
}

function filterSql(
  scope: FieldOrderScope,
  filters: Omit<FieldOrderListQuery, 'page' | 'pageSize'>,
  now: Date,
): { where: string; params: unknown[] } {
  const { sql, params } = scopeSql(scope);
  const parts = [sql];
  if (filters.state) {
    parts.push('o.state = ?');
    params.push(filters.state);
  }
  if (filters.kind) {
    parts.push('o.kind = ?');
    params.push(filters.kind);
  }
  if (filters.route !== undefined) {
    parts.push('o.route = ?');
    params.push(filters.route);
  }
  if (filters.clientId) {
    parts.push('o.client_id = ?');
    params.push(filters.clientId);
  }
  if (filters.overdue) {
    parts.push('o.open_flag IS NOT NULL AND o.due_at < ?');
    params.push(now);
  }
  return { where: parts.join(' AND '), params };
}

/** Field orders in raw SQL; every write runs in the caller's transaction, after the account's lock. */
@Injectable()
export class FieldOrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts an open order; null when the account already has an open one of the kind (the unique
   * key on open orders refuses it; InnoDB undoes only that statement, the transaction goes on).
   */
  async insertOpen(tx: Tx, order: NewFieldOrder): Promise<string | null> {
    try {
      const result = (await tx.query(
        `INSERT INTO field_orders (client_id, account_id, kind, state, cause, cause_ref, route, crew_id, unpaid_bills,
            fee_minor, currency, due_at, assigned_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          order.clientId,
          order.accountId,
          order.kind,
          order.crewId ? 'assigned' : 'pending',
          order.cause,
          order.causeRef,
          order.route,
          order.crewId,
          order.unpaidBills,
          order.feeMinor,
          order.currency,
          order.dueAt,
          order.crewId ? order.at : null,
          order.at,
          order.at,
        ],
      )) as { insertId: number };
      return String(result.insertId);
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  /** The active crew covering a client's route, if one does. */
  async crewForRoute(tx: Tx, clientId: string, route: string | null): Promise<string | null> {
    if (route === null) return null;
    const [row] = (await tx.query(
      `SELECT r.crew_id FROM field_crew_routes r JOIN users u ON u.id = r.crew_id AND u.active = 1 AND u.role = 'field'
        WHERE r.client_id = ? AND r.route = ?`,
      [clientId, route],
    )) as Raw[];
    return row ? String(row['crew_id']) : null;
  }

  async cancel(tx: Tx, id: string, reason: string, at: Date): Promise<boolean> {
    const result = (await tx.query(
      `UPDATE field_orders SET state = 'cancelled', closed_at = ?, close_reason = ?, updated_at = ?
        WHERE id = ? AND open_flag = 1`,
      [at, reason, at, id],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** The order's account and crew (no lock), for scope checks before the account is locked. */
  async peek(id: string, scope: FieldOrderScope): Promise<LockedFieldOrder | null> {
    const { sql, params } = scopeSql(scope);
    const [row] = (await this.dataSource.query(
      `SELECT o.id, o.account_id, o.kind, o.state, o.crew_id, o.created_at FROM field_orders o
         JOIN accounts a ON a.id = o.account_id WHERE o.id = ? AND ${sql}`,
      [id, ...params],
    )) as Raw[];
    return row ? toLocked(row) : null;
  }

  async lock(tx: Tx, id: string): Promise<LockedFieldOrder | null> {
    const [row] = (await tx.query(
      'SELECT id, account_id, kind, state, crew_id, created_at FROM field_orders WHERE id = ? FOR UPDATE',
      [id],
    )) as Raw[];
    return row ? toLocked(row) : null;
  }

  async setOutcome(
    tx: Tx,
    id: string,
    outcome: FieldOrderOutcome,
    occurredAt: Date,
    notes: string | null,
    by: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE field_orders SET state = ?, executed_at = ?, closed_at = ?, notes = ?, reported_by = ?,
          updated_at = UTC_TIMESTAMP(3) WHERE id = ?`,
      [outcome, outcome === 'executed' ? occurredAt : null, occurredAt, notes, by, id],
    );
  }

  async assign(tx: Tx, id: string, crewId: string, by: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE field_orders SET state = 'assigned', crew_id = ?, assigned_at = ?, assigned_by = ?, updated_at = ?
        WHERE id = ?`,
      [crewId, at, by, at, id],
    );
  }

  async find(id: string, scope: FieldOrderScope, now: Date): Promise<FieldOrderResponse | null> {
    const { sql, params } = scopeSql(scope);
    const [row] = (await this.dataSource.query(
      `SELECT ${FIELD_ORDER_COLUMNS} ${FIELD_ORDER_FROM} WHERE o.id = ? AND ${sql}`,
      [id, ...params],
    )) as Raw[];
    return row ? toFieldOrderResponse(row, now) : null;
  }

  /**
   * A page of orders, overdue ones first, then the oldest (the order `compareFieldOrders` defines,
   * which the integration test holds this SQL to).
   */
  async list(
    scope: FieldOrderScope,
    filters: Omit<FieldOrderListQuery, 'page' | 'pageSize'>,
    window: PageWindow,
    now: Date,
  ): Promise<[FieldOrderResponse[], number]> {
    const { where, params } = filterSql(scope, filters, now);
    const [count] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM field_orders o JOIN accounts a ON a.id = o.account_id WHERE ${where}`,
      params,
    )) as Raw[];
    const rows = (await this.dataSource.query(
      `SELECT ${FIELD_ORDER_COLUMNS} ${FIELD_ORDER_FROM} WHERE ${where}
        ORDER BY (o.open_flag IS NOT NULL AND o.due_at < ?) DESC, o.created_at, o.id LIMIT ? OFFSET ?`,
      [...params, now, window.pageSize, window.skip],
    )) as Raw[];
    return [rows.map((row) => toFieldOrderResponse(row, now)), Number(count?.['n'] ?? 0)];
  }

  /** A crew's open orders and those it closed since `since`, overdue first, then the oldest. */
  async crewOrders(crewId: string, since: Date, now: Date): Promise<FieldOrderResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${FIELD_ORDER_COLUMNS} ${FIELD_ORDER_FROM}
        WHERE o.crew_id = ? AND (o.state = 'assigned' OR (o.state IN ('executed', 'failed') AND o.closed_at >= ?))
        ORDER BY (o.open_flag IS NOT NULL AND o.due_at < ?) DESC, o.created_at, o.id LIMIT 500`,
      [crewId, since, now],
    )) as Raw[];
    return rows.map((row) => toFieldOrderResponse(row, now));
  }

  async summary(
    scope: FieldOrderScope,
    filters: FieldOrderSummaryQuery,
    now: Date,
  ): Promise<FieldOrderSummary> {
    const { where, params } = filterSql(scope, filters, now);
    const from = `FROM field_orders o JOIN accounts a ON a.id = o.account_id WHERE ${where}`;
    const byStateRows = (await this.dataSource.query(
      `SELECT o.state, COUNT(*) AS n ${from} GROUP BY o.state`,
      params,
    )) as Raw[];
    const since = (hours: number | null) => new Date(now.getTime() - (hours ?? 0) * HOUR_MS);
    const ageRows = (await this.dataSource.query(
      `SELECT CASE WHEN o.created_at > ? THEN '0-24h' WHEN o.created_at > ? THEN '1-3d'
                   WHEN o.created_at > ? THEN '3-7d' ELSE '7d+' END AS bucket,
              COUNT(*) AS open, SUM(o.due_at < ?) AS overdue
         ${from} AND o.open_flag = 1 GROUP BY bucket`,
      [
        since(FIELD_ORDER_AGE_LIMIT_HOURS['0-24h']),
        since(FIELD_ORDER_AGE_LIMIT_HOURS['1-3d']),
        since(FIELD_ORDER_AGE_LIMIT_HOURS['3-7d']),
        now,
        ...params,
      ],
    )) as Raw[];
    const routeRows = (await this.dataSource.query(
      `SELECT o.route, COUNT(*) AS open, SUM(o.due_at < ?) AS overdue ${from} AND o.open_flag = 1
        GROUP BY o.route ORDER BY overdue DESC, open DESC, o.route LIMIT 200`,
      [now, ...params],
    )) as Raw[];
    const byState = Object.fromEntries(FIELD_ORDER_STATES.map((s) => [s, 0])) as Record<
      FieldOrderState,
      number
    >;
    for (const row of byStateRows) byState[row['state'] as FieldOrderState] = Number(row['n']);
    const ages = new Map(ageRows.map((r) => [String(r['bucket']), r]));
    const byAge = FIELD_ORDER_AGE_BUCKETS.map((bucket) => ({
      bucket,
      open: Number(ages.get(bucket)?.['open'] ?? 0),
      overdue: Number(ages.get(bucket)?.['overdue'] ?? 0),
    }));
    return {
      byState,
      byAge,
      overdue: byAge.reduce((sum, b) => sum + b.overdue, 0),
      byRoute: routeRows.map((r) => ({
        route: r['route'] === null ? null : String(r['route']),
        open: Number(r['open']),
        overdue: Number(r['overdue']),
      })),
      at: now.toISOString(),
    };
  }
}

function toLocked(row: Raw): LockedFieldOrder {
  return {
    id: String(row['id']),
    accountId: String(row['account_id']),
    kind: row['kind'] as FieldOrderKind,
    state: row['state'] as FieldOrderState,
    crewId: row['crew_id'] === null ? null : String(row['crew_id']),
    createdAt: row['created_at'] as Date,
  };
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  return e.code === 'ER_DUP_ENTRY' || e.driverError?.code === 'ER_DUP_ENTRY';
}
