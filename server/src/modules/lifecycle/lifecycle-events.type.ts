import type { AccountStatus } from '@recupera/shared';

/** What happened to an account's money or standing, for the features that act on it. */
export interface LifecycleEventMap {
  /** A payment was applied (after its transaction committed). */
  'payment.applied': {
    accountId: string;
    paymentId: string;
    amountMinor: number;
    balanceMinor: number;
    status: AccountStatus;
    at: Date;
  };
  /** A payment was reversed: its application undone exactly. */
  'payment.reversed': {
    accountId: string;
    paymentId: string;
    balanceMinor: number;
    status: AccountStatus;
    at: Date;
  };
  /** An agreement became active (created within the proposer's limits, or approved). */
  'agreement.activated': { accountId: string; agreementId: string; at: Date };
  /** Every installment of an agreement was paid. */
  'agreement.kept': { accountId: string; agreementId: string; at: Date };
  /** An installment was not paid by its due date + grace days. */
  'agreement.broken': { accountId: string; agreementId: string; installmentId: string; at: Date };
}

export type LifecycleEventName = keyof LifecycleEventMap;
