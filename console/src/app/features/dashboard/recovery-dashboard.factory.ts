import type {
  DelinquencyResponse,
  RecoveryDashboard,
  RecoveryDayPoint,
  RecoveryTotals,
  SweepRow,
  TeamRecovery,
} from '@recupera/shared';

/** Test data for the dashboard: sensible figures, each overridable. */
export function recoveryTotals(overrides: Partial<RecoveryTotals> = {}): RecoveryTotals {
  return {
    recoveredMinor: 150_000_00,
    previousMonthMinor: 120_000_00,
    changeOverPrevious: 0.25,
    goalMinor: 200_000_00,
    attainment: 0.75,
    projectedAttainment: 1.1,
    yearToDateMinor: 900_000_00,
    annualGoalMinor: 2_400_000_00,
    yearToDateAttainment: 0.375,
    ...overrides,
  };
}

export function teamRecovery(overrides: Partial<TeamRecovery> = {}): TeamRecovery {
  return {
    ...recoveryTotals(),
    teamId: '1',
    teamName: 'Equipo Norte',
    supervisorId: '10',
    supervisorName: 'Carla Núñez',
    ...overrides,
  };
}

export function sweepRow(overrides: Partial<SweepRow> = {}): SweepRow {
  return {
    scope: 'portfolio',
    scopeId: '5',
    name: 'Tarjetas',
    assigned: 200,
    attempted: 150,
    rightParty: 60,
    sweepRate: 0.75,
    contactedSweepRate: 0.3,
    ...overrides,
  };
}

export function trendPoints(days: number, perDay = 1_000_00, previousPerDay = 800_00): RecoveryDayPoint[] {
  return Array.from({ length: days }, (_, index) => ({
    day: index + 1,
    recoveredMinor: perDay,
    previousMonthMinor: previousPerDay,
    cumulativeMinor: perDay * (index + 1),
    previousCumulativeMinor: previousPerDay * (index + 1),
  }));
}

export function recoveryDashboard(overrides: Partial<RecoveryDashboard> = {}): RecoveryDashboard {
  return {
    month: '2025-11',
    currency: 'MXN',
    currencies: ['MXN'],
    businessDaysElapsed: 10,
    businessDaysInMonth: 20,
    totals: recoveryTotals(),
    teams: [teamRecovery()],
    trend: trendPoints(30),
    funnel: {
      attempts: 1000,
      humanAnswered: 400,
      rightPartyContacts: 250,
      agreements: 50,
      promisedMinor: 75_000_00,
      installmentsDue: 40,
      installmentsKept: 30,
      contactRate: 0.4,
      rpcRate: 0.25,
      promiseRate: 0.2,
      keptRate: 0.75,
    },
    sweep: {
      portfolios: [sweepRow()],
      teams: [sweepRow({ scope: 'team', scopeId: '1', name: 'Equipo Norte', assigned: 120, attempted: 60 })],
      agents: [
        sweepRow({ scope: 'agent', scopeId: '21', name: 'Lucía Fernández', assigned: 40, attempted: 40 }),
      ],
    },
    leaderboard: [
      {
        agentId: '21',
        agentName: 'Lucía Fernández',
        teamName: 'Equipo Norte',
        recoveredMinor: 40_000_00,
        agreements: 12,
        promisedMinor: 55_000_00,
        attempts: 300,
        rightPartyContacts: 80,
        contactRate: 0.45,
        talkSeconds: 3_725,
      },
    ],
    ...overrides,
  };
}

export function delinquencyResponse(overrides: Partial<DelinquencyResponse> = {}): DelinquencyResponse {
  return {
    by: 'aging',
    currency: 'MXN',
    currencies: ['MXN'],
    countedAt: '2025-11-14T15:00:00.000Z',
    rows: [
      {
        key: '31-60',
        accounts: 20,
        totalBalanceMinor: 500_000_00,
        overdueBalanceMinor: 100_000_00,
        delinquencyIndex: 0.2,
        shareOfBalance: 0.5,
      },
      {
        key: '0-30',
        accounts: 30,
        totalBalanceMinor: 500_000_00,
        overdueBalanceMinor: 50_000_00,
        delinquencyIndex: 0.1,
        shareOfBalance: 0.5,
      },
    ],
    ...overrides,
  };
}
