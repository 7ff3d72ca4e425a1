import { debitRejectAction, type DebitRejectAction } from './debit-reject-reasons.constant';

export interface DebitRetryRules {
  /** Debits of one installment under one mandate, counting the first. */
  maxAttempts: number;
}

export const DEFAULT_DEBIT_RETRY_RULES: DebitRetryRules = { maxAttempts: 3 };
export const MAX_DEBIT_ATTEMPTS = 6;

export interface DebitRetryDecision {
  action: DebitRejectAction;
  /** Whether the installment goes into the next batch. */
  retry: boolean;
  /** Whether the mandate is revoked (no further debit on it at all). */
  revokeMandate: boolean;
}

/** After the attempt numbered `attemptsMade` (1 = first) came back rejected with `code`. */
export function decideAfterReject(
  code: string | null,
  attemptsMade: number,
  rules: DebitRetryRules = DEFAULT_DEBIT_RETRY_RULES,
): DebitRetryDecision {
  const action = debitRejectAction(code);
  return {
    action,
    retry: action === 'retry' && attemptsMade < rules.maxAttempts,
    revokeMandate: action === 'revoke',
  };
}
