import { monthPeriod } from './period.util';
import {
  isInstallmentKept,
  periodMetrics,
  type AssignmentSpan,
  type MetricFacts,
  type ScopeKeys,
} from './period-metrics.util';

/*
 * November 2026 in Bogotá (UTC−5, no daylight saving): the period runs from 2026-11-01T05:00Z to
 * 2026-12-01T05:00Z. Team T1 (agent G1) and team T2 (agent G2) work client C1's portfolio P1.
 *
 *   A1  T1/G1 all month                                   balance 100 000
 *   A2  T1/G1 until 15 Nov 10:00 local, then T2/G2         balance 200 000
 *   A3  T2/G2 from 20 Nov 10:00 local                      balance 300 000
 *   A4  T1/G1 until 31 Oct 07:00 local (not in November)   balance 400 000
 */
const base = { portfolioId: 'P1', clientId: 'C1' };
const t1 = (accountId: string): ScopeKeys => ({ ...base, accountId, teamId: 'T1', agentId: 'G1' });
const t2 = (accountId: string): ScopeKeys => ({ ...base, accountId, teamId: 'T2', agentId: 'G2' });
const at = (iso: string) => new Date(iso);

function span(keys: ScopeKeys, from: string, to: string | null, balanceMinor: number): AssignmentSpan {
  return { ...keys, from: at(from), to: to === null ? null : at(to), balanceMinor };
}

const facts: MetricFacts = {
  assignments: [
    span(t1('A1'), '2026-10-01T12:00:00Z', null, 100_000),
    span(t1('A2'), '2026-10-01T12:00:00Z', '2026-11-15T15:00:00Z', 200_000),
    span(t2('A2'), '2026-11-15T15:00:00Z', null, 200_000),
    span(t2('A3'), '2026-11-20T15:00:00Z', null, 300_000),
    span(t1('A4'), '2026-10-01T12:00:00Z', '2026-10-31T12:00:00Z', 400_000),
  ],
  attempts: [
    // #1 and #2: A1 by T1, a right-party contact and then no answer.
    { ...t1('A1'), at: at('2026-11-02T15:00:00Z'), humanAnswered: true, rightPartyContact: true },
    { ...t1('A1'), at: at('2026-11-03T15:00:00Z'), humanAnswered: false, rightPartyContact: false },
    // #3: A2 by T1 before the reassignment, a third party answers.
    { ...t1('A2'), at: at('2026-11-10T15:00:00Z'), humanAnswered: true, rightPartyContact: false },
    // #4: A2 by T2 after it, the debtor.
    { ...t2('A2'), at: at('2026-11-20T15:00:00Z'), humanAnswered: true, rightPartyContact: true },
    // #5: 31 Oct 23:00 in Bogotá — October's, although it is 1 November in UTC.
    { ...t1('A1'), at: at('2026-11-01T04:00:00Z'), humanAnswered: false, rightPartyContact: false },
    // #6: 30 Nov 23:30 in Bogotá — November's, although it is 1 December in UTC.
    { ...t2('A3'), at: at('2026-12-01T04:30:00Z'), humanAnswered: false, rightPartyContact: false },
  ],
  agreements: [
    { ...t1('A1'), at: at('2026-11-02T15:10:00Z') },
    { ...t2('A2'), at: at('2026-11-20T15:10:00Z') },
  ],
  payments: [
    { ...t1('A1'), paidAt: at('2026-11-05T15:00:00Z'), amountMinor: 50_000, reversed: false },
    // Reversed (a bounced transfer): never recovered.
    { ...t1('A1'), paidAt: at('2026-11-06T15:00:00Z'), amountMinor: 20_000, reversed: true },
    // 30 Nov 23:30 local: November's, T2's (A2 is theirs by then).
    { ...t2('A2'), paidAt: at('2026-12-01T04:30:00Z'), amountMinor: 30_000, reversed: false },
    // 31 Oct 23:59 local: October's.
    { ...t1('A2'), paidAt: at('2026-11-01T04:59:00Z'), amountMinor: 10_000, reversed: false },
  ],
  installments: [
    // I1: 10 000 + 15 000 by 12 Nov, within 10 Nov + 3 grace days → kept.
    {
      ...t1('A1'),
      dueDate: '2026-11-10',
      amountMinor: 25_000,
      graceDays: 3,
      paid: [
        { on: '2026-11-08', amountMinor: 10_000 },
        { on: '2026-11-12', amountMinor: 15_000 },
      ],
    },
    // I2: paid in full on 29 Nov, a day after 25 Nov + 3 → broken.
    {
      ...t1('A1'),
      dueDate: '2026-11-25',
      amountMinor: 25_000,
      graceDays: 3,
      paid: [{ on: '2026-11-29', amountMinor: 25_000 }],
    },
    // I3: due in December — not November's.
    { ...t2('A2'), dueDate: '2026-12-01', amountMinor: 30_000, graceDays: 3, paid: [] },
    // I4: paid on its due date → kept.
    {
      ...t2('A2'),
      dueDate: '2026-11-30',
      amountMinor: 30_000,
      graceDays: 3,
      paid: [{ on: '2026-11-30', amountMinor: 30_000 }],
    },
  ],
};

