import {
  isFieldOrderOverdue,
  type FieldOrderCause,
  type FieldOrderKind,
  type FieldOrderResponse,
  type FieldOrderState,
} from '@recupera/shared';

type Raw = Record<string, unknown>;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const instant = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : null);

/** The columns `toFieldOrderResponse` reads (o: field_orders, a: accounts). */
export const FIELD_ORDER_COLUMNS = `o.id, o.kind, o.state, o.cause, o.client_id, o.account_id, a.account_number,
  d.full_name AS debtor_name,
  (SELECT cp.value FROM contact_points cp WHERE cp.debtor_id = a.debtor_id AND cp.type = 'address'
    ORDER BY cp.id LIMIT 1) AS address,
  o.route, o.crew_id, u.full_name AS crew_name, o.unpaid_bills, o.fee_minor, o.currency, s.stratum, o.due_at,
  o.created_at, o.assigned_at, o.executed_at, o.closed_at, o.close_reason, o.notes`;

export const FIELD_ORDER_FROM = `FROM field_orders o
  JOIN accounts a ON a.id = o.account_id
  JOIN debtors d ON d.id = a.debtor_id
  LEFT JOIN users u ON u.id = o.crew_id
  LEFT JOIN utility_services s ON s.account_id = o.account_id`;

export function toFieldOrderResponse(row: Raw, now: Date): FieldOrderResponse {
  const state = row['state'] as FieldOrderState;
  const dueAt = row['due_at'] as Date;
  return {
    id: String(row['id']),
    kind: row['kind'] as FieldOrderKind,
    state,
    cause: row['cause'] as FieldOrderCause,
    clientId: String(row['client_id']),
    accountId: String(row['account_id']),
    accountNumber: String(row['account_number']),
    debtorName: text(row['debtor_name']),
    address: text(row['address']),
    route: text(row['route']),
    crewId: text(row['crew_id']),
    crewName: text(row['crew_name']),
    unpaidBills: Number(row['unpaid_bills']),
    feeMinor: Number(row['fee_minor']),
    currency: String(row['currency']),
    stratum: row['stratum'] === null || row['stratum'] === undefined ? null : Number(row['stratum']),
    dueAt: dueAt.toISOString(),
    createdAt: (row['created_at'] as Date).toISOString(),
    assignedAt: instant(row['assigned_at']),
    executedAt: instant(row['executed_at']),
    closedAt: instant(row['closed_at']),
    closeReason: text(row['close_reason']),
    notes: text(row['notes']),
    overdue: isFieldOrderOverdue({ state, dueAt }, now),
  };
}
