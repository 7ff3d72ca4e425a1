import type {
  PeriodCurrencyFigures,
  PeriodFigures,
  PeriodReport,
  PeriodScopeFigures,
  PeriodSummary,
} from '@recupera/shared';

/** Test data: a month's figures as the server sends them, with only what a test cares about set. */
export function periodMoney(overrides: Partial<PeriodCurrencyFigures> = {}): PeriodCurrencyFigures {
  return {
    currency: 'COP',
    recoveredMinor: 0,
    promisedMinor: 0,
    balanceMinor: 0,
    overdueMinor: 0,
    delinquencyIndex: null,
    aging: [
      { bucket: '0-30', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
      { bucket: '31-60', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
      { bucket: '61-90', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
      { bucket: '91-180', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
      { bucket: '180+', accounts: 0, balanceMinor: 0, overdueMinor: 0 },
    ],
    ...overrides,
  };
}

export function periodScope(overrides: Partial<PeriodScopeFigures> = {}): PeriodScopeFigures {
  return {
    scope: 'agency',
    scopeId: null,
    name: '',
    attempts: 0,
    rightPartyContacts: 0,
    agreements: 0,
    installmentsDue: 0,
    installmentsKept: 0,
    keptRate: null,
    assigned: 0,
    attempted: 0,
    rightParty: 0,
    sweepRate: null,
    contactedSweepRate: null,
    money: [],
    ...overrides,
  };
}

export function periodSummary(overrides: Partial<PeriodSummary> = {}): PeriodSummary {
  return { month: '2026-10', status: 'open', ended: true, closedAt: null, closedByName: null, ...overrides };
}

export function periodReport(
  overrides: Partial<PeriodSummary> = {},
  figures: Partial<PeriodFigures> = {},
): PeriodReport {
  return {
    ...periodSummary(overrides),
    figures: {
      countedAt: '2026-11-02T15:00:00.000Z',
      agency: periodScope(),
      clients: [],
      portfolios: [],
      teams: [],
      ...figures,
    },
  };
}
