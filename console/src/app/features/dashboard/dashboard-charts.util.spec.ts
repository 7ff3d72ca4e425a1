import type { ClientRecovery } from '@recupera/shared';
import { agingAccounts, percentChange, recoveryCharts } from './dashboard-charts.util';

const client = (code: string, currency: string, current: number, previous: number): ClientRecovery => ({
  clientId: code,
  clientCode: code,
  clientName: `Cliente ${code}`,
  currency,
  accounts: 10,
  balanceMinor: 1_000_00,
  recoveredThisMonthMinor: current,
  recoveredPreviousMonthMinor: previous,
});

describe('dashboard charts', () => {
  it('computes the change against the previous month', () => {
    expect(percentChange(150, 100)).toBeCloseTo(0.5);
    expect(percentChange(50, 100)).toBeCloseTo(-0.5);
    expect(percentChange(10, 0)).toBeNull();
  });

  it('never puts two currencies on one axis', () => {
    const charts = recoveryCharts(
      [client('A', 'COP', 5, 4), client('B', 'USD', 3, 2), client('C', 'COP', 1, 0)],
      { thisMonth: 'Este mes', previousMonth: 'Mes anterior' },
      'es',
    );
    expect(charts.map((chart) => chart.currency)).toEqual(['COP', 'USD']);
    const series = charts[0].option.series as { data: number[] }[];
    expect(series[0].data).toEqual([5, 1]);
    expect(series[1].data).toEqual([4, 0]);
  });

  it('adds accounts of every currency per bucket, in bucket order', () => {
    expect(
      agingAccounts([
        { bucket: '180+', accounts: 2, balanceMinor: 1, currency: 'COP' },
        { bucket: '0-30', accounts: 3, balanceMinor: 1, currency: 'COP' },
        { bucket: '0-30', accounts: 4, balanceMinor: 1, currency: 'USD' },
      ]).map((row) => row.accounts),
    ).toEqual([7, 0, 0, 0, 2]);
  });
});
