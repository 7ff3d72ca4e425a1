import type { AgingBucket } from '../domain/aging.util';
import type { AccountStatus } from '../domain/enums.constant';
import type { Money } from '../domain/money.util';
import type { PageQuery } from './paging.type';

/**
 * Who a team is: the agency's own floor, an external collection agency, or a law firm. External
 * teams' users are ordinary agents and supervisors, so they reach exactly the accounts assigned to
 * their team (or to them), like any team.
 */
export const TEAM_KINDS = ['internal', 'external_agency', 'law_firm'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Court collection (judicial) or a public creditor's own coercive collection (coactiva). */
export const LEGAL_STAGES = ['judicial', 'coactiva'] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

/** Where an account is worked: by the agency's floor, by an external agency, or in the legal stage. */
export const ACCOUNT_STAGES = ['internal', 'external', 'legal'] as const;
export type AccountStage = (typeof ACCOUNT_STAGES)[number];

export const LEGAL_CASE_STATUSES = ['open', 'closed'] as const;
export type LegalCaseStatus = (typeof LEGAL_CASE_STATUSES)[number];

/** What a firm records it did on a case. `lawsuit_served` also dates the service on the case. */
export const LEGAL_ACTION_KINDS = [
  'filing',
  'admission',
  'payment_order',
  'lawsuit_served',
  'notification',
  'hearing',
  'seizure',
  'ruling',
  'settlement',
  'other',
] as const;
export type LegalActionKind = (typeof LEGAL_ACTION_KINDS)[number];

/** Entries the server writes itself when a case opens, changes firm or closes. */
export const LEGAL_SYSTEM_ACTION_KINDS = ['case_opened', 'firm_changed', 'case_closed'] as const;
export type LegalSystemActionKind = (typeof LEGAL_SYSTEM_ACTION_KINDS)[number];

export type LegalLogKind = LegalActionKind | LegalSystemActionKind;

/** What an account owes, split as the ledger keeps it; principal = balance − interest − fees. */
export interface DebtBreakdown {
  currency: string;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  balanceMinor: number;
}

/** GET /legal/teams — a team accounts may be transferred to, with its kind. */
export interface LegalTeamResponse {
  id: string;
  name: string;
  kind: TeamKind;
  supervisorName: string | null;
  openCases: number;
}

/** PATCH /legal/teams/:id — an admin marks a team as internal, an external agency or a law firm. */
export interface SetTeamKindRequest {
  kind: TeamKind;
}

/** Accounts chosen by a filter instead of by id; at least a portfolio or a source team. */
export interface StageTransferFilter {
  portfolioId?: string;
  fromTeamId?: string;
  status?: AccountStatus;
  agingBucket?: AgingBucket;
  minDaysPastDue?: number;
}

/**
 * POST /legal/transfers — moves accounts (by ids or by a filter, exactly one) to a team in one
 * transaction. With `legalStage` the accounts enter the legal stage with that firm (a case opens, or
 * an open one follows them); without it they leave the legal stage (open cases close).
 */
export interface StageTransferRequest {
  accountIds?: string[];
  filter?: StageTransferFilter;
  toTeamId: string;
  toAgentId?: string;
  legalStage?: LegalStage;
  note?: string;
}

export interface StageTransferResponse {
  stage: AccountStage;
  transferred: number;
  casesOpened: number;
  casesMoved: number;
  casesClosed: number;
  /** The open cases of the transferred accounts (legal stage), or the ones closed. */
  caseIds: string[];
}

export const MAX_TRANSFER_ACCOUNTS = 20_000;

export interface LegalCaseQuery extends PageQuery {
  status?: LegalCaseStatus;
  stage?: LegalStage;
  firmTeamId?: string;
  /** Account number, debtor's national id, or the court's case number. */
  q?: string;
}

export interface LegalCaseListItem {
  id: string;
  accountId: string;
  accountNumber: string;
  debtorName: string | null;
  clientName: string;
  stage: LegalStage;
  status: LegalCaseStatus;
  firmTeamId: string;
  firmName: string;
  openedAt: string;
  lawsuitServedAt: string | null;
  court: string | null;
  caseNumber: string | null;
  balance: Money;
  lastActionAt: string | null;
}

export interface LegalActionResponse {
  id: string;
  kind: LegalLogKind;
  at: string;
  byName: string | null;
  notes: string | null;
}

export interface LegalCaseDetail extends LegalCaseListItem {
  openedByName: string | null;
  closedAt: string | null;
  /** The debt when the case opened (what was handed to the firm). */
  debtAtOpening: DebtBreakdown;
  /** The debt now. */
  debt: DebtBreakdown;
  actions: LegalActionResponse[];
}

/** POST /legal/cases/:id/actions — court and case number, when given, are kept on the case. */
export interface RecordLegalActionRequest {
  kind: LegalActionKind;
  /** When it happened (ISO instant, not in the future). */
  at: string;
  notes?: string;
  court?: string;
  caseNumber?: string;
}
