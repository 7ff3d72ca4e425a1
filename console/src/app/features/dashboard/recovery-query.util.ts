import {
  DELINQUENCY_DIMENSIONS,
  addMonths,
  type DelinquencyDimension,
  type DelinquencyQuery,
  type ExportFormat,
  type RecoveryExportTable,
  type RecoveryQuery,
} from '@recupera/shared';
import type { Params } from '@angular/router';

// The same shapes the server validates (recovery.dto.ts): anything else is dropped, not sent.
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[1-9]\d{0,18}$/;
const CURRENCY = /^[A-Z]{3}$/;

export const DEFAULT_DIMENSION: DelinquencyDimension = 'aging';
export const MONTH_OPTIONS = 24;

/** Query-string values as the router hands them over: strings, possibly absent or garbage. */
export interface RecoveryQueryParams {
  month?: string;
  clientId?: string;
  portfolioId?: string;
  teamId?: string;
  currency?: string;
  by?: string;
}

/** Everything the page shows is a function of this: the dashboard's query and the delinquency grouping. */
export interface RecoveryView {
  query: RecoveryQuery;
  by: DelinquencyDimension;
}

export type RecoveryFilter = 'month' | 'clientId' | 'portfolioId' | 'teamId' | 'currency' | 'by';

/** The browser's current month, 'YYYY-MM' (the agency works in one time zone with its people). */
export function currentMonth(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function valid(text: string | undefined, pattern: RegExp): string | undefined {
  return text !== undefined && pattern.test(text) ? text : undefined;
}

function isDimension(text: string | undefined): text is DelinquencyDimension {
  return (DELINQUENCY_DIMENSIONS as readonly (string | undefined)[]).includes(text);
}

/** The URL's filters as a valid query; the month defaults to the current one. */
export function toRecoveryView(params: RecoveryQueryParams, now: Date): RecoveryView {
  const query: RecoveryQuery = { month: valid(params.month, MONTH) ?? currentMonth(now) };
  const clientId = valid(params.clientId, ID);
  // A portfolio only narrows the view together with its client, as the filter bar picks them.
  const portfolioId = clientId ? valid(params.portfolioId, ID) : undefined;
  const teamId = valid(params.teamId, ID);
  const currency = valid(params.currency, CURRENCY);
  if (clientId) query.clientId = clientId;
  if (portfolioId) query.portfolioId = portfolioId;
  if (teamId) query.teamId = teamId;
  if (currency) query.currency = currency;
  return { query, by: isDimension(params.by) ? params.by : DEFAULT_DIMENSION };
}

/**
 * The query-param change for one filter, for `mergeQueryParams`: an empty value leaves the URL, and
 * a filter that narrows another resets it (a new client's portfolios and currency are different).
 */
export function filterParams(filter: RecoveryFilter, value: string | null | undefined): Params {
  const next = value ? value : null;
  switch (filter) {
    case 'clientId':
      return { clientId: next, portfolioId: null, currency: null };
    case 'portfolioId':
      return { portfolioId: next, currency: null };
    case 'by':
      return { by: next === DEFAULT_DIMENSION ? null : next };
    case 'month':
    case 'teamId':
    case 'currency':
      return { [filter]: next };
  }
}

/** Request params without the unset ones (HttpClient would send `undefined` as text). */
export function httpParams(values: object): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(values))
    if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
  return params;
}

/** The dashboard query as HTTP params: only the filters that are set. */
export function recoveryParams(query: RecoveryQuery): Record<string, string> {
  return httpParams({
    month: query.month,
    clientId: query.clientId,
    portfolioId: query.portfolioId,
    teamId: query.teamId,
    currency: query.currency,
  });
}

/** Delinquency is a snapshot of balances: it has no month and no team, only client, portfolio and currency. */
export function delinquencyQuery(query: RecoveryQuery, by: DelinquencyDimension): DelinquencyQuery {
  const result: DelinquencyQuery = { by };
  if (query.clientId) result.clientId = query.clientId;
  if (query.portfolioId) result.portfolioId = query.portfolioId;
  if (query.currency) result.currency = query.currency;
  return result;
}

export function exportFileName(table: RecoveryExportTable, month: string, format: ExportFormat): string {
  return `${table}-${month}.${format}`;
}

/** The months the filter offers, newest first, always including the one on screen. */
export function monthOptions(now: Date, selected: string, count = MONTH_OPTIONS): string[] {
  const latest = currentMonth(now);
  const months = Array.from({ length: count }, (_, index) => addMonths(`${latest}-01`, -index).slice(0, 7));
  return months.includes(selected) ? months : [...months, selected].sort().reverse();
}
