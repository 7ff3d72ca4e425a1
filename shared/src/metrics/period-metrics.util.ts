import { addDays, type IsoDate } from '../domain/dates.util';
import {
  contactRate,
  contactedSweepRate,
  keptRate,
  promiseRate,
  recoveryRate,
  rpcRate,
  sweepRate,
} from './kpi.util';
import { isDayInPeriod, isInPeriod, type ReportPeriod } from './period.util';

export const METRIC_SCOPES = ['agent', 'team', 'portfolio', 'client'] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export interface ScopeRef {
  scope: MetricScope;
  id: string;
}

/** Where an account sat when something happened to it: the keys every fact is attributed by. */
export interface ScopeKeys {
  accountId: string;
  teamId: string | null;
  agentId: string | null;
  portfolioId: string;
  clientId: string;
}

/** An account held by a team/agent from `from` until `to` (null: still held). */
export interface AssignmentSpan extends ScopeKeys {
  from: Date;
  to: Date | null;
  /** The account's balance when the span began: the recovery rate's denominator at P's start. */
  balanceMinor: number;
}

export interface AttemptFact extends ScopeKeys {
  at: Date;
  humanAnswered: boolean;
  rightPartyContact: boolean;
}

export interface AgreementFact extends ScopeKeys {
  at: Date;
}

export interface PaymentFact extends ScopeKeys {
  paidAt: Date;
  amountMinor: number;
  /** A reversed payment was never money recovered, whenever it was reversed. */
  reversed: boolean;
}

export interface InstallmentFact extends ScopeKeys {
  dueDate: IsoDate;
  amountMinor: number;
  graceDays: number;
  /** What was allocated to it, by the agency-calendar day the money came in. */
  paid: { on: IsoDate; amountMinor: number }[];
}

export interface MetricFacts {
  assignments: AssignmentSpan[];
  attempts: AttemptFact[];
  agreements: AgreementFact[];
  payments: PaymentFact[];
  installments: InstallmentFact[];
}

export interface PeriodCounts {
  accountsAssigned: number;
  accountsAttempted: number;
  accountsWithRpc: number;
  attempts: number;
  humanAnswered: number;
  rightPartyContacts: number;
  agreements: number;
  recoveredMinor: number;
  startBalanceMinor: number;
  installmentsDue: number;
  installmentsKept: number;
}

export interface PeriodMetrics extends PeriodCounts {
  sweepRate: number | null;
  contactedSweepRate: number | null;
  contactRate: number | null;
  rpcRate: number | null;
  promiseRate: number | null;
  keptRate: number | null;
  recoveryRate: number | null;
}

export function scopeKey(keys: ScopeKeys, scope: MetricScope): string | null {
  switch (scope) {
    case 'agent':
      return keys.agentId;
    case 'team':
      return keys.teamId;
    case 'portfolio':
      return keys.portfolioId;
    case 'client':
      return keys.clientId;
  }
}

function inScope(keys: ScopeKeys, ref: ScopeRef): boolean {
  return scopeKey(keys, ref.scope) === ref.id;
}

function overlaps(span: AssignmentSpan, period: ReportPeriod): boolean {
  return span.from < period.end && (span.to === null || span.to > period.start);
}

/**
 * Days after its due date an installment may still be paid and count as kept, until clients get
 * rules of their own.
 */
export const KEPT_GRACE_DAYS = 3;

/** Kept: paid in full by its due date plus the grace days (partial payments add up). */
export function isInstallmentKept(installment: InstallmentFact): boolean {
  const deadline = addDays(installment.dueDate, installment.graceDays);
  const paid = installment.paid.filter((p) => p.on <= deadline).reduce((sum, p) => sum + p.amountMinor, 0);
  return paid >= installment.amountMinor;
}

/**
 * Every count and rate of DESIGN.md §3 for one scope and period, straight from the facts: the
 * reference the rollup tables are checked against. Facts carry the team/agent that held the account
 * when they happened, so an account reassigned mid-month counts for both holders where it should.
 */
export function periodCounts(facts: MetricFacts, ref: ScopeRef, period: ReportPeriod): PeriodCounts {
  const assigned = new Set<string>();
  let startBalanceMinor = 0;
  for (const span of facts.assignments) {
    if (!inScope(span, ref) || !overlaps(span, period)) continue;
    assigned.add(span.accountId);
    if (span.from <= period.start) startBalanceMinor += span.balanceMinor;
  }
  const attempted = new Set<string>();
  const withRpc = new Set<string>();
  let attempts = 0;
  let humanAnswered = 0;
  let rightPartyContacts = 0;
  for (const attempt of facts.attempts) {
    if (!inScope(attempt, ref) || !isInPeriod(attempt.at, period)) continue;
    attempts++;
    attempted.add(attempt.accountId);
    if (attempt.humanAnswered) humanAnswered++;
    if (attempt.rightPartyContact) {
      rightPartyContacts++;
      withRpc.add(attempt.accountId);
    }
  }
  const agreements = facts.agreements.filter((a) => inScope(a, ref) && isInPeriod(a.at, period)).length;
  const recoveredMinor = facts.payments
    .filter((p) => !p.reversed && inScope(p, ref) && isInPeriod(p.paidAt, period))
    .reduce((sum, p) => sum + p.amountMinor, 0);
  const due = facts.installments.filter((i) => inScope(i, ref) && isDayInPeriod(i.dueDate, period));
  return {
    accountsAssigned: assigned.size,
    accountsAttempted: attempted.size,
    accountsWithRpc: withRpc.size,
    attempts,
    humanAnswered,
    rightPartyContacts,
    agreements,
    recoveredMinor,
    startBalanceMinor,
    installmentsDue: due.length,
    installmentsKept: due.filter(isInstallmentKept).length,
  };
}

/** The rates of DESIGN.md §3 from a period's counts (from the facts, or from the rollups). */
export function ratesOf(counts: PeriodCounts): PeriodMetrics {
  return {
    ...counts,
    sweepRate: sweepRate(counts.accountsAttempted, counts.accountsAssigned),
    contactedSweepRate: contactedSweepRate(counts.accountsWithRpc, counts.accountsAssigned),
    contactRate: contactRate(counts.humanAnswered, counts.attempts),
    rpcRate: rpcRate(counts.rightPartyContacts, counts.attempts),
    promiseRate: promiseRate(counts.agreements, counts.rightPartyContacts),
    keptRate: keptRate(counts.installmentsKept, counts.installmentsDue),
    recoveryRate: recoveryRate(counts.recoveredMinor, counts.startBalanceMinor),
  };
}

export function periodMetrics(facts: MetricFacts, ref: ScopeRef, period: ReportPeriod): PeriodMetrics {
  return ratesOf(periodCounts(facts, ref, period));
}
