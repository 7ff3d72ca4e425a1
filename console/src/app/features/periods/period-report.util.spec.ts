import { TestBed } from '@angular/core/testing';
import { ErrorCode, PeriodError } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { agingChart, teamsChart } from './period-charts.util';
import { periodMoney, periodScope } from './period-report.factory';
import { canClose, moneyIn, periodConflictKey, periodKpis, scopeRows } from './period-report.util';

const NORTE = periodScope({
  scope: 'team',
  scopeId: '7',
  name: 'Norte',
  installmentsDue: 4,
  installmentsKept: 3,
  keptRate: 0.75,
  assigned: 8,
  attempted: 6,
  rightParty: 2,
  sweepRate: 0.75,
  contactedSweepRate: 0.25,
  money: [
    periodMoney({
      currency: 'COP',
      recoveredMinor: 12_500_000,
      balanceMinor: 40_000_000,
      overdueMinor: 30_000_000,
      delinquencyIndex: 0.75,
      aging: [
        { bucket: '0-30', accounts: 2, balanceMinor: 10_000_000, overdueMinor: 0 },
        { bucket: '31-60', accounts: 3, balanceMinor: 30_000_000, overdueMinor: 30_000_000 },
      ],
    }),
    periodMoney({ currency: 'USD', recoveredMinor: 5_000 }),
  ],
});

describe('period report', () => {
  let i18n: I18nService;

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
  });

  it('closes only an ended month that is not closed yet', () => {
    expect(canClose({ ended: true, status: 'open' })).toBe(true);
    // A close that stopped before its snapshot may be taken again.
    expect(canClose({ ended: true, status: 'closing' })).toBe(true);
    expect(canClose({ ended: true, status: 'closed' })).toBe(false);
    expect(canClose({ ended: false, status: 'open' })).toBe(false);
  });

  it('words each period conflict, and leaves other errors to the generic text', () => {
    const conflict = (reason: PeriodError) => ({
      status: 409,
      code: ErrorCode.Conflict,
      message: '',
      details: { reason, month: '2026-10' },
    });
    expect(periodConflictKey(conflict(PeriodError.AlreadyClosed))).toBe(
      'periods.conflict.period_already_closed',
    );
    expect(periodConflictKey(conflict(PeriodError.NotEnded))).toBe('periods.conflict.period_not_ended');
    expect(periodConflictKey(conflict(PeriodError.Closed))).toBe('periods.conflict.period_closed');
    expect(periodConflictKey({ status: 409, code: ErrorCode.Conflict, message: '' })).toBeNull();
    expect(periodConflictKey({ status: 403, code: ErrorCode.Forbidden, message: '' })).toBeNull();
    expect(periodConflictKey(null)).toBeNull();
  });

  it('shows a scope with nothing in a currency as zeros in it', () => {
    expect(moneyIn(NORTE, 'MXN')).toMatchObject({
      currency: 'MXN',
      recoveredMinor: 0,
      delinquencyIndex: null,
    });
  });

  it('puts the agency’s headline figures in the currency on screen', () => {
    const kpis = periodKpis(NORTE, 'COP', i18n);
    const byId = Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi]));
    expect(byId['recovered'].value).toBe(i18n.minor(12_500_000, 'COP'));
    expect(byId['sweep']).toMatchObject({ value: '75\u00a0%', hint: '6 de 8 cuentas' });
    expect(byId['kept']).toMatchObject({ value: '75\u00a0%', hint: '3 de 4 cuotas' });
    expect(byId['delinquency'].value).toBe('75\u00a0%');
    expect(periodKpis(NORTE, 'USD', i18n)[0].value).toBe(i18n.minor(5_000, 'USD'));
    // A month with no money at all (nothing owed, nothing paid) has no currency to show money in.
    expect(periodKpis(periodScope(), '', i18n)[0].value).toBe('—');
  });

  it('makes one row per scope, money in the chosen currency, no rate as a dash', () => {
    const idle = periodScope({ scope: 'team', scopeId: '8', name: 'Sur' });
    expect(scopeRows([NORTE, idle], 'COP', i18n)).toEqual([
      {
        id: '7',
        name: 'Norte',
        recovered: i18n.minor(12_500_000, 'COP'),
        sweep: '75\u00a0%',
        contactedSweep: '25\u00a0%',
        kept: '75\u00a0%',
        balance: i18n.minor(40_000_000, 'COP'),
        delinquency: '75\u00a0%',
      },
      {
        id: '8',
        name: 'Sur',
        recovered: i18n.minor(0, 'COP'),
        sweep: '—',
        contactedSweep: '—',
        kept: '—',
        balance: i18n.minor(0, 'COP'),
        delinquency: '—',
      },
    ]);
  });

  it('stacks each aging bucket’s current and overdue balance in exact minor units', () => {
    const chart = agingChart(
      moneyIn(NORTE, 'COP'),
      { current: 'Al día', overdue: 'Vencido', bucket: (bucket) => bucket },
      'es',
    );
    const series = chart.series as { name: string; data: number[] }[];
    // 0–30: 10 000 000 owed, none overdue; 31–60: 30 000 000, all overdue.
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Al día', [10_000_000, 0]],
      ['Vencido', [0, 30_000_000]],
    ]);
  });

  it('draws recovery per team beside its kept rate', () => {
    const chart = teamsChart([NORTE], 'COP', { recovered: 'Recaudo', kept: 'Cumplimiento' }, 'es');
    const series = chart.series as { data: (number | null)[] }[];
    expect(series[0].data).toEqual([12_500_000]);
    expect(series[1].data).toEqual([0.75]);
  });
});
