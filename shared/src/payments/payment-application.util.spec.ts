import {
  accountStanding,
  applyPayment,
  installmentStatusOf,
  parseApplicationOrder,
  reverseApplication,
  type OpenInstallment,
} from './payment-application.util';

// An account owing 1 000 000 in all: 30 000 interest, 20 000 fees, 950 000 principal, under an
// agreement of three installments of 100 000 due on the 5th of Dec, Jan and Feb.
const owed = { interestMinor: 30_000, feesMinor: 20_000, principalMinor: 950_000 };
const plan: OpenInstallment[] = [
  { id: 'i2', seq: 2, dueDate: '2027-01-05', amountMinor: 100_000, paidMinor: 0 },
  { id: 'i1', seq: 1, dueDate: '2026-12-05', amountMinor: 100_000, paidMinor: 0 },
  { id: 'i3', seq: 3, dueDate: '2027-02-05', amountMinor: 100_000, paidMinor: 0 },
];

describe('Payment application', () => {
  it('pays installments in due order, each split over interest, fees, then principal', () => {
    // 150 000: installment 1 in full (30 000 interest + 20 000 fees + 50 000 principal), then
    // 50 000 of installment 2, all principal (interest and fees are paid off by then).
    const applied = applyPayment(150_000, owed, plan);
    expect(applied.lines).toEqual([
      { installmentId: 'i1', target: 'interest', amountMinor: 30_000 },
      { installmentId: 'i1', target: 'fees', amountMinor: 20_000 },
      { installmentId: 'i1', target: 'principal', amountMinor: 50_000 },
      { installmentId: 'i2', target: 'principal', amountMinor: 50_000 },
    ]);
    expect(applied.owed).toEqual({ interestMinor: 0, feesMinor: 0, principalMinor: 850_000 });
    expect([...applied.installmentsPaid]).toEqual([
      ['i1', 100_000],
      ['i2', 50_000],
    ]);
    expect(applied.creditMinor).toBe(0);
  });

  it('completes a partly paid installment first, and follows the client order after the plan', () => {
    // Installment 1 already has 60 000: 40 000 completes it. The client pays principal first, so
    // those 40 000 are principal. With no other installment open, the other 60 000 go to
    // principal as well (principal leads the order).
    const partial = [{ ...plan[1], paidMinor: 60_000 }];
    const applied = applyPayment(100_000, owed, partial, ['principal', 'interest', 'fees']);
    expect(applied.lines).toEqual([
      { installmentId: 'i1', target: 'principal', amountMinor: 40_000 },
      { installmentId: null, target: 'principal', amountMinor: 60_000 },
    ]);
    expect(applied.owed.principalMinor).toBe(850_000);
    expect(applied.installmentsPaid.get('i1')).toBe(100_000);
  });

  it('keeps what is paid beyond the balance as credit', () => {
    // Owes 1 500 (500 interest + 1 000 principal); pays 2 000: 500 interest, 1 000 principal, 500 credit.
    const applied = applyPayment(2_000, { interestMinor: 500, feesMinor: 0, principalMinor: 1_000 }, []);
    expect(applied.lines).toEqual([
      { installmentId: null, target: 'interest', amountMinor: 500 },
      { installmentId: null, target: 'principal', amountMinor: 1_000 },
      { installmentId: null, target: 'credit', amountMinor: 500 },
    ]);
    expect(applied.creditMinor).toBe(500);
  });

  it('reverses an application exactly', () => {
    const applied = applyPayment(150_000, owed, plan);
    const back = reverseApplication(applied.lines, applied.owed, applied.creditMinor);
    expect(back.owed).toEqual(owed);
    expect(back.creditMinor).toBe(0);
    expect([...back.installmentsTaken]).toEqual([
      ['i1', 100_000],
      ['i2', 50_000],
    ]);
  });

  it('refuses amounts that are not a positive whole number of minor units', () => {
    expect(() => applyPayment(0, owed, plan)).toThrow(RangeError);
    expect(() => applyPayment(10.5, owed, plan)).toThrow(RangeError);
  });

  it('reads a client order only when it names each component once', () => {
    expect(parseApplicationOrder('fees, interest,principal')).toEqual(['fees', 'interest', 'principal']);
    expect(parseApplicationOrder('interest,interest,principal')).toBeNull();
    expect(parseApplicationOrder('interest,principal')).toBeNull();
    expect(parseApplicationOrder('interest,fees,capital')).toBeNull();
  });

  it('derives an installment status from what it has been paid', () => {
    expect(installmentStatusOf('pending', 100, 100)).toBe('paid');
    expect(installmentStatusOf('pending', 100, 40)).toBe('partial');
    expect(installmentStatusOf('paid', 100, 0)).toBe('pending');
    expect(installmentStatusOf('on_hold', 100, 100)).toBe('on_hold');
  });
});

describe('Account standing', () => {
  const base = {
    balanceMinor: 500,
    status: 'active' as const,
    dueDate: '2026-10-01',
    agreementOldestUnpaidDue: null,
    hasActiveAgreement: false,
    today: '2026-12-02',
  };

  it('runs days past due from the account due date without an agreement', () => {
    // 1 Oct → 2 Dec: 30 (rest of Oct) + 1 + 30 (Nov) + 1 = 62 days, the 61–90 bucket.
    expect(accountStanding(base)).toEqual({ status: 'active', daysPastDue: 62, agingBucket: '61-90' });
  });

  it('runs them from the oldest unpaid installment under an agreement, current when none is overdue', () => {
    expect(
      accountStanding({ ...base, hasActiveAgreement: true, agreementOldestUnpaidDue: '2026-11-30' }),
    ).toEqual({ status: 'in_agreement', daysPastDue: 2, agingBucket: '0-30' });
    expect(
      accountStanding({ ...base, hasActiveAgreement: true, agreementOldestUnpaidDue: '2026-12-05' }),
    ).toEqual({ status: 'in_agreement', daysPastDue: 0, agingBucket: '0-30' });
  });

  it('is paid off at a zero balance and keeps a legal status otherwise', () => {
    expect(accountStanding({ ...base, balanceMinor: 0, status: 'legal' }).status).toBe('paid');
    expect(accountStanding({ ...base, status: 'legal' }).status).toBe('legal');
    expect(accountStanding({ ...base, status: 'paid' }).status).toBe('active');
  });
});
