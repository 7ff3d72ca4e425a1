import { TestBed } from '@angular/core/testing';
import { I18nService } from '../../core/i18n/i18n.service';
import {
  delinquencyResponse,
  recoveryDashboard,
  recoveryTotals,
  sweepRow,
  teamRecovery,
} from './recovery-dashboard.factory';
import {
  attainmentTone,
  canDrill,
  delinquencyRows,
  drillAccountRows,
  funnelRows,
  isQuietMonth,
  leaderboardRows,
  orderDelinquency,
  recoveryKpis,
  signedPercent,
  sweepBasis,
  sweepRows,
  sweepTotals,
  talkTime,
  teamRows,
  teamTotalRow,
} from './recovery-rows.util';

describe('recovery rows', () => {
  let i18n: I18nService;

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
  });

  it('shows a rise with its sign and colours attainment by how close it is', () => {
    expect(signedPercent(0.25, i18n)).toBe('+25\u00a0%');
    expect(signedPercent(-0.1, i18n)).toBe('-10\u00a0%');
    expect(signedPercent(null, i18n)).toBe('—');
    expect([1.2, 0.8, 0.3, null].map(attainmentTone)).toEqual(['success', 'warning', 'danger', 'muted']);
  });

  it('writes talk time as h:mm:ss', () => {
    expect(talkTime(3_725)).toBe('1:02:05');
    expect(talkTime(59)).toBe('0:00:59');
  });

  it('lists one KPI card per figure, with the money in the dashboard currency', () => {
    const dashboard = recoveryDashboard();
    const kpis = recoveryKpis(dashboard, sweepTotals(dashboard.sweep.portfolios), i18n);
    expect(kpis.map((kpi) => kpi.id)).toEqual([
      'recovered',
      'attainment',
      'projected',
      'ytd',
      'sweep',
      'contact',
      'promise',
      'kept',
    ]);
    const [recovered, attainment, projected, ytd, sweep, contact] = kpis;
    expect(recovered.value).toBe(i18n.minor(150_000_00, 'MXN'));
    expect(recovered.hint).toBe('+25\u00a0% vs. mes anterior');
    expect(recovered.tone).toBe('success');
    expect(attainment.value).toBe('75\u00a0%');
    expect(attainment.hint).toBe(`Meta: ${i18n.minor(200_000_00, 'MXN')}`);
    expect(projected.value).toBe('110\u00a0%');
    expect(projected.hint).toBe('Al ritmo de 10 de 20 días hábiles');
    expect(ytd.hint).toBe(`37,5\u00a0% de la meta anual (${i18n.minor(2_400_000_00, 'MXN')})`);
    expect(sweep.value).toBe('75\u00a0%');
    expect(sweep.hint).toBe('150 de 200 cuentas gestionadas');
    expect(contact.value).toBe('40\u00a0%');
  });

  it('says when there is no goal or no previous month rather than showing zeros', () => {
    const dashboard = recoveryDashboard({
      totals: recoveryTotals({
        changeOverPrevious: null,
        goalMinor: null,
        attainment: null,
        projectedAttainment: null,
        annualGoalMinor: null,
        yearToDateAttainment: null,
      }),
    });
    const kpis = recoveryKpis(dashboard, sweepTotals([]), i18n);
    expect(kpis.map((kpi) => [kpi.value, kpi.hint]).slice(0, 5)).toEqual([
      [i18n.minor(150_000_00, 'MXN'), 'Sin recaudo el mes anterior'],
      ['—', 'Sin meta para el mes'],
      ['—', 'Al ritmo de 10 de 20 días hábiles'],
      [i18n.minor(900_000_00, 'MXN'), 'Sin meta anual'],
      ['—', '0 de 0 cuentas gestionadas'],
    ]);
  });

  it('adds up the sweep of the teams when the view is narrowed to teams', () => {
    const dashboard = recoveryDashboard();
    expect(sweepTotals(sweepBasis(dashboard, false))).toMatchObject({ assigned: 200, attempted: 150 });
    expect(sweepTotals(sweepBasis(dashboard, true))).toMatchObject({
      assigned: 120,
      attempted: 60,
      sweepRate: 0.5,
    });
  });

  it('maps each team and the total line with every figure of the table', () => {
    const teams = [
      teamRecovery(),
      teamRecovery({
        teamId: '2',
        teamName: 'Equipo Sur',
        supervisorName: null,
        goalMinor: null,
        attainment: null,
      }),
    ];
    const rows = teamRows(teams, 'MXN', i18n);
    expect(rows[0]).toEqual({
      id: '1',
      supervisor: 'Carla Núñez',
      team: 'Equipo Norte',
      recovered: i18n.minor(150_000_00, 'MXN'),
      goal: i18n.minor(200_000_00, 'MXN'),
      attainment: '75\u00a0%',
      bar: 75,
      tone: 'warning',
      projected: '110\u00a0%',
      projectedTone: 'success',
      previous: i18n.minor(120_000_00, 'MXN'),
      change: '+25\u00a0%',
      changeTone: 'success',
      ytd: i18n.minor(900_000_00, 'MXN'),
      annualGoal: i18n.minor(2_400_000_00, 'MXN'),
    });
    expect(rows[1]).toMatchObject({
      supervisor: 'Sin supervisor',
      goal: 'Sin meta',
      attainment: '—',
      bar: 0,
    });
    expect(teamTotalRow(recoveryDashboard(), i18n)).toMatchObject({ id: 'total', supervisor: 'Total' });
  });

  it('caps the attainment bar at 100 without changing the figure', () => {
    const [row] = teamRows([teamRecovery({ attainment: 1.6 })], 'MXN', i18n);
    expect(row.bar).toBe(100);
    expect(row.attainment).toBe('160\u00a0%');
  });

  it('makes every sweep count with accounts behind it a drill-down, except portfolios for supervisors', () => {
    const rows = [sweepRow({ attempted: 200, rightParty: 0 })];
    const [manager] = sweepRows(rows, false, i18n);
    expect(manager.assigned).toEqual({ measure: 'assigned', text: '200', drillable: true });
    expect(manager.notAttempted).toEqual({ measure: 'not_attempted', text: '0', drillable: false });
    expect(manager.rightParty.drillable).toBe(false);
    expect(manager.sweep).toBe('75\u00a0%');
    const [supervisor] = sweepRows(rows, true, i18n);
    expect(supervisor.assigned.drillable).toBe(false);
    expect(canDrill('team', true)).toBe(true);
    expect(canDrill('agent', true)).toBe(true);
  });

  it('ranks the leaderboard in the server’s order', () => {
    const [row] = leaderboardRows(recoveryDashboard().leaderboard, 'MXN', i18n);
    expect(row).toMatchObject({
      rank: '1',
      agent: 'Lucía Fernández',
      contactRate: '45\u00a0%',
      talk: '1:02:05',
    });
  });

  it('gives each funnel stage the rate it is judged by', () => {
    const rows = funnelRows(recoveryDashboard().funnel, i18n);
    expect(rows.map((row) => [row.label, row.count, row.rate, row.base])).toEqual([
      ['Intentos', '1.000', '', ''],
      ['Atendidas por una persona', '400', '40\u00a0%', 'los intentos'],
      ['Contactos efectivos', '250', '25\u00a0%', 'los intentos'],
      ['Convenios', '50', '20\u00a0%', 'los contactos efectivos'],
      ['Cuotas cumplidas', '30', '75\u00a0%', '40 cuotas vencidas'],
    ]);
  });

  it('orders aging buckets naturally and other groups by balance, the unset one last', () => {
    expect(orderDelinquency('aging', delinquencyResponse().rows).map((row) => row.key)).toEqual([
      '0-30',
      '31-60',
    ]);
    const row = (key: string, totalBalanceMinor: number) => ({
      key,
      accounts: 1,
      totalBalanceMinor,
      overdueBalanceMinor: 0,
      delinquencyIndex: 0,
      shareOfBalance: null,
    });
    expect(
      orderDelinquency('zona', [row('', 900), row('Centro', 100), row('Norte', 500)]).map((r) => r.key),
    ).toEqual(['Norte', 'Centro', '']);
    expect(delinquencyRows('zona', [row('', 900)], 'MXN', i18n)[0].label).toBe('Sin dato');
    expect(delinquencyRows('aging', delinquencyResponse().rows, 'MXN', i18n)[0]).toEqual({
      key: '0-30',
      label: '0–30 días',
      accounts: '30',
      total: i18n.minor(500_000_00, 'MXN'),
      overdue: i18n.minor(50_000_00, 'MXN'),
      index: '10\u00a0%',
      share: '50\u00a0%',
    });
  });

  it('formats drilled accounts in their own currency', () => {
    const [row] = drillAccountRows(
      [
        {
          accountId: '99',
          accountNumber: 'BC-0099',
          debtorName: 'Ana Ruiz',
          balanceMinor: 12_345,
          currency: 'USD',
          daysPastDue: 45,
          attempted: true,
          rightParty: false,
        },
      ],
      i18n,
    );
    expect(row).toEqual({
      id: '99',
      accountNumber: 'BC-0099',
      debtor: 'Ana Ruiz',
      balance: i18n.minor(12_345, 'USD'),
      daysPastDue: '45',
      attempted: 'Sí',
      rightParty: 'No',
    });
  });

  it('knows a month without any activity', () => {
    expect(isQuietMonth(recoveryDashboard())).toBe(false);
    const quiet = recoveryDashboard({
      totals: recoveryTotals({ recoveredMinor: 0, previousMonthMinor: 0 }),
      sweep: { portfolios: [], teams: [], agents: [] },
    });
    quiet.funnel.attempts = 0;
    expect(isQuietMonth(quiet)).toBe(true);
  });
});
