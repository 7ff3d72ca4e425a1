import { selectDebitItems, type DebitCandidate } from './debit-batch-selection.util';
import { decideAfterReject } from './debit-retry.util';

function candidate(
  overrides: Partial<DebitCandidate> & Pick<DebitCandidate, 'installmentId'>,
): DebitCandidate {
  return {
    accountId: '10',
    mandateId: 'm1',
    dueDate: '2026-12-05',
    amountMinor: 100_000,
    paidMinor: 0,
    limitMinor: 500_000,
    history: [],
    ...overrides,
  };
}

describe('selectDebitItems', () => {
  it('debits what is owed on each installment due by the collection date, capped by the limit', () => {
    const selection = selectDebitItems(
      [
        // 100 000 − 30 000 already paid = 70 000.
        candidate({ installmentId: 'i1', paidMinor: 30_000 }),
        // 100 000 owed but the mandate allows 60 000 a debit.
        candidate({ installmentId: 'i2', accountId: '11', mandateId: 'm2', limitMinor: 60_000 }),
        // Due after the collection date.
        candidate({ installmentId: 'i3', dueDate: '2026-12-06' }),
        // Paid in full already.
        candidate({ installmentId: 'i4', paidMinor: 100_000 }),
      ],
      '2026-12-05',
    );
    expect(selection.items).toEqual([
      { installmentId: 'i1', accountId: '10', mandateId: 'm1', amountMinor: 70_000, attempt: 1 },
      { installmentId: 'i2', accountId: '11', mandateId: 'm2', amountMinor: 60_000, attempt: 1 },
    ]);
    expect(selection.skipped).toEqual([
      { installmentId: 'i4', reason: 'nothing_owed' },
      { installmentId: 'i3', reason: 'not_due' },
    ]);
  });

  it('never includes an installment twice while its batch waits for the bank', () => {
    const selection = selectDebitItems(
      [
        candidate({
          installmentId: 'i1',
          history: [{ mandateId: 'm1', status: 'pending', reasonCode: null }],
        }),
      ],
      '2026-12-05',
    );
    expect(selection).toEqual({ items: [], skipped: [{ installmentId: 'i1', reason: 'in_pending_batch' }] });
  });

  it('retries insufficient funds up to the attempts allowed, and stops on a reason not retried', () => {
    const r01 = { mandateId: 'm1', status: 'rejected' as const, reasonCode: 'R01' };
    const selection = selectDebitItems(
      [
        // One rejection for funds: the second attempt of three.
        candidate({ installmentId: 'i1', history: [r01] }),
        // Two rejections and an unanswered debit: three attempts made, none left.
        candidate({
          installmentId: 'i2',
          history: [r01, r01, { mandateId: 'm1', status: 'unanswered', reasonCode: 'NR' }],
        }),
        // The holder stopped the payment (R08): not retried.
        candidate({
          installmentId: 'i3',
          history: [{ mandateId: 'm1', status: 'rejected', reasonCode: 'R08' }],
        }),
        // Rejections under an earlier mandate do not count against the new one.
        candidate({ installmentId: 'i4', mandateId: 'm9', history: [r01, r01, r01] }),
      ],
      '2026-12-05',
      { maxAttempts: 3 },
    );
    expect(selection.items.map((i) => [i.installmentId, i.attempt])).toEqual([
      ['i1', 2],
      ['i4', 1],
    ]);
    expect(selection.skipped).toEqual([
      { installmentId: 'i2', reason: 'attempts_exhausted' },
      { installmentId: 'i3', reason: 'not_retryable' },
    ]);
  });

  it('debits again what a capped debit left owing', () => {
    const selection = selectDebitItems(
      [
        candidate({
          installmentId: 'i1',
          paidMinor: 60_000,
          limitMinor: 60_000,
          history: [{ mandateId: 'm1', status: 'paid', reasonCode: null }],
        }),
      ],
      '2026-12-05',
    );
    // 100 000 − 60 000 = 40 000, under the 60 000 limit; a paid debit is not a failed attempt.
    expect(selection.items).toEqual([
      { installmentId: 'i1', accountId: '10', mandateId: 'm1', amountMinor: 40_000, attempt: 1 },
    ]);
  });
});

describe('decideAfterReject', () => {
  it('retries funds while attempts remain, revokes on a closed account, stops on unknown codes', () => {
    expect(decideAfterReject('R01', 1, { maxAttempts: 3 })).toEqual({
      action: 'retry',
      retry: true,
      revokeMandate: false,
    });
    expect(decideAfterReject('R01', 3, { maxAttempts: 3 })).toEqual({
      action: 'retry',
      retry: false,
      revokeMandate: false,
    });
    expect(decideAfterReject('R02', 1)).toEqual({ action: 'revoke', retry: false, revokeMandate: true });
    expect(decideAfterReject('R07', 1)).toEqual({ action: 'revoke', retry: false, revokeMandate: true });
    expect(decideAfterReject('X99', 1)).toEqual({ action: 'stop', retry: false, revokeMandate: false });
  });
});
