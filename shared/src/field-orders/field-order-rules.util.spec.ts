import {
  decideFieldOrders,
  protectedStrataOf,
  reconnectionCause,
  reconnectionDueAt,
  reconnectionFeeMinor,
  routeOf,
  suspensionThreshold,
  type FieldOrderPolicy,
  type UtilityAccountSnapshot,
} from './field-order-rules.util';

const NOW = new Date('2026-04-11T15:00:00.000Z');
const TODAY = '2026-04-11';

// Monthly bills of 40 000: January, February and March are all past their due dates on 11 April.
const BILLS = [
  { period: '2026-01', amountMinor: 40_000, dueDate: '2026-02-10' },
  { period: '2026-02', amountMinor: 40_000, dueDate: '2026-03-10' },
  { period: '2026-03', amountMinor: 40_000, dueDate: '2026-04-10' },
];

const POLICY: FieldOrderPolicy = {
  threshold: 2,
  suspensionDueHours: 72,
  reconnectionFeeMinor: 25_000,
  protectedStrata: [1, 2],
};

const account = (patch: Partial<UtilityAccountSnapshot> = {}): UtilityAccountSnapshot => ({
  status: 'active',
  owedMinor: 120_000,
  bills: BILLS,
  serviceState: 'connected',
  stratum: 3,
  openKinds: [],
  ...patch,
});

describe('suspensionThreshold', () => {
  it("caps the client's N by the jurisdiction (Ley 142: 3 monthly periods) and keeps it when lower", () => {
    expect(suspensionThreshold(4, 3)).toBe(3);
    expect(suspensionThreshold(2, 3)).toBe(2);
    expect(suspensionThreshold(5, null)).toBe(5);
  });
});

describe('reconnection fee', () => {
  it('waives the fee for protected strata 1 and 2 and charges it to stratum 3 and to accounts without one', () => {
    expect(reconnectionFeeMinor(25_000, 1, [1, 2])).toBe(0);
    expect(reconnectionFeeMinor(25_000, 2, [1, 2])).toBe(0);
    expect(reconnectionFeeMinor(25_000, 3, [1, 2])).toBe(25_000);
    expect(reconnectionFeeMinor(25_000, null, [1, 2])).toBe(25_000);
  });

  it("takes the client's strata over the jurisdiction's, and none when neither sets them", () => {
    expect(protectedStrataOf([1], [1, 2])).toEqual([1]);
    expect(protectedStrataOf(null, [1, 2])).toEqual([1, 2]);
    expect(protectedStrataOf(null, null)).toEqual([]);
  });
});

describe('reconnectionDueAt', () => {
  it('is 24 hours after the cause went away, across a day and month end', () => {
    expect(reconnectionDueAt(new Date('2026-04-30T22:30:00.000Z')).toISOString()).toBe(
      '2026-05-01T22:30:00.000Z',
    );
  });
});

describe('routeOf', () => {
  it('routes by zone, by sector without one, and nowhere without either', () => {
    expect(routeOf({ zona: 'Zona 4', sector: 'Residencial' })).toBe('Zona 4');
    expect(routeOf({ zona: '  ', sector: 'Comercial' })).toBe('Comercial');
    expect(routeOf({ zona: null, sector: null })).toBeNull();
  });
});

describe('reconnectionCause', () => {
  it('names paid, agreement and under-threshold accounts, and none for the legal stage', () => {
    expect(reconnectionCause('paid', 0, 2)).toBe('paid_in_full');
    expect(reconnectionCause('in_agreement', 3, 2)).toBe('agreement');
    expect(reconnectionCause('active', 1, 2)).toBe('bills_under_threshold');
    expect(reconnectionCause('active', 2, 2)).toBeNull();
    expect(reconnectionCause('legal', 0, 2)).toBeNull();
  });
});

describe('decideFieldOrders', () => {
  it('suspends an active account with 3 overdue unpaid bills against a threshold of 2, due in 72 h', () => {
    expect(decideFieldOrders(account(), POLICY, TODAY, NOW)).toEqual([
      { type: 'suspend', unpaidBills: 3, dueAt: new Date('2026-04-14T15:00:00.000Z') },
    ]);
  });

  it('suspends at exactly the threshold: 80 000 owed is February and March', () => {
    expect(decideFieldOrders(account({ owedMinor: 80_000 }), POLICY, TODAY, NOW)).toEqual([
      expect.objectContaining({ type: 'suspend', unpaidBills: 2 }),
    ]);
  });

  it('leaves an account with one unpaid bill (40 000 owed) alone', () => {
    expect(decideFieldOrders(account({ owedMinor: 40_000 }), POLICY, TODAY, NOW)).toEqual([]);
  });

  it('never opens a second suspension, and never suspends an account under an agreement', () => {
    expect(decideFieldOrders(account({ openKinds: ['suspension'] }), POLICY, TODAY, NOW)).toEqual([]);
    expect(decideFieldOrders(account({ status: 'legal' }), POLICY, TODAY, NOW)).toEqual([]);
  });

  it('cancels the open suspension of an account that paid, without a reconnection (it was never cut)', () => {
    expect(
      decideFieldOrders(
        account({ status: 'paid', owedMinor: 0, openKinds: ['suspension'] }),
        POLICY,
        TODAY,
        NOW,
      ),
    ).toEqual([{ type: 'cancel-suspension', reason: 'paid_in_full' }]);
  });

  it('reconnects a suspended stratum-3 account that paid in full within 24 h, with the 25 000 fee', () => {
    expect(
      decideFieldOrders(
        account({ status: 'paid', owedMinor: 0, serviceState: 'suspended' }),
        POLICY,
        TODAY,
        NOW,
      ),
    ).toEqual([
      {
        type: 'reconnect',
        cause: 'paid_in_full',
        dueAt: new Date('2026-04-12T15:00:00.000Z'),
        feeMinor: 25_000,
      },
    ]);
  });

  it('reconnects a suspended stratum-1 account under a new agreement free of charge', () => {
    expect(
      decideFieldOrders(
        account({ status: 'in_agreement', serviceState: 'suspended', stratum: 1 }),
        POLICY,
        TODAY,
        NOW,
      ),
    ).toEqual([expect.objectContaining({ type: 'reconnect', cause: 'agreement', feeMinor: 0 })]);
  });

  it('reconnects once back under the threshold (one bill left), but not twice', () => {
    const suspended = account({ owedMinor: 40_000, serviceState: 'suspended' });
    expect(decideFieldOrders(suspended, POLICY, TODAY, NOW)).toEqual([
      expect.objectContaining({ type: 'reconnect', cause: 'bills_under_threshold' }),
    ]);
    expect(decideFieldOrders({ ...suspended, openKinds: ['reconnection'] }, POLICY, TODAY, NOW)).toEqual([]);
  });

  it('keeps a suspended account with the bills still unpaid suspended, with nothing to do', () => {
    expect(decideFieldOrders(account({ serviceState: 'suspended' }), POLICY, TODAY, NOW)).toEqual([]);
  });
});
