import type { IsoDate } from '../domain/dates.util';
import type { AccountStatus } from '../domain/enums.constant';
import type { FieldOrderCause, FieldOrderKind, ServiceState } from './field-order-enums.constant';
import { overdueUnpaidBills, type UtilityBill } from './utility-bills.util';

const HOUR_MS = 3_600_000;

/** Reconnection is due within 24 h of the cause of the suspension going away (Ley 142, art. 142). */
export const RECONNECTION_DUE_HOURS = 24;

/** The causes that end a suspension: everything but unpaid bills. */
export type ReconnectionCause = Exclude<FieldOrderCause, 'unpaid_bills'>;

/** The client's rule, already capped and resolved against its jurisdiction's (see the helpers below). */
export interface FieldOrderPolicy {
  /** Overdue unpaid bills that call for a suspension. */
  threshold: number;
  suspensionDueHours: number;
  reconnectionFeeMinor: number;
  /** Residential strata the law spares the reconnection fee. */
  protectedStrata: readonly number[];
}

/** What the rules need to know about one utility account. */
export interface UtilityAccountSnapshot {
  status: AccountStatus;
  /** Principal owed (balance − interest − fees): the part of the debt that is the utility's bills. */
  owedMinor: number;
  bills: readonly UtilityBill[];
  serviceState: ServiceState;
  stratum: number | null;
  /** Kinds of the account's open (pending or assigned) orders. */
  openKinds: readonly FieldOrderKind[];
}

export type FieldOrderAction =
  | { type: 'suspend'; unpaidBills: number; dueAt: Date }
  | { type: 'cancel-suspension'; reason: ReconnectionCause }
  | { type: 'reconnect'; cause: ReconnectionCause; dueAt: Date; feeMinor: number };

/** The client's N, never above the jurisdiction's cap for the client's billing period (if it has one). */
export function suspensionThreshold(clientUnpaidBills: number, jurisdictionCap: number | null): number {
  return jurisdictionCap === null ? clientUnpaidBills : Math.min(clientUnpaidBills, jurisdictionCap);
}

/** The client's own list of protected strata when it set one, the jurisdiction's otherwise. */
export function protectedStrataOf(
  clientStrata: readonly number[] | null,
  jurisdictionStrata: readonly number[] | null,
): readonly number[] {
  return clientStrata ?? jurisdictionStrata ?? [];
}

/** A protected residential stratum reconnects free; everyone else pays the client's fee. */
export function reconnectionFeeMinor(
  feeMinor: number,
  stratum: number | null,
  protectedStrata: readonly number[],
): number {
  return stratum !== null && protectedStrata.includes(stratum) ? 0 : feeMinor;
}

export function reconnectionDueAt(at: Date): Date {
  return new Date(at.getTime() + RECONNECTION_DUE_HOURS * HOUR_MS);
}

export function suspensionDueAt(at: Date, dueHours: number): Date {
  return new Date(at.getTime() + dueHours * HOUR_MS);
}

/** Crews work by zone; an account without one is routed by its sector. */
export function routeOf(account: { zona: string | null; sector: string | null }): string | null {
  return account.zona?.trim() || account.sector?.trim() || null;
}

/**
 * Why a suspended service may come back (or a pending suspension is no longer needed), if it may:
 * the account is paid, under an agreement, or an active account back under the threshold. An
 * account in the legal stage, written off or closed stays as it is.
 */
export function reconnectionCause(
  status: AccountStatus,
  unpaidBills: number,
  threshold: number,
): ReconnectionCause | null {
  if (status === 'paid') return 'paid_in_full';
  if (status === 'in_agreement') return 'agreement';
  if (status === 'active' && unpaidBills < threshold) return 'bills_under_threshold';
  return null;
}

/**
 * What to do for one account, at `now` (`today` is the local date of the utility's jurisdiction):
 * suspend an active, connected account with `threshold` or more overdue unpaid bills; cancel an
 * open suspension once its cause is gone; reconnect a suspended service once its cause is gone.
 * Never a second open order of a kind.
 */
export function decideFieldOrders(
  account: UtilityAccountSnapshot,
  policy: FieldOrderPolicy,
  today: IsoDate,
  now: Date,
): FieldOrderAction[] {
  const unpaidBills = overdueUnpaidBills(account.bills, account.owedMinor, today);
  const cause = reconnectionCause(account.status, unpaidBills, policy.threshold);
  const open = new Set(account.openKinds);
  const actions: FieldOrderAction[] = [];
  const needsSuspension =
    account.status === 'active' && account.serviceState === 'connected' && unpaidBills >= policy.threshold;
  if (needsSuspension && !open.has('suspension'))
    actions.push({ type: 'suspend', unpaidBills, dueAt: suspensionDueAt(now, policy.suspensionDueHours) });
  if (cause !== null && open.has('suspension')) actions.push({ type: 'cancel-suspension', reason: cause });
  if (cause !== null && account.serviceState === 'suspended' && !open.has('reconnection'))
    actions.push({
      type: 'reconnect',
      cause,
      dueAt: reconnectionDueAt(now),
      feeMinor: reconnectionFeeMinor(policy.reconnectionFeeMinor, account.stratum, policy.protectedStrata),
    });
  return actions;
}
