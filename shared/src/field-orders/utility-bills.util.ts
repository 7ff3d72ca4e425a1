import type { IsoDate } from '../domain/dates.util';

/** One bill of a utility account, as the utility's billing file carries it. */
export interface UtilityBill {
  /** The billing period's first month, 'YYYY-MM'. */
  period: string;
  amountMinor: number;
  /** The last day to pay it; the bill is overdue from the next day on. */
  dueDate: IsoDate;
}

export interface BillStanding extends UtilityBill {
  /** What is still owed on this bill. */
  outstandingMinor: number;
  paid: boolean;
  overdue: boolean;
}

/**
 * Which bills are still unpaid, given the principal the account owes now. A payment settles the
 * oldest bill first, so whatever is owed sits on the newest bills: walking from the newest bill
 * back, each takes what it can of the debt until none is left. Deriving the standing from the
 * balance (rather than flagging bills as payments arrive) follows every payment and reversal exactly.
 * Returned oldest first.
 */
export function billStandings(
  bills: readonly UtilityBill[],
  owedMinor: number,
  today: IsoDate,
): BillStanding[] {
  const newestFirst = [...bills].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
  let remaining = Math.max(0, owedMinor);
  const standings = newestFirst.map((bill): BillStanding => {
    const outstandingMinor = Math.min(Math.max(0, bill.amountMinor), remaining);
    remaining -= outstandingMinor;
    return {
      ...bill,
      outstandingMinor,
      paid: outstandingMinor === 0,
      overdue: outstandingMinor > 0 && bill.dueDate < today,
    };
  });
  return standings.reverse();
}

/** How many bills are unpaid past their due date: what suspension rules count. */
export function overdueUnpaidBills(bills: readonly UtilityBill[], owedMinor: number, today: IsoDate): number {
  return billStandings(bills, owedMinor, today).filter((bill) => bill.overdue).length;
}
