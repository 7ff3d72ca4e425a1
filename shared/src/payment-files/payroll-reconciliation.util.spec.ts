import { reconcilePayroll, type RequestedDeduction } from './payroll-reconciliation.util';

const requested: RequestedDeduction[] = [
  { lineId: 'l1', reference: 'PR-4-1', accountNumber: 'A-1', nationalId: '111', requestedMinor: 250_000 },
  { lineId: 'l2', reference: 'PR-4-2', accountNumber: 'A-2', nationalId: '222', requestedMinor: 100_000 },
  { lineId: 'l3', reference: 'PR-4-3', accountNumber: 'A-3', nationalId: '333', requestedMinor: 80_000 },
  { lineId: 'l4', reference: 'PR-4-4', accountNumber: 'A-4', nationalId: '444', requestedMinor: 50_000 },
];

describe('reconcilePayroll', () => {
  it('lists shortfalls, excesses, missing lines and unknown employees', () => {
    const result = reconcilePayroll(requested, [
      // l1 by reference, short by 50 000.
      { line: 2, reference: 'PR-4-1', nationalId: null, accountNumber: null, amountMinor: 200_000 },
      // l2 by account number, exact.
      { line: 3, reference: null, nationalId: null, accountNumber: 'A-2', amountMinor: 100_000 },
      // l3 by national id, in two lines that add up to 90 000: 10 000 more than asked.
      { line: 4, reference: null, nationalId: '333', accountNumber: null, amountMinor: 60_000 },
      { line: 5, reference: 'PR-4-3', nationalId: null, accountNumber: null, amountMinor: 30_000 },
      // Nobody on the file.
      { line: 6, reference: null, nationalId: '999', accountNumber: 'Z-9', amountMinor: 40_000 },
    ]);
    expect(result.rows).toEqual([
      {
        kind: 'withheld_less',
        lineId: 'l1',
        withheldLines: [2],
        requestedMinor: 250_000,
        withheldMinor: 200_000,
        differenceMinor: -50_000,
      },
      {
        kind: 'matched',
        lineId: 'l2',
        withheldLines: [3],
        requestedMinor: 100_000,
        withheldMinor: 100_000,
        differenceMinor: 0,
      },
      {
        kind: 'withheld_more',
        lineId: 'l3',
        withheldLines: [4, 5],
        requestedMinor: 80_000,
        withheldMinor: 90_000,
        differenceMinor: 10_000,
      },
      {
        kind: 'missing',
        lineId: 'l4',
        withheldLines: [],
        requestedMinor: 50_000,
        withheldMinor: 0,
        differenceMinor: -50_000,
      },
      {
        kind: 'unknown_employee',
        lineId: null,
        withheldLines: [6],
        requestedMinor: 0,
        withheldMinor: 40_000,
        differenceMinor: 40_000,
      },
    ]);
    // Requested 250 000 + 100 000 + 80 000 + 50 000 = 480 000; matched 200 000 + 100 000 + 90 000 = 390 000.
    expect(result.totals).toEqual({
      requestedMinor: 480_000,
      withheldMinor: 430_000,
      matchedMinor: 390_000,
      unknownMinor: 40_000,
    });
  });

  it('does not guess between two lines of the same employee by national id', () => {
    const twoAccounts: RequestedDeduction[] = [
      { lineId: 'a', reference: 'PR-1-1', accountNumber: 'A-1', nationalId: '111', requestedMinor: 10_000 },
      { lineId: 'b', reference: 'PR-1-2', accountNumber: 'A-2', nationalId: '111', requestedMinor: 10_000 },
    ];
    const result = reconcilePayroll(twoAccounts, [
      { line: 2, reference: null, nationalId: '111', accountNumber: null, amountMinor: 20_000 },
    ]);
    expect(result.rows.map((r) => r.kind)).toEqual(['missing', 'missing', 'unknown_employee']);
  });
});
