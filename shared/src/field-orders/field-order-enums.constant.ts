/** What a field crew is sent to do at a utility's service point. */
export const FIELD_ORDER_KINDS = ['suspension', 'reconnection'] as const;
export type FieldOrderKind = (typeof FIELD_ORDER_KINDS)[number];

/** pending → assigned → executed | failed; an open order (pending, assigned) may be cancelled. */
export const FIELD_ORDER_STATES = ['pending', 'assigned', 'executed', 'failed', 'cancelled'] as const;
export type FieldOrderState = (typeof FIELD_ORDER_STATES)[number];

export const OPEN_FIELD_ORDER_STATES: readonly FieldOrderState[] = ['pending', 'assigned'];

/**
 * Why an order exists (or, for a cancelled suspension, why it was no longer needed): unpaid bills
 * for a suspension; the account paid in full, back under the bills threshold, or under a signed
 * agreement for a reconnection.
 */
export const FIELD_ORDER_CAUSES = [
  'unpaid_bills',
  'paid_in_full',
  'bills_under_threshold',
  'agreement',
] as const;
export type FieldOrderCause = (typeof FIELD_ORDER_CAUSES)[number];

/** What a crew reports back from the street. */
export const FIELD_ORDER_OUTCOMES = ['executed', 'failed'] as const;
export type FieldOrderOutcome = (typeof FIELD_ORDER_OUTCOMES)[number];

/** How often the utility bills: Ley 142 caps suspension by the number of periods, per period kind. */
export const BILLING_PERIODS = ['monthly', 'bimonthly'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const SERVICE_STATES = ['connected', 'suspended'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** Age of an open order since it was created, for the supervisors' board. */
export const FIELD_ORDER_AGE_BUCKETS = ['0-24h', '1-3d', '3-7d', '7d+'] as const;
export type FieldOrderAgeBucket = (typeof FIELD_ORDER_AGE_BUCKETS)[number];

/** Upper bound (exclusive) of each age bucket, in hours; the last one has none. */
export const FIELD_ORDER_AGE_LIMIT_HOURS: Readonly<Record<FieldOrderAgeBucket, number | null>> = {
  '0-24h': 24,
  '1-3d': 72,
  '3-7d': 168,
  '7d+': null,
};

/** A stratum is 1 (lowest income) to 6 (highest), as Colombian residential billing classes them. */
export const MIN_STRATUM = 1;
export const MAX_STRATUM = 6;
