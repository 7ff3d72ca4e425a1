import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { LegalCaseDetail, LegalCaseListItem, LegalTeamResponse, Page, Role } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { LegalStore } from './legal.store';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [LegalStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(LegalStore);
}

const CASE: LegalCaseListItem = {
  id: '41',
  accountId: '7',
  accountNumber: 'CL-7',
  debtorName: 'Ana Rojas',
  clientName: 'Banco Andino',
  stage: 'judicial',
  status: 'open',
  firmTeamId: '5',
  firmName: 'Estudio Pérez',
  openedAt: '2026-03-02T13:00:00.000Z',
  lawsuitServedAt: null,
  court: null,
  caseNumber: null,
  balance: { amountMinor: 1_250_000, currency: 'CLP' },
  lastActionAt: null,
};

const DETAIL: LegalCaseDetail = {
  ...CASE,
  openedByName: 'Sofía',
  closedAt: null,
  debtAtOpening: {
    currency: 'CLP',
    principalMinor: 1_000_000,
    interestMinor: 180_000,
    feesMinor: 70_000,
    balanceMinor: 1_250_000,
  },
  debt: {
    currency: 'CLP',
    principalMinor: 1_000_000,
    interestMinor: 180_000,
    feesMinor: 70_000,
    balanceMinor: 1_250_000,
  },
  actions: [],
};

const TEAMS: LegalTeamResponse[] = [
  { id: '5', name: 'Estudio Pérez', kind: 'law_firm', supervisorName: 'Pérez', openCases: 1 },
  { id: '2', name: 'Piso', kind: 'internal', supervisorName: 'Sofía', openCases: 0 },
];

const page = (items: LegalCaseListItem[]): Page<LegalCaseListItem> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
});

describe(LegalStore.name, () => {
  let backend: HttpTestingController;

  function start(role: Role): LegalStore {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      expiresIn: 900,
      user: { id: '1', email: 'a@x.cl', fullName: 'A', role, teamId: '5', locale: 'es' },
    });
    const store = TestBed.createComponent(HostComponent).componentInstance.store;
    store.init();
    return store;
  }

  afterEach(() => backend.verify());

  it("shows a firm's agent their open cases, without the transfer tools", () => {
    const store = start('agent');
    backend.expectOne('/api/legal/cases?status=open&page=1&pageSize=25').flush(page([CASE]));
    expect(store.cases()).toEqual([CASE]);
    expect(store.canTransfer()).toBe(false);
    expect(store.teams()).toEqual([]);
  });

  it('loads the teams and portfolios a supervisor hands accounts to, and lists only external ones as firms', () => {
    const store = start('supervisor');
    backend.expectOne('/api/legal/cases?status=open&page=1&pageSize=25').flush(page([]));
    backend.expectOne('/api/legal/teams').flush(TEAMS);
    backend.expectOne('/api/portfolios').flush([]);
    expect(store.canTransfer()).toBe(true);
    expect(store.canEditTeams()).toBe(false);
    expect(store.firms().map((team) => team.name)).toEqual(['Estudio Pérez']);
  });

  it('filters from the first page, and drops empty filters from the query', () => {
    const store = start('agent');
    backend.expectOne('/api/legal/cases?status=open&page=1&pageSize=25').flush(page([]));
    store.changePage(2, 50);
    backend.expectOne('/api/legal/cases?status=open&page=3&pageSize=50').flush(page([]));
    store.applyFilters({ status: '', stage: 'coactiva', firmTeamId: '', q: ' C-12 ' });
    backend.expectOne('/api/legal/cases?stage=coactiva&q=C-12&page=1&pageSize=50').flush(page([]));
  });

  it('records an action on the open case, then reads the case and the list again', () => {
    const store = start('agent');
    backend.expectOne('/api/legal/cases?status=open&page=1&pageSize=25').flush(page([CASE]));
    store.select('41');
    backend.expectOne('/api/legal/cases/41').flush(DETAIL);
    expect(store.selected()).toEqual(DETAIL);

    const done = jest.fn();
    store.recordAction({ kind: 'lawsuit_served', at: '2026-03-09T18:15:00.000Z' }).subscribe(done);
    const post = backend.expectOne({ method: 'POST', url: '/api/legal/cases/41/actions' });
    expect(post.request.body).toEqual({ kind: 'lawsuit_served', at: '2026-03-09T18:15:00.000Z' });
    post.flush({ id: '3', kind: 'lawsuit_served', at: '2026-03-09T18:15:00.000Z', byName: 'A', notes: null });
    expect(done).toHaveBeenCalled();
    const served = { ...DETAIL, lawsuitServedAt: '2026-03-09T18:15:00.000Z' };
    backend.expectOne('/api/legal/cases/41').flush(served);
    backend.expectOne('/api/legal/cases?status=open&page=1&pageSize=25').flush(page([served]));
    expect(store.selected()?.lawsuitServedAt).toBe('2026-03-09T18:15:00.000Z');
  });

  it('keeps the reason a case could not be opened, and forgets the case on close', () => {
    const store = start('agent');
    backend.expectOne('/api/legal/cases?status=open&page=1&pageSize=25').flush(page([]));
    store.select('99');
    backend
      .expectOne('/api/legal/cases/99')
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Legal case not found' },
        { status: 404, statusText: 'Not Found' },
      );
    expect(store.selected()).toBeNull();
    expect(store.selectedError()).not.toBeNull();
    store.closeCase();
    expect(store.selectedError()).toBeNull();
  });
});
