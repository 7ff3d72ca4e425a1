import { agingBucket, type AgingBucket } from '../domain/aging.util';
import { daysBetween, type IsoDate } from '../domain/dates.util';
import type { AccountStatus, InstallmentStatus } from '../domain/enums.constant';

/** The parts of what an account owes a payment can pay: late interest, collection fees, principal. */
export const CHARGE_COMPONENTS = ['interest', 'fees', 'principal'] as const;
export type ChargeComponent = (typeof CHARGE_COMPONENTS)[number];

/** Where a piece of a payment went; `credit` is money paid beyond everything owed. */
export type AllocationTarget = ChargeComponent | 'credit';

/** A client's rule: after the installments, the order a payment pays the components in. */
export const DEFAULT_APPLICATION_ORDER: readonly ChargeComponent[] = ['interest', 'fees', 'principal'];

export interface AccountOwed {
  interestMinor: number;
  feesMinor: number;
  principalMinor: number;
}

export interface OpenInstallment {
  id: string;
  seq: number;
  dueDate: IsoDate;
  amountMinor: number;
  paidMinor: number;
}

export interface AllocationLine {
  /** The installment this part paid, or null when it went straight to the account. */
  installmentId: string | null;
  target: AllocationTarget;
  amountMinor: number;
}

export interface PaymentApplication {
  lines: AllocationLine[];
  owed: AccountOwed;
  creditMinor: number;
  /** What each touched installment has been paid in all, after this payment. */
  installmentsPaid: Map<string, number>;
}

const OWED_KEY: Readonly<Record<ChargeComponent, keyof AccountOwed>> = {
  interest: 'interestMinor',
  fees: 'feesMinor',
  principal: 'principalMinor',
};

/** Parses a stored order ("interest,fees,principal"); each component exactly once. */
export function parseApplicationOrder(text: string): ChargeComponent[] | null {
  const parts = text.split(',').map((p) => p.trim());
  const known = new Set<string>(CHARGE_COMPONENTS);
  if (parts.length !== CHARGE_COMPONENTS.length || new Set(parts).size !== parts.length) return null;
  return parts.every((p) => known.has(p)) ? (parts as ChargeComponent[]) : null;
}

/**
 * Applies a payment (DESIGN.md §5.2): first to the open installments of the account's active
 * agreement in due order (a partial payment leaves the installment partly paid), then to the
 * account's interest, fees and principal in the client's order; whatever is left is the debtor's
 * credit. An installment's money is itself split over the components in the same order, so the
 * account's parts always add up to its balance. Integer minor units throughout: nothing rounds.
 */
export function applyPayment(
  amountMinor: number,
  owed: AccountOwed,
  installments: readonly OpenInstallment[],
  order: readonly ChargeComponent[] = DEFAULT_APPLICATION_ORDER,
): PaymentApplication {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) throw new RangeError('amount must be > 0');
  const left: AccountOwed = { ...owed };
  const lines: AllocationLine[] = [];
  const installmentsPaid = new Map<string, number>();
  let remaining = amountMinor;
  let credit = 0;

  const takeComponents = (amount: number, installmentId: string | null): void => {
    let rest = amount;
    for (const component of order) {
      const key = OWED_KEY[component];
      const part = Math.min(rest, Math.max(0, left[key]));
      if (part <= 0) continue;
      left[key] -= part;
      rest -= part;
      lines.push({ installmentId, target: component, amountMinor: part });
      if (rest === 0) return;
    }
    if (rest > 0) {
      credit += rest;
      lines.push({ installmentId, target: 'credit', amountMinor: rest });
    }
  };

  const due = [...installments].sort((a, b) =>
    a.dueDate === b.dueDate ? a.seq - b.seq : a.dueDate < b.dueDate ? -1 : 1,
  );
  for (const installment of due) {
    if (remaining === 0) break;
    const open = installment.amountMinor - installment.paidMinor;
    if (open <= 0) continue;
    const take = Math.min(open, remaining);
    remaining -= take;
    installmentsPaid.set(installment.id, installment.paidMinor + take);
    takeComponents(take, installment.id);
  }
  if (remaining > 0) takeComponents(remaining, null);
  return { lines, owed: left, creditMinor: credit, installmentsPaid };
}

/** The exact undoing of an application: every line's money goes back where it came from. */
export function reverseApplication(
  lines: readonly AllocationLine[],
  owed: AccountOwed,
  creditMinor: number,
): { owed: AccountOwed; creditMinor: number; installmentsTaken: Map<string, number> } {
  const back: AccountOwed = { ...owed };
  let credit = creditMinor;
  const installmentsTaken = new Map<string, number>();
  for (const line of lines) {
    if (line.target === 'credit') credit -= line.amountMinor;
    else back[OWED_KEY[line.target]] += line.amountMinor;
    if (line.installmentId)
      installmentsTaken.set(
        line.installmentId,
        (installmentsTaken.get(line.installmentId) ?? 0) + line.amountMinor,
      );
  }
  return { owed: back, creditMinor: credit, installmentsTaken };
}

/** An installment's status from what it has been paid (held and broken ones keep theirs). */
export function installmentStatusOf(
  current: InstallmentStatus,
  amountMinor: number,
  paidMinor: number,
): InstallmentStatus {
  if (current === 'on_hold' || current === 'broken' || current === 'cancelled') return current;
  if (paidMinor >= amountMinor) return 'paid';
  return paidMinor > 0 ? 'partial' : 'pending';
}

export interface StandingInput {
  balanceMinor: number;
  status: AccountStatus;
  /** The account's own due date (from the client's file). */
  dueDate: IsoDate | null;
  /** The earliest due date among the active agreement's unpaid installments, if it has one. */
  agreementOldestUnpaidDue: IsoDate | null;
  hasActiveAgreement: boolean;
  today: IsoDate;
}

export interface AccountStanding {
  status: AccountStatus;
  daysPastDue: number;
  agingBucket: AgingBucket;
}

/**
 * Where an account stands after money moved: paid off when nothing is owed; under an active
 * agreement its days past due run from the oldest unpaid installment (none overdue: current);
 * otherwise from its own due date. Legal, written-off and closed accounts keep their status until
 * paid off; a paid account owing again (a reversal) is active again.
 */
export function accountStanding(input: StandingInput): AccountStanding {
  const overdueSince = (date: IsoDate | null) =>
    date && date < input.today ? daysBetween(date, input.today) : 0;
  if (input.balanceMinor <= 0) return { status: 'paid', daysPastDue: 0, agingBucket: agingBucket(0) };
  const days = input.hasActiveAgreement
    ? overdueSince(input.agreementOldestUnpaidDue)
    : overdueSince(input.dueDate);
  const kept: AccountStatus[] = ['legal', 'written_off', 'closed'];
  const status: AccountStatus = kept.includes(input.status)
    ? input.status
    : input.hasActiveAgreement
      ? 'in_agreement'
      : 'active';
  return { status, daysPastDue: days, agingBucket: agingBucket(days) };
}
