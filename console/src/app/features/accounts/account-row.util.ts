import {
  ACCOUNT_STATUSES,
  AGING_BUCKETS,
  type AccountListItem,
  type AccountSearchQuery,
  type AccountStatus,
  type AgingBucket,
} from '@recupera/shared';
import type { I18nService } from '../../core/i18n/i18n.service';
import type { AccountColumn, AccountRow } from '../../ui/account-table.component';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export function toAccountRow(item: AccountListItem, i18n: I18nService): AccountRow {
  return {
    id: item.id,
    accountNumber: item.accountNumber,
    debtor: item.debtorName ?? i18n.t('account.unnamed'),
    portfolio: `${item.clientCode} · ${item.portfolioName}`,
    balance: i18n.money(item.balance),
    daysPastDue: i18n.number(item.daysPastDue),
    agingBucket: item.agingBucket,
    agingLabel: i18n.label('aging', item.agingBucket),
    status: item.status,
    statusLabel: i18n.label('accountStatus', item.status),
    agent: item.assignedAgentName ?? i18n.t('account.unassigned'),
  };
}

export function accountHeaders(i18n: I18nService): Record<AccountColumn, string> {
  return {
    accountNumber: i18n.t('account.number'),
    debtor: i18n.t('account.debtor'),
    portfolio: i18n.t('account.portfolio'),
    balance: i18n.t('account.balance'),
    daysPastDue: i18n.t('account.daysPastDue'),
    aging: i18n.t('account.aging'),
    status: i18n.t('account.status'),
    agent: i18n.t('account.agent'),
  };
}

/** Query-string values as they arrive from the router (strings, possibly absent or garbage). */
export interface AccountQueryParams {
  q?: string;
  portfolioId?: string;
  status?: string;
  agingBucket?: string;
  page?: string;
  pageSize?: string;
}

function positiveInt(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Turns the URL's filters into a valid API query, dropping values the API would reject. */
export function toAccountQuery(params: AccountQueryParams): AccountSearchQuery {
  const status = (ACCOUNT_STATUSES as readonly string[]).includes(params.status ?? '')
    ? (params.status as AccountStatus)
    : undefined;
  const agingBucket = (AGING_BUCKETS as readonly string[]).includes(params.agingBucket ?? '')
    ? (params.agingBucket as AgingBucket)
    : undefined;
  const pageSize = positiveInt(params.pageSize, DEFAULT_PAGE_SIZE);
  return {
    q: params.q?.trim() || undefined,
    portfolioId: params.portfolioId || undefined,
    status,
    agingBucket,
    page: positiveInt(params.page, 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}
