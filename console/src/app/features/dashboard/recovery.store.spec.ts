import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import type { AuthTokens, RecoveryQuery, Role } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { DirectoryService } from '../../core/http/directory.service';
import { saveBlob } from '../../core/http/download.util';
import { delinquencyResponse, recoveryDashboard, sweepRow } from './recovery-dashboard.factory';
import { FakeRecoveryService, answer, fakeDirectory } from './fake-recovery.factory';
import type { RecoveryView } from './recovery-query.util';
import { RecoveryService } from './recovery.service';
import { RECOVERY_CLOCK, RecoveryStore } from './recovery.store';

jest.mock('../../core/http/download.util', () => ({ saveBlob: jest.fn() }));

@Component({
  selector: 'rc-host',
  template: '',
  providers: [RecoveryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(RecoveryStore);
}

function signIn(role: Role): void {
  const tokens: AuthTokens = {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u1', email: 'x@recupera.test', fullName: 'X', role, teamId: null, locale: 'es' },
  };
  TestBed.inject(AuthStore).setSession(tokens);
}

const view = (query: Partial<RecoveryQuery> = {}, by: RecoveryView['by'] = 'aging'): RecoveryView => ({
  query: { month: '2025-11', ...query },
  by,
});

describe(RecoveryStore.name, () => {
  let api: FakeRecoveryService;

  beforeEach(() => {
    localStorage.clear();
    jest.mocked(saveBlob).mockClear();
    api = new FakeRecoveryService();
    TestBed.configureTestingModule({
      providers: [
        { provide: RecoveryService, useValue: api },
        { provide: DirectoryService, useValue: fakeDirectory },
        { provide: RECOVERY_CLOCK, useValue: () => new Date(2025, 10, 14, 9, 0) },
      ],
    });
  });

  function create(role: Role = 'manager'): RecoveryStore {
    signIn(role);
    return TestBed.createComponent(HostComponent).componentInstance.store;
  }

  it('loads the month and the delinquency snapshot, and shows their figures', () => {
    const store = create();
    store.load(view({ clientId: '3' }));
    expect(store.loading()).toBe(true);
    expect(store.ready()).toBe(false);
    expect(api.dashboards[0].query).toEqual({ month: '2025-11', clientId: '3' });
    expect(api.delinquencies[0].query).toEqual({ by: 'aging', clientId: '3' });

    answer(api.dashboards[0], recoveryDashboard());
    answer(api.delinquencies[0], delinquencyResponse());
    expect(store.ready()).toBe(true);
    expect(store.loading()).toBe(false);
    expect(store.kpis()).toHaveLength(8);
    expect(store.teamRows().map((row) => row.supervisor)).toEqual(['Carla Núñez']);
    expect(store.sweepPortfolios()[0].assigned.drillable).toBe(true);
    expect(store.leaderboard()).toHaveLength(1);
    expect(store.trendRows()).toHaveLength(30);
    expect(store.delinquencyRows().map((row) => row.key)).toEqual(['0-30', '31-60']);
    expect(store.subtitle()).toBe('noviembre 2025 · montos en MXN · día hábil 10 de 20');
  });

  it('asks again only for what a filter change affects', () => {
    const store = create();
    store.load(view());
    store.load(view({}, 'sector'));
    expect(api.dashboards).toHaveLength(1);
    expect(api.delinquencies.map((request) => request.query.by)).toEqual(['aging', 'sector']);
    // The team narrows the month's figures, not the balance snapshot.
    store.load(view({ teamId: '2' }, 'sector'));
    expect(api.dashboards).toHaveLength(2);
    expect(api.delinquencies).toHaveLength(2);
  });

  it('shows the latest filters even when an earlier request answers last', () => {
    const store = create();
    store.load(view({ month: '2025-10' }));
    store.load(view({ month: '2025-11' }));
    answer(api.dashboards[1], recoveryDashboard({ month: '2025-11' }));
    answer(api.dashboards[0], recoveryDashboard({ month: '2025-10' }));
    expect(store.dashboard()?.month).toBe('2025-11');
  });

  it('keeps the figures on screen when a reload fails, and retries', () => {
    const store = create();
    store.load(view());
    answer(api.dashboards[0], recoveryDashboard());
    store.retry();
    api.dashboards[1].response.error(new HttpErrorResponse({ status: 0 }));
    expect(store.ready()).toBe(true);
    expect(store.error()).toBe('No hay conexión con el servidor.');
    store.retry();
    expect(api.dashboards).toHaveLength(3);
    expect(store.error()).toBeNull();
  });

  it('gives a supervisor their teams’ sweep and no balance snapshot or portfolio drill-down', () => {
    const store = create('supervisor');
    store.load(view());
    expect(api.delinquencies).toHaveLength(0);
    answer(
      api.dashboards[0],
      recoveryDashboard({
        sweep: {
          portfolios: [sweepRow({ assigned: 1000, attempted: 100 })],
          teams: [sweepRow({ scope: 'team', scopeId: '1', assigned: 100, attempted: 50 })],
          agents: [],
        },
      }),
    );
    expect(store.showsDelinquency()).toBe(false);
    expect(store.kpis().find((kpi) => kpi.id === 'sweep')?.value).toBe('50\u00a0%');
    expect(store.sweepPortfolios()[0].assigned.drillable).toBe(false);
    expect(store.sweepTeams()[0].assigned.drillable).toBe(true);
  });

  it('offers the portfolios of the chosen client only', () => {
    const store = create();
    store.loadFilters();
    store.load(view());
    expect(store.portfolios()).toEqual([]);
    store.load(view({ clientId: '3' }));
    expect(store.portfolios().map((portfolio) => portfolio.id)).toEqual(['5']);
    expect(store.clients().map((client) => client.id)).toEqual(['3']);
  });

  it('offers a currency choice only when the view has money in several', () => {
    const store = create();
    store.load(view());
    answer(api.dashboards[0], recoveryDashboard({ currencies: ['MXN'] }));
    expect(store.showsCurrency()).toBe(false);
    store.load(view({ currency: 'USD' }));
    answer(api.dashboards[1], recoveryDashboard({ currency: 'USD', currencies: ['MXN', 'USD'] }));
    expect(store.showsCurrency()).toBe(true);
    expect(store.currency()).toBe('USD');
  });

  it('draws this month’s trend up to today only', () => {
    const store = create();
    store.load(view({ month: '2025-11' }));
    answer(api.dashboards[0], recoveryDashboard({ month: '2025-11' }));
    expect(store.throughDay()).toBe(14);
    store.load(view({ month: '2025-10' }));
    answer(api.dashboards[1], recoveryDashboard({ month: '2025-10' }));
    expect(store.throughDay()).toBeNull();
  });

  it('downloads a table for the filters on screen, one at a time', () => {
    const store = create();
    store.load(view({ teamId: '2' }));
    store.export('sweep-agents', 'xlsx');
    expect(store.exporting()).toBe('sweep-agents-xlsx');
    store.export('teams', 'csv');
    expect(api.exports).toHaveLength(1);
    const blob = new Blob(['x']);
    answer(api.exports[0], blob);
    expect(store.exporting()).toBeNull();
    expect(saveBlob).toHaveBeenCalledWith(expect.anything(), blob, 'sweep-agents-2025-11.xlsx');
  });

  it('says when a download fails', () => {
    const store = create();
    store.load(view());
    store.export('teams', 'csv');
    api.exports[0].response.error(new HttpErrorResponse({ status: 0 }));
    expect(store.exporting()).toBeNull();
    expect(store.exportError()).toBe('No hay conexión con el servidor.');
    store.dismissExportError();
    expect(store.exportError()).toBeNull();
  });
});
