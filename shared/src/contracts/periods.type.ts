import type { AgingBucket } from '../domain/aging.util';

/**
 * A month of the agency's calendar: `open` while its figures may still move, `closing` while a
 * manager's close is taking its snapshot (payments dated in it are already booked elsewhere),
 * `closed` once its figures are frozen.
 */
export const PERIOD_STATUSES = ['open', 'closing', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_SCOPES = ['agency', 'client', 'portfolio', 'team'] as const;
export type PeriodScope = (typeof PERIOD_SCOPES)[number];

/** Why a period refused a write or a close (`details.reason` of a 409). */
export enum PeriodError {
  /** The write is dated inside a closed month. */
  Closed = 'period_closed',
  /** The month was already closed. */
  AlreadyClosed = 'period_already_closed',
  /** The month has not ended yet in the agency's calendar. */
  NotEnded = 'period_not_ended',
}

export interface PeriodConflictDetails {
  reason: PeriodError;
  /** 'YYYY-MM'. */
  month: string;
}

/** GET /periods — one row per month the agency has figures for, newest first. */
export interface PeriodSummary {
  /** 'YYYY-MM' in the agency's calendar. */
  month: string;
  status: PeriodStatus;
  /** The month is over in the agency's calendar: only then may it be closed. */
  ended: boolean;
  closedAt: string | null;
  closedByName: string | null;
}

/** The receivable balance of one aging bucket (DESIGN.md §3). */
export interface PeriodAgingRow {
  bucket: AgingBucket;
  accounts: number;
  balanceMinor: number;
  overdueMinor: number;
}

/** A scope's money in one currency: never added to another currency's. */
export interface PeriodCurrencyFigures {
  currency: string;
  recoveredMinor: number;
  promisedMinor: number;
  balanceMinor: number;
  overdueMinor: number;
  delinquencyIndex: number | null;
  aging: PeriodAgingRow[];
}

/** The month's figures of the agency, a client, a portfolio or a team. */
export interface PeriodScopeFigures {
  scope: PeriodScope;
  /** null for the agency as a whole. */
  scopeId: string | null;
  name: string;
  /** A portfolio's client. */
  clientId?: string;
  attempts: number;
  rightPartyContacts: number;
  agreements: number;
  installmentsDue: number;
  installmentsKept: number;
  keptRate: number | null;
  /** Recorrido: accounts held in the month, attempted, reached (right-party contact). */
  assigned: number;
  attempted: number;
  rightParty: number;
  sweepRate: number | null;
  contactedSweepRate: number | null;
  money: PeriodCurrencyFigures[];
}

/** What a close freezes: the figures of the month and the balances by aging when they were taken. */
export interface PeriodFigures {
  /** When the figures were counted: the close for a closed month, the request for an open one. */
  countedAt: string;
  agency: PeriodScopeFigures;
  clients: PeriodScopeFigures[];
  portfolios: PeriodScopeFigures[];
  teams: PeriodScopeFigures[];
}

/** GET /periods/:month — the frozen snapshot of a closed month, live figures of an open one. */
export interface PeriodReport extends PeriodSummary {
  figures: PeriodFigures;
}
