import type { TeamRecovery } from '@recupera/shared';
import {
  delinquencyChart,
  funnelChart,
  goalsChart,
  projectedMinor,
  sweepChart,
  trendChart,
} from './recovery-charts.util';
import {
  delinquencyResponse,
  recoveryDashboard,
  sweepRow,
  teamRecovery,
  trendPoints,
} from './recovery-dashboard.factory';
import { funnelSteps } from './recovery-rows.util';

interface Series {
  type: string;
  name?: string;
  data: unknown[];
  yAxisIndex?: number;
}

const seriesOf = (option: { series?: unknown }) => option.series as Series[];
const supervisor = (team: TeamRecovery) => team.supervisorName ?? '—';

describe('recovery charts', () => {
  it('puts the projected close beside each goal, and none where there is no goal', () => {
    const teams = [
      teamRecovery({ goalMinor: 200_000_00, projectedAttainment: 1.1 }),
      teamRecovery({ teamId: '2', teamName: 'Equipo Sur', goalMinor: null, projectedAttainment: null }),
    ];
    expect(projectedMinor(teams[0])).toBe(220_000_00);
    const option = goalsChart(
      teams,
      'MXN',
      { recovered: 'Recaudado', goal: 'Meta', projected: 'Proyectado', supervisor },
      'es',
    );
    const [recovered, goal, projected] = seriesOf(option);
    expect(recovered).toMatchObject({ type: 'bar', data: [150_000_00, 150_000_00] });
    expect(goal.data).toEqual([200_000_00, null]);
    expect(projected).toMatchObject({ type: 'scatter', data: [220_000_00, null] });
    expect((option.xAxis as { data: string[] }).data).toEqual([
      'Carla Núñez\nEquipo Norte',
      'Carla Núñez\nEquipo Sur',
    ]);
  });

  it('stops this month’s trend at today and keeps the previous month whole', () => {
    const option = trendChart(
      trendPoints(30),
      'MXN',
      { thisMonth: 'a', previousMonth: 'b', cumulative: 'c', previousCumulative: 'd' },
      'es',
      3,
    );
    const [daily, previousDaily, cumulative, previousCumulative] = seriesOf(option);
    expect(daily.data.slice(0, 4)).toEqual([1_000_00, 1_000_00, 1_000_00, null]);
    expect(cumulative).toMatchObject({ type: 'line', yAxisIndex: 1 });
    expect(cumulative.data.slice(0, 4)).toEqual([1_000_00, 2_000_00, 3_000_00, null]);
    expect(previousDaily.data).toHaveLength(30);
    expect(previousCumulative.data[29]).toBe(800_00 * 30);
  });

  it('draws a past month to its end', () => {
    const option = trendChart(
      trendPoints(30),
      'MXN',
      { thisMonth: 'a', previousMonth: 'b', cumulative: 'c', previousCumulative: 'd' },
      'es',
      null,
    );
    expect(seriesOf(option)[2].data[29]).toBe(1_000_00 * 30);
  });

  it('keeps the funnel in stage order whatever the sizes', () => {
    const option = funnelChart(funnelSteps(recoveryDashboard().funnel), (stage) => stage, 'es');
    const [funnel] = seriesOf(option) as (Series & { sort: string; max: number })[];
    expect(funnel.sort).toBe('none');
    expect(funnel.max).toBe(1000);
    expect(funnel.data).toEqual([
      { name: 'attempts', value: 1000 },
      { name: 'humanAnswered', value: 400 },
      { name: 'rightPartyContacts', value: 250 },
      { name: 'agreements', value: 50 },
      { name: 'installmentsKept', value: 30 },
    ]);
  });

  it('charts the sweep rates of each portfolio, leaving a gap where nothing was assigned', () => {
    const option = sweepChart(
      [sweepRow(), sweepRow({ scopeId: '6', name: 'Nueva', sweepRate: null, contactedSweepRate: null })],
      { sweep: 'Recorrido', contactedSweep: 'Recorrido contactado' },
      'es',
    );
    const [sweep, contacted] = seriesOf(option);
    expect(sweep.data).toEqual([0.75, null]);
    expect(contacted.data).toEqual([0.3, null]);
  });

  it('stacks current and overdue balance to the total, in bucket order, with the index on its own axis', () => {
    const response = delinquencyResponse();
    const option = delinquencyChart(
      'aging',
      response.rows,
      'MXN',
      { current: 'Al día', overdue: 'Vencido', index: 'Índice', group: (key) => `#${key}` },
      'es',
    );
    const [current, overdue, index] = seriesOf(option);
    expect((option.xAxis as { data: string[] }).data).toEqual(['#0-30', '#31-60']);
    expect(current.data).toEqual([450_000_00, 400_000_00]);
    expect(overdue.data).toEqual([50_000_00, 100_000_00]);
    expect(index).toMatchObject({ type: 'line', yAxisIndex: 1, data: [0.1, 0.2] });
  });
});
