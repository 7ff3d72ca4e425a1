import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from '../domain/dates.util';
import type { Role } from '../domain/roles.constant';

export const AGREEMENT_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type AgreementFrequency = (typeof AGREEMENT_FREQUENCIES)[number];

/** What an agent proposes to the debtor, amounts in the account's minor units. */
export interface AgreementPlanRequest {
  /** The account's balance today. */
  balanceMinor: number;
  /** Interest or penalties forgiven, off the balance (within the role's limit, or approved above it). */
  waiverMinor: number;
  /** The plan's amount; the balance less the waiver when omitted (it then settles the debt in full). */
  totalMinor?: number;
  /** Paid on `startDate`; 0 for none. */
  downPaymentMinor: number;
  /** Installments after the down payment. */
  installments: number;
  frequency: AgreementFrequency;
  firstDueDate: IsoDate;
  /** The day the agreement is made (the debtor's local date). */
  startDate: IsoDate;
}

/** A client's rules for payment plans, and the proposer's own limit on waivers. */
export interface AgreementRules {
  maxInstallments: number;
  /** Smallest down payment as a share of the plan, in basis points (a water utility's 20 % = 2000). */
  minDownPaymentBp: number;
  /** The first installment falls due at most this many days after the agreement. */
  maxDaysToFirstDue: number;
  /** Waivers up to this share of the balance (basis points) need nobody's approval. */
  waiverLimitBp: number;
}

export const DEFAULT_AGREEMENT_RULES: Omit<AgreementRules, 'waiverLimitBp'> = {
  maxInstallments: 24,
  minDownPaymentBp: 0,
  maxDaysToFirstDue: 60,
};

/** Waivers each role grants alone; above them a supervisor (or a manager) approves. */
export const WAIVER_LIMIT_BP: Readonly<Record<Role, number>> = {
  agent: 1_000,
  supervisor: 3_000,
  manager: 10_000,
  admin: 10_000,
  cashier: 0,
  field: 0,
};

export enum AgreementError {
  WaiverExceedsBalance = 'waiver_exceeds_balance',
  TotalOutOfRange = 'total_out_of_range',
  DownPaymentTooLarge = 'down_payment_too_large',
  DownPaymentTooSmall = 'down_payment_too_small',
  InstallmentsOutOfRange = 'installments_out_of_range',
  FirstDueDateInvalid = 'first_due_date_invalid',
  InstallmentTooSmall = 'installment_too_small',
}

export interface PlannedInstallment {
  /** 0 is the down payment; 1… the installments. */
  seq: number;
  dueDate: IsoDate;
  amountMinor: number;
}

export interface AgreementPlan {
  totalMinor: number;
  downPaymentMinor: number;
  waiverMinor: number;
  settlesInFull: boolean;
  /** The waiver is beyond the proposer's limit: the agreement waits for approval. */
  requiresApproval: boolean;
  installments: PlannedInstallment[];
}

export type AgreementPlanResult =
  | { ok: true; plan: AgreementPlan }
  | { ok: false; problems: AgreementError[] };

function dueDate(first: IsoDate, frequency: AgreementFrequency, index: number): IsoDate {
  switch (frequency) {
    case 'weekly':
      return addDays(first, 7 * index);
    case 'biweekly':
      return addDays(first, 14 * index);
    case 'monthly':
      return addMonths(first, index);
  }
}

const isWhole = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * The schedule of a payment agreement, exactly: the financed amount (plan less down payment) is cut
 * into equal installments in minor units and the last one takes the remainder, so the schedule always
 * adds up to the plan to the cent. Every rule broken is reported at once.
 */
export function planAgreement(request: AgreementPlanRequest, rules: AgreementRules): AgreementPlanResult {
  const problems: AgreementError[] = [];
  const { balanceMinor, waiverMinor, downPaymentMinor, installments } = request;
  const payable = balanceMinor - waiverMinor;
  const total = request.totalMinor ?? payable;
  if (!isWhole(waiverMinor) || waiverMinor >= balanceMinor)
    problems.push(AgreementError.WaiverExceedsBalance);
  if (!isWhole(total) || total <= 0 || total > payable) problems.push(AgreementError.TotalOutOfRange);
  if (!isWhole(downPaymentMinor) || downPaymentMinor >= total)
    problems.push(AgreementError.DownPaymentTooLarge);
  else if (downPaymentMinor * 10_000 < rules.minDownPaymentBp * total)
    problems.push(AgreementError.DownPaymentTooSmall);
  if (!Number.isInteger(installments) || installments < 1 || installments > rules.maxInstallments)
    problems.push(AgreementError.InstallmentsOutOfRange);
  const lead = isIsoDate(request.firstDueDate) ? daysBetween(request.startDate, request.firstDueDate) : -1;
  if (lead < 0 || lead > rules.maxDaysToFirstDue) problems.push(AgreementError.FirstDueDateInvalid);
  if (problems.length === 0 && Math.floor((total - downPaymentMinor) / installments) < 1)
    problems.push(AgreementError.InstallmentTooSmall);
  if (problems.length > 0) return { ok: false, problems };

  const financed = total - downPaymentMinor;
  const each = Math.floor(financed / installments);
  const schedule: PlannedInstallment[] = [];
  if (downPaymentMinor > 0)
    schedule.push({ seq: 0, dueDate: request.startDate, amountMinor: downPaymentMinor });
  for (let i = 0; i < installments; i++) {
    const last = i === installments - 1;
    schedule.push({
      seq: i + 1,
      dueDate: dueDate(request.firstDueDate, request.frequency, i),
      amountMinor: last ? financed - each * (installments - 1) : each,
    });
  }
  return {
    ok: true,
    plan: {
      totalMinor: total,
      downPaymentMinor,
      waiverMinor,
      settlesInFull: total === payable,
      requiresApproval: waiverMinor * 10_000 > rules.waiverLimitBp * balanceMinor,
      installments: schedule,
    },
  };
}