const november = monthPeriod('2026-11', 'America/Bogota');

describe('periodMetrics', () => {
  it('bounds the month by local midnights of the agency zone', () => {
    expect(november.start.toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect(november.end.toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('counts team T1: the account it lost mid-month is still one it held during November', () => {
    /*
     * assigned {A1, A2} = 2 (A4 left in October); balance at the start 100 000 + 200 000 = 300 000.
     * attempts #1 #2 #3 = 3 over {A1, A2}; people answered #1 #3 = 2; right party #1 = 1 on {A1}.
     * agreements 1; recovered 50 000 (the reversal and October's 31st excluded).
     * installments due I1, I2 = 2, kept I1 = 1.
     */
    expect(periodMetrics(facts, { scope: 'team', id: 'T1' }, november)).toEqual({
      accountsAssigned: 2,
      accountsAttempted: 2,
      accountsWithRpc: 1,
      attempts: 3,
      humanAnswered: 2,
      rightPartyContacts: 1,
      agreements: 1,
      recoveredMinor: 50_000,
      startBalanceMinor: 300_000,
      installmentsDue: 2,
      installmentsKept: 1,
      sweepRate: 1,
      contactedSweepRate: 0.5,
      contactRate: 2 / 3,
      rpcRate: 1 / 3,
      promiseRate: 1,
      keptRate: 0.5,
      recoveryRate: 50_000 / 300_000,
    });
  });

  it('counts team T2: accounts that arrived mid-month, and the month-end payment in local time', () => {
    /*
     * assigned {A2 from the 15th, A3 from the 20th} = 2; nothing held at the start → no recovery rate.
     * attempts #4 #6 = 2 over {A2, A3}; answered #4 = 1; right party #4 = 1 on {A2}.
     * agreements 1; recovered 30 000 (30 Nov 23:30 local); installments due I4 = 1, kept 1.
     */
    const t2Metrics = periodMetrics(facts, { scope: 'team', id: 'T2' }, november);
    expect(t2Metrics).toMatchObject({
      accountsAssigned: 2,
      accountsAttempted: 2,
      accountsWithRpc: 1,
      attempts: 2,
      humanAnswered: 1,
      rightPartyContacts: 1,
      agreements: 1,
      recoveredMinor: 30_000,
      startBalanceMinor: 0,
      installmentsDue: 1,
      installmentsKept: 1,
      sweepRate: 1,
      contactRate: 0.5,
      keptRate: 1,
      recoveryRate: null,
    });
  });

  it('counts the client once per account across its teams', () => {
    /*
     * assigned {A1, A2, A3} = 3; start balance 100 000 + 200 000 (A2's second span began later) = 300 000.
     * attempts #1 #2 #3 #4 #6 = 5 over 3 accounts; answered 3; right party 2 on {A1, A2}.
     * agreements 2; recovered 50 000 + 30 000 = 80 000; installments due I1 I2 I4 = 3, kept 2.
     */
    expect(periodMetrics(facts, { scope: 'client', id: 'C1' }, november)).toMatchObject({
      accountsAssigned: 3,
      accountsAttempted: 3,
      accountsWithRpc: 2,
      attempts: 5,
      humanAnswered: 3,
      rightPartyContacts: 2,
      agreements: 2,
      recoveredMinor: 80_000,
      startBalanceMinor: 300_000,
      installmentsDue: 3,
      installmentsKept: 2,
      contactedSweepRate: 2 / 3,
      promiseRate: 1,
    });
  });

  it('has no rates for a scope with nothing in the period', () => {
    expect(periodMetrics(facts, { scope: 'agent', id: 'nobody' }, november)).toMatchObject({
      accountsAssigned: 0,
      sweepRate: null,
      contactRate: null,
      keptRate: null,
      recoveryRate: null,
    });
  });
});

describe('isInstallmentKept', () => {
  const installment = { ...t1('A1'), dueDate: '2026-11-10', amountMinor: 25_000, graceDays: 0 };

  it('adds up partial payments made by the deadline', () => {
    expect(
      isInstallmentKept({
        ...installment,
        paid: [
          { on: '2026-11-01', amountMinor: 12_500 },
          { on: '2026-11-10', amountMinor: 12_500 },
        ],
      }),
    ).toBe(true);
  });

  it('is broken one minor unit short, or a day late', () => {
    expect(isInstallmentKept({ ...installment, paid: [{ on: '2026-11-10', amountMinor: 24_999 }] })).toBe(
      false,
    );
    expect(isInstallmentKept({ ...installment, paid: [{ on: '2026-11-11', amountMinor: 25_000 }] })).toBe(
      false,
    );
  });
});
