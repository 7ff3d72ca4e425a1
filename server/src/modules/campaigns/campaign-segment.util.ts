import type { CampaignSegment } from '@recupera/shared';

/** A WHERE fragment with TypeORM named parameters (`:name`, `:...list`). */
export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The segment's filters over `accounts` as one parameterised condition; values never reach the SQL
 * text. Callers put it beside `portfolio_id = ? AND status = ?`, so with the aging buckets and the
 * balance range it is a range scan of ix_accounts_campaign_segment (portfolio_id, status,
 * aging_bucket, balance_minor); the other filters are checked on the rows that range yields.
 * Parameters are prefixed `seg` so they cannot clash with the caller's own.
 */
export function segmentWhere(segment: CampaignSegment, alias = 'a'): SqlFragment {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const column = (name: string) => `${alias}.${name}`;

  const list = (name: string, key: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(`${column(name)} IN (:...${key})`);
    params[key] = [...values];
  };
  const bound = (name: string, key: string, op: '>=' | '<=', value: number | undefined) => {
    if (value === undefined || value === null) return;
    conditions.push(`${column(name)} ${op} :${key}`);
    params[key] = value;
  };

  // In index order first, for whoever reads the query next to EXPLAIN.
  list('aging_bucket', 'segAging', segment.agingBuckets);
  bound('balance_minor', 'segBalanceMin', '>=', segment.balanceMinMinor);
  bound('balance_minor', 'segBalanceMax', '<=', segment.balanceMaxMinor);
  bound('days_past_due', 'segDpdMin', '>=', segment.daysPastDueMin);
  bound('days_past_due', 'segDpdMax', '<=', segment.daysPastDueMax);
  list('sector', 'segSectors', segment.sectors);
  list('zona', 'segZonas', segment.zonas);
  list('product', 'segProducts', segment.products);
  list('last_disposition_code', 'segLastDisposition', segment.lastDispositionCodes);
  bound('score', 'segScoreMin', '>=', segment.scoreMin);
  bound('score', 'segScoreMax', '<=', segment.scoreMax);

  return { sql: conditions.length > 0 ? conditions.join(' AND ') : '1 = 1', params };
}
