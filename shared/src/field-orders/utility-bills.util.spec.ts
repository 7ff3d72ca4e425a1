import { billStandings, overdueUnpaidBills, type UtilityBill } from './utility-bills.util';

// Three monthly water bills of 30 000 each, due on the 10th of the month after their period.
const BILLS: UtilityBill[] = [
  { period: '2026-03', amountMinor: 30_000, dueDate: '2026-04-10' },
  { period: '2026-01', amountMinor: 30_000, dueDate: '2026-02-10' },
  { period: '2026-02', amountMinor: 30_000, dueDate: '2026-03-10' },
];

describe('billStandings', () => {
  it('puts the debt on the newest bills: 75 000 owed covers March and February fully and 15 000 of January', () => {
    const standings = billStandings(BILLS, 75_000, '2026-04-11');
    expect(standings.map((b) => [b.period, b.outstandingMinor, b.paid, b.overdue])).toEqual([
      ['2026-01', 15_000, false, true],
      ['2026-02', 30_000, false, true],
      ['2026-03', 30_000, false, true],
    ]);
  });

  it('treats the oldest bill as paid once the debt is down to the two newest (60 000)', () => {
    const standings = billStandings(BILLS, 60_000, '2026-04-11');
    expect(standings.map((b) => [b.period, b.outstandingMinor, b.paid])).toEqual([
      ['2026-01', 0, true],
      ['2026-02', 30_000, false],
      ['2026-03', 30_000, false],
    ]);
  });

  it('marks every bill paid when nothing (or a credit) is owed', () => {
    expect(billStandings(BILLS, 0, '2026-04-11').every((b) => b.paid && !b.overdue)).toBe(true);
    expect(billStandings(BILLS, -5_000, '2026-04-11').every((b) => b.paid)).toBe(true);
  });
});

describe('overdueUnpaidBills', () => {
  it('counts a bill overdue only from the day after its due date', () => {
    // 90 000 owed: all three unpaid. On 10 April March's bill is due that very day, so 2 are overdue.
    expect(overdueUnpaidBills(BILLS, 90_000, '2026-04-10')).toBe(2);
    expect(overdueUnpaidBills(BILLS, 90_000, '2026-04-11')).toBe(3);
  });

  it('counts a partly paid bill as unpaid: 30 001 owed leaves 1 of February besides March', () => {
    expect(overdueUnpaidBills(BILLS, 30_001, '2026-04-11')).toBe(2);
    expect(overdueUnpaidBills(BILLS, 30_000, '2026-04-11')).toBe(1);
  });

  it('counts no bill at all for an account without bills', () => {
    expect(overdueUnpaidBills([], 500_000, '2026-04-11')).toBe(0);
  });
});
