export const FIELD_ORDERS_QUEUE = 'field-orders';

/** Jobs of the field-orders queue. */
export interface FieldOrderJobs {
  /** Applies the suspension / reconnection rules to every utility account (hourly, idempotent). */
  'field-orders.reconcile': Record<string, never>;
}

export type FieldOrderJobName = keyof FieldOrderJobs;
