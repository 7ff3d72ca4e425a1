import {
  FIELD_ORDER_AGE_BUCKETS,
  FIELD_ORDER_AGE_LIMIT_HOURS,
  OPEN_FIELD_ORDER_STATES,
  type FieldOrderAgeBucket,
  type FieldOrderState,
} from './field-order-enums.constant';

const HOUR_MS = 3_600_000;

/** The fields the supervisors' ordering reads; instants as Dates or ISO strings. */
export interface QueuedFieldOrder {
  id: string;
  state: FieldOrderState;
  dueAt: Date | string;
  createdAt: Date | string;
}

const ms = (value: Date | string): number =>
  typeof value === 'string' ? Date.parse(value) : value.getTime();

/** An open order whose due time has passed. */
export function isFieldOrderOverdue(order: Pick<QueuedFieldOrder, 'state' | 'dueAt'>, now: Date): boolean {
  return OPEN_FIELD_ORDER_STATES.includes(order.state) && ms(order.dueAt) < now.getTime();
}

/**
 * The supervisors' (and crews') order: overdue orders first, then the oldest first, so nothing
 * waits behind newer work; ids break ties so pages never shuffle.
 */
export function compareFieldOrders(now: Date): (a: QueuedFieldOrder, b: QueuedFieldOrder) => number {
  return (a, b) => {
    const overdue = Number(isFieldOrderOverdue(b, now)) - Number(isFieldOrderOverdue(a, now));
    if (overdue !== 0) return overdue;
    const age = ms(a.createdAt) - ms(b.createdAt);
    if (age !== 0) return age;
    return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/** How long an order has been waiting, as the board's buckets. */
export function fieldOrderAgeBucket(createdAt: Date | string, now: Date): FieldOrderAgeBucket {
  const hours = (now.getTime() - ms(createdAt)) / HOUR_MS;
  return (
    FIELD_ORDER_AGE_BUCKETS.find((bucket) => {
      const limit = FIELD_ORDER_AGE_LIMIT_HOURS[bucket];
      return limit === null || hours < limit;
    }) ?? '7d+'
  );
}
