import {
  agingRows,
  hasFigures,
  NO_SWEEP,
  scopeFigures,
  sumSweep,
  type AgingGroup,
  type PeriodCubeCounts,
} from './period-figures.util';

const cube = (c: Partial<PeriodCubeCounts>): PeriodCubeCounts => ({
  attempts: 0,
  rightPartyContacts: 0,
  agreements: 0,
  promisedMinor: 0,
  recoveredMinor: 0,
  installmentsDue: 0,
  installmentsKept: 0,
  ...c,
});

const group = (g: Partial<AgingGroup>): AgingGroup => ({
  clientId: '1',
  portfolioId: '10',
  teamId: null,
  currency: 'COP',
  bucket: '0-30',
  accounts: 1,
  balanceMinor: 0,
  overdueMinor: 0,
  ...g,
});

describe('period figures', () => {
  it('lists every aging bucket in order, summing the groups in each and leaving empty ones at zero', () => {
    const rows = agingRows([
      group({ bucket: '31-60', accounts: 2, balanceMinor: 300_000, overdueMinor: 300_000 }),
      group({ bucket: '31-60', accounts: 1, balanceMinor: 50_000, overdueMinor: 50_000, portfolioId: '11' }),
      group({ bucket: '0-30', accounts: 4, balanceMinor: 400_000, overdueMinor: 100_000 }),
    ]);
    expect(rows).toEqual([
      { bucket: '0-30', accounts: 4, balanceMinor: 400_000, overdueMinor: 100_000 },
      // 300 000 + 50 000.
      { bucket: '31-60', accounts: 3, balanceMinor: 350_000, overdueMinor: 350_000 },
      { bucket: '61-90', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
      { bucket: '91-180', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
      { bucket: '180+', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
    ]);
  });

  it('adds a client’s portfolios’ sweep', () => {
    expect(
      sumSweep([
        { assigned: 4, attempted: 2, rightParty: 1 },
        { assigned: 2, attempted: 1, rightParty: 1 },
      ]),
    ).toEqual({ assigned: 6, attempted: 3, rightParty: 2 });
    expect(sumSweep([])).toEqual(NO_SWEEP);
  });

  it('adds counts over currencies but keeps each currency’s money apart, the largest first', () => {
    const figures = scopeFigures(
      { scope: 'team', scopeId: '7', name: 'Norte' },
      new Map([
        ['USD', cube({ attempts: 2, recoveredMinor: 1_000, installmentsDue: 1, installmentsKept: 0 })],
        [
          'COP',
          cube({
            attempts: 3,
            rightPartyContacts: 2,
            agreements: 1,
            promisedMinor: 90_000,
            recoveredMinor: 400_000,
            installmentsDue: 3,
            installmentsKept: 2,
          }),
        ],
      ]),
      { assigned: 4, attempted: 2, rightParty: 1 },
      [
        group({ currency: 'COP', bucket: '0-30', balanceMinor: 600_000, overdueMinor: 0 }),
        group({ currency: 'COP', bucket: '61-90', balanceMinor: 200_000, overdueMinor: 200_000 }),
      ],
    );
    expect(figures).toMatchObject({
      scope: 'team',
      scopeId: '7',
      name: 'Norte',
      attempts: 5,
      rightPartyContacts: 2,
      agreements: 1,
      // 2 kept of 1 + 3 due.
      installmentsDue: 4,
      installmentsKept: 2,
      keptRate: 0.5,
      sweepRate: 0.5,
      contactedSweepRate: 0.25,
    });
    expect(figures.money.map((m) => m.currency)).toEqual(['COP', 'USD']);
    // 200 000 overdue of 800 000 owed = 25 %.
    expect(figures.money[0]).toMatchObject({
      recoveredMinor: 400_000,
      promisedMinor: 90_000,
      balanceMinor: 800_000,
      overdueMinor: 200_000,
      delinquencyIndex: 0.25,
    });
    // USD has money recovered but no receivable balance: no index, every bucket at zero.
    expect(figures.money[1]).toMatchObject({
      recoveredMinor: 1_000,
      balanceMinor: 0,
      delinquencyIndex: null,
    });
    expect(figures.money[1].aging).toHaveLength(5);
  });

  it('shows a currency owed even when nothing was recovered in it', () => {
    const figures = scopeFigures(
      { scope: 'portfolio', scopeId: '10', name: 'P', clientId: '1' },
      new Map(),
      NO_SWEEP,
      [group({ currency: 'MXN', balanceMinor: 5_000 })],
    );
    expect(figures.clientId).toBe('1');
    expect(figures.money).toEqual([
      expect.objectContaining({ currency: 'MXN', recoveredMinor: 0, balanceMinor: 5_000 }),
    ]);
    expect(figures.keptRate).toBeNull();
    expect(figures.sweepRate).toBeNull();
    expect(hasFigures(figures)).toBe(true);
  });

  it('leaves out a scope that did and held nothing', () => {
    const idle = scopeFigures(
      { scope: 'client', scopeId: '2', name: 'Idle' },
      new Map([['COP', cube({})]]),
      NO_SWEEP,
      [],
    );
    expect(hasFigures(idle)).toBe(false);
  });
});
