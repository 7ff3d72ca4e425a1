import type { IsoDate } from '../domain/dates.util';
import { decideAfterReject, DEFAULT_DEBIT_RETRY_RULES, type DebitRetryRules } from './debit-retry.util';

export type DebitItemStatus = 'pending' | 'paid' | 'rejected' | 'unanswered';

/** An earlier debit of the same installment. */
export interface DebitAttempt {
  mandateId: string;
  status: DebitItemStatus;
  reasonCode: string | null;
}

/** An open installment of an active agreement whose account has an active mandate. */
export interface DebitCandidate {
  installmentId: string;
  accountId: string;
  mandateId: string;
  dueDate: IsoDate;
  amountMinor: number;
  paidMinor: number;
  /** The mandate's cap per debit. */
  limitMinor: number;
  /** Oldest first. */
  history: readonly DebitAttempt[];
}

export interface SelectedDebit {
  installmentId: string;
  accountId: string;
  mandateId: string;
  amountMinor: number;
  /** 1 for a first debit; a retry counts the rejected ones before it. */
  attempt: number;
}

export type DebitSkipReason =
  | 'not_due'
  | 'nothing_owed'
  | 'in_pending_batch'
  | 'not_retryable'
  | 'attempts_exhausted';

export interface DebitSelection {
  items: SelectedDebit[];
  skipped: { installmentId: string; reason: DebitSkipReason }[];
}

/**
 * Which installments a batch collected on `collectionDate` debits, and how much: what is still owed
 * on each one due by then, capped by the mandate's limit. An installment already in a batch that the
 * bank has not answered is left out, and so is one whose last debit under this mandate was rejected
 * for a reason that is not retried or has used up its attempts. A new mandate starts the count anew.
 */
export function selectDebitItems(
  candidates: readonly DebitCandidate[],
  collectionDate: IsoDate,
  rules: DebitRetryRules = DEFAULT_DEBIT_RETRY_RULES,
): DebitSelection {
  const selection: DebitSelection = { items: [], skipped: [] };
  const sorted = [...candidates].sort(
    (a, b) =>
      a.accountId.localeCompare(b.accountId, 'en', { numeric: true }) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.installmentId.localeCompare(b.installmentId, 'en', { numeric: true }),
  );
  for (const candidate of sorted) {
    const skip = (reason: DebitSkipReason) =>
      selection.skipped.push({ installmentId: candidate.installmentId, reason });
    const owed = candidate.amountMinor - candidate.paidMinor;
    if (candidate.dueDate > collectionDate) {
      skip('not_due');
      continue;
    }
    if (owed <= 0) {
      skip('nothing_owed');
      continue;
    }
    if (candidate.history.some((attempt) => attempt.status === 'pending')) {
      skip('in_pending_batch');
      continue;
    }
    const failed = candidate.history.filter(
      (attempt) =>
        attempt.mandateId === candidate.mandateId &&
        (attempt.status === 'rejected' || attempt.status === 'unanswered'),
    );
    const last = failed[failed.length - 1];
    if (last) {
      const decision = decideAfterReject(last.reasonCode, failed.length, rules);
      if (decision.action !== 'retry') {
        skip('not_retryable');
        continue;
      }
      if (!decision.retry) {
        skip('attempts_exhausted');
        continue;
      }
    }
    selection.items.push({
      installmentId: candidate.installmentId,
      accountId: candidate.accountId,
      mandateId: candidate.mandateId,
      amountMinor: Math.min(owed, candidate.limitMinor),
      attempt: failed.length + 1,
    });
  }
  return selection;
}
