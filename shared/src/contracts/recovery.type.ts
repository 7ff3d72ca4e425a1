import type { MetricScope } from '../metrics/period-metrics.util';
import type { Page } from './paging.type';

/**
 * GET /recovery — the manager's recovery dashboard for a month, read from the rollups. Money is in
 * one currency (the client's, or `currency`): amounts in other currencies are never added to it.
 */
export interface RecoveryQuery {
  /** 'YYYY-MM' in the agency's calendar. */
  month: string;
  clientId?: string;
  portfolioId?: string;
  teamId?: string;
  currency?: string;
}

export interface RecoveryTotals {
  recoveredMinor: number;
  previousMonthMinor: number;
  /** +0.25 = a quarter more than the previous month; null when it recovered nothing. */
  changeOverPrevious: number | null;
  goalMinor: number | null;
  attainment: number | null;
  /** The run-rate per business day so far, over the month's business days, against the goal. */
  projectedAttainment: number | null;
  yearToDateMinor: number;
  annualGoalMinor: number | null;
  yearToDateAttainment: number | null;
}

/** One supervisor's team: what the manager holds each supervisor to. */
export interface TeamRecovery extends RecoveryTotals {
  teamId: string;
  teamName: string;
  supervisorId: string | null;
  supervisorName: string | null;
}

export interface RecoveryDayPoint {
  /** Day of the month, 1–31: this month and the previous one side by side. */
  day: number;
  recoveredMinor: number;
  previousMonthMinor: number;
  cumulativeMinor: number;
  previousCumulativeMinor: number;
}

/** Attempts → people answered → right-party contacts → promises → kept. */
export interface RecoveryFunnel {
  attempts: number;
  humanAnswered: number;
  rightPartyContacts: number;
  agreements: number;
  promisedMinor: number;
  installmentsDue: number;
  installmentsKept: number;
  contactRate: number | null;
  rpcRate: number | null;
  promiseRate: number | null;
  keptRate: number | null;
}

/** Recorrido de cartera of one portfolio, team or agent. */
export interface SweepRow {
  scope: MetricScope;
  scopeId: string;
  name: string;
  assigned: number;
  attempted: number;
  rightParty: number;
  sweepRate: number | null;
  contactedSweepRate: number | null;
}

export interface AgentRanking {
  agentId: string;
  agentName: string;
  teamName: string | null;
  recoveredMinor: number;
  agreements: number;
  promisedMinor: number;
  attempts: number;
  rightPartyContacts: number;
  contactRate: number | null;
  talkSeconds: number;
}

export interface RecoveryDashboard {
  month: string;
  currency: string;
  /** Currencies the filtered scope has money in; the dashboard shows one at a time. */
  currencies: string[];
  businessDaysElapsed: number;
  businessDaysInMonth: number;
  totals: RecoveryTotals;
  teams: TeamRecovery[];
  trend: RecoveryDayPoint[];
  funnel: RecoveryFunnel;
  sweep: { portfolios: SweepRow[]; teams: SweepRow[]; agents: SweepRow[] };
  leaderboard: AgentRanking[];
}

export const DELINQUENCY_DIMENSIONS = ['aging', 'sector', 'red', 'zona'] as const;
export type DelinquencyDimension = (typeof DELINQUENCY_DIMENSIONS)[number];

/** GET /recovery/delinquency — índice de morosidad by aging bucket or by sector / red / zona. */
export interface DelinquencyQuery {
  by: DelinquencyDimension;
  clientId?: string;
  portfolioId?: string;
  currency?: string;
}

export interface DelinquencyRow {
  /** The bucket ('0-30', '31-60' …) or the sector / red / zona ('' for accounts without one). */
  key: string;
  accounts: number;
  totalBalanceMinor: number;
  overdueBalanceMinor: number;
  /** Overdue ÷ total of the group. */
  delinquencyIndex: number | null;
  /** The group's share of the whole filtered balance. */
  shareOfBalance: number | null;
}

export interface DelinquencyResponse {
  by: DelinquencyDimension;
  currency: string;
  /** Currencies the filtered portfolios are owed in, largest balance first. */
  currencies: string[];
  /** When the figures were counted (they are refreshed every few minutes). */
  countedAt: string | null;
  rows: DelinquencyRow[];
}

export const DRILL_MEASURES = ['assigned', 'attempted', 'not_attempted', 'right_party'] as const;
export type DrillMeasure = (typeof DRILL_MEASURES)[number];

/** GET /recovery/accounts — the accounts behind a sweep figure. */
export interface DrillQuery {
  month: string;
  scope: MetricScope;
  scopeId: string;
  measure: DrillMeasure;
  page?: number;
  pageSize?: number;
}

export interface DrillAccount {
  accountId: string;
  accountNumber: string;
  debtorName: string;
  balanceMinor: number;
  currency: string;
  daysPastDue: number;
  attempted: boolean;
  rightParty: boolean;
}

export type DrillResponse = Page<DrillAccount>;

export const RECOVERY_EXPORT_TABLES = [
  'teams',
  'trend',
  'sweep-portfolios',
  'sweep-teams',
  'sweep-agents',
  'leaderboard',
] as const;
export type RecoveryExportTable = (typeof RECOVERY_EXPORT_TABLES)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
