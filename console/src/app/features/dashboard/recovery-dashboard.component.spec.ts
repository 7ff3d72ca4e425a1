import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthTokens, Role } from '@recupera/shared';
import { provideEchartsCore } from 'ngx-echarts';
import { AuthStore } from '../../core/auth/auth.store';
import { DirectoryService } from '../../core/http/directory.service';
import { FakeRecoveryService, answer, fakeDirectory } from './fake-recovery.factory';
import { delinquencyResponse, recoveryDashboard } from './recovery-dashboard.factory';
import { RecoveryDashboardComponent } from './recovery-dashboard.component';
import { RecoveryService } from './recovery.service';
import { RECOVERY_CLOCK } from './recovery.store';

/** Enough of ECharts for the directive: the charts themselves are covered by the option specs. */
const fakeChart = {
  setOption: jest.fn(),
  resize: jest.fn(),
  on: jest.fn(),
  off: jest.fn(),
  dispose: jest.fn(),
  isDisposed: () => false,
  showLoading: jest.fn(),
  hideLoading: jest.fn(),
};
const fakeEcharts = { init: () => fakeChart };

class NoResizeObserver {
  observe(): void {
    // jsdom lays nothing out, so nothing ever resizes.
  }
  unobserve(): void {
    // As above.
  }
  disconnect(): void {
    // As above.
  }
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

describe(RecoveryDashboardComponent.name, () => {
  let api: FakeRecoveryService;

  beforeAll(() => {
    Object.assign(window, { ResizeObserver: NoResizeObserver });
  });

  beforeEach(() => {
    localStorage.clear();
    api = new FakeRecoveryService();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideEchartsCore({ echarts: () => Promise.resolve(fakeEcharts) }),
        { provide: RecoveryService, useValue: api },
        { provide: DirectoryService, useValue: fakeDirectory },
        { provide: RECOVERY_CLOCK, useValue: () => new Date(2025, 10, 14, 9, 0) },
      ],
    });
  });

  async function render(role: Role): Promise<ComponentFixture<RecoveryDashboardComponent>> {
    signIn(role);
    const fixture = TestBed.createComponent(RecoveryDashboardComponent);
    fixture.componentRef.setInput('month', '2025-11');
    await fixture.whenStable();
    answer(api.dashboards[0], recoveryDashboard());
    if (api.delinquencies[0]) answer(api.delinquencies[0], delinquencyResponse());
    await fixture.whenStable();
    return fixture;
  }

  const testIds = (root: HTMLElement, id: string) => root.querySelectorAll(`[data-testid="${id}"]`);

  it('shows every filter, KPI, chart and table of the month', async () => {
    const page = (await render('manager')).nativeElement as HTMLElement;
    expect(testIds(page, 'recovery-dashboard')).toHaveLength(1);
    for (const id of ['month', 'client', 'portfolio', 'team'])
      expect(testIds(page, `recovery-filter-${id}`)).toHaveLength(1);
    for (const id of ['recovered', 'attainment', 'projected', 'ytd', 'sweep', 'contact', 'promise', 'kept'])
      expect(testIds(page, `recovery-kpi-${id}`)).toHaveLength(1);
    for (const id of ['goals', 'trend', 'funnel', 'sweep', 'delinquency'])
      expect(testIds(page, `recovery-chart-${id}`)).toHaveLength(1);
    for (const id of [
      'recovery-teams-table',
      'recovery-sweep-portfolios',
      'recovery-sweep-teams',
      'recovery-sweep-agents',
      'recovery-leaderboard',
    ])
      expect(testIds(page, id)).toHaveLength(1);
    expect(testIds(page, 'recovery-team-row')).toHaveLength(1);
    for (const table of ['teams', 'trend', 'sweep-portfolios', 'sweep-teams', 'sweep-agents', 'leaderboard'])
      for (const format of ['csv', 'xlsx'])
        expect(testIds(page, `recovery-export-${table}-${format}`)).toHaveLength(1);
    expect(page.querySelector('h1')?.textContent).toBe('Tablero de recaudo');
  });

  it('opens the accounts behind a sweep figure, each linking to its account', async () => {
    const fixture = await render('manager');
    const page = fixture.nativeElement as HTMLElement;
    const drill = page.querySelector<HTMLButtonElement>(
      '[data-testid="recovery-sweep-teams"] [data-testid="recovery-drill"][data-measure="attempted"]',
    );
    drill?.click();
    await fixture.whenStable();
    expect(api.drills[0].query).toEqual({
      month: '2025-11',
      scope: 'team',
      scopeId: '1',
      measure: 'attempted',
      page: 1,
      pageSize: 25,
    });
    answer(api.drills[0], {
      items: [
        {
          accountId: '99',
          accountNumber: 'BC-0099',
          debtorName: 'Ana Ruiz',
          balanceMinor: 12_345,
          currency: 'MXN',
          daysPastDue: 45,
          attempted: true,
          rightParty: false,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 25,
    });
    await fixture.whenStable();
    const dialog = document.querySelector('[data-testid="recovery-drill-dialog"]');
    expect(dialog?.querySelector('h2')?.textContent).toContain('Equipo Norte: cuentas gestionadas');
    const rows = dialog?.querySelectorAll('[data-testid="recovery-drill-account"]') ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/accounts/99');
  });

  it('leaves the balance snapshot out of a supervisor’s view', async () => {
    const page = (await render('supervisor')).nativeElement as HTMLElement;
    expect(api.delinquencies).toHaveLength(0);
    expect(testIds(page, 'recovery-chart-delinquency')).toHaveLength(0);
    expect(
      testIds(page, 'recovery-sweep-portfolios')[0].querySelectorAll('[data-testid="recovery-drill"]'),
    ).toHaveLength(0);
    expect(
      testIds(page, 'recovery-sweep-teams')[0].querySelectorAll('[data-testid="recovery-drill"]').length,
    ).toBeGreaterThan(0);
  });
});
