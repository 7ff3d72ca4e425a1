import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AuthTokens, PortfolioResponse, Role, TeamResponse } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { COUNT_DEBOUNCE_MS, CampaignEditorStore } from './campaign-editor.store';
import { defaultFormValue, fromCampaign } from './campaign-form.util';
import { campaignResponse } from './campaign-response.factory';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [CampaignEditorStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(CampaignEditorStore);
}

const PORTFOLIO: PortfolioResponse = {
  id: 'p1',
  clientId: 'k1',
  clientCode: 'BCO',
  name: 'Tarjetas',
  stage: 'temprana',
  industry: 'banking',
  currency: 'CLP',
  jurisdiction: 'CL',
  accountCount: 10,
};

const TEAM_A: TeamResponse = {
  id: 't1',
  name: 'Equipo A',
  supervisorId: 'u1',
  supervisorName: 'X',
  agentCount: 3,
};

function signIn(role: Role): void {
  const tokens: AuthTokens = {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u1', email: 'x@recupera.test', fullName: 'X', role, teamId: null, locale: 'es' },
  };
  TestBed.inject(AuthStore).setSession(tokens);
}

describe(CampaignEditorStore.name, () => {
  let backend: HttpTestingController;
  let store: CampaignEditorStore;

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    signIn('supervisor');
    store = TestBed.createComponent(HostComponent).componentInstance.store;
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function referenceData(): void {
    backend.expectOne('/api/portfolios').flush([PORTFOLIO]);
    backend.expectOne('/api/teams').flush([TEAM_A]);
    backend.expectOne('/api/dispositions/sets').flush([
      {
        id: 's1',
        name: 'Cobranza',
        dispositions: [
          {
            id: 'd1',
            code: 'PROMESA',
            labelEs: 'Promesa de pago',
            labelEn: 'Promise to pay',
            category: 'promise',
            isContact: true,
            isRpc: true,
            isPromise: true,
          },
        ],
      },
    ]);
  }

  it('counts the segment once the typing settles, and only the latest request', () => {
    store.init(null);
    referenceData();
    expect(store.ready()).toBe(true);
    store.requestCount({ portfolioId: 'p1', segment: { scoreMin: 1 } });
    jest.advanceTimersByTime(COUNT_DEBOUNCE_MS / 2);
    store.requestCount({ portfolioId: 'p1', segment: { scoreMin: 10 } });
    jest.advanceTimersByTime(COUNT_DEBOUNCE_MS - 1);
    backend.expectNone('/api/campaigns/segment/count');
    jest.advanceTimersByTime(1);
    const request = backend.expectOne({ method: 'POST', url: '/api/campaigns/segment/count' });
    expect(request.request.body).toEqual({ portfolioId: 'p1', segment: { scoreMin: 10 } });
    expect(store.countLoading()).toBe(true);
    request.flush({ matching: 42, assignedToTeams: 40 });
    expect(store.count()).toEqual({ matching: 42, assignedToTeams: 40 });
    expect(store.countLoading()).toBe(false);

    store.requestCount(null);
    jest.advanceTimersByTime(COUNT_DEBOUNCE_MS);
    expect(store.count()).toBeNull();
  });

  it('loads a campaign with its saved count, and keeps other supervisors’ teams locked', () => {
    store.init('c1');
    referenceData();
    backend
      .expectOne('/api/campaigns/c1')
      .flush(campaignResponse({ teams: [TEAM_A, { id: 't9', name: 'Equipo Z' }], teamIds: ['t1', 't9'] }));
    backend.expectOne('/api/campaigns/c1/segment/count').flush({ matching: 7, assignedToTeams: 5 });
    expect(store.count()).toEqual({ matching: 7, assignedToTeams: 5 });
    expect(store.teamOptions()).toEqual([
      { id: 't1', name: 'Equipo A', locked: false },
      { id: 't9', name: 'Equipo Z', locked: true },
    ]);
    expect(store.dispositionCodes()).toEqual([{ code: 'PROMESA', label: 'Promesa de pago' }]);
    expect(store.currencyOf('p1')).toBe('CLP');
  });

  it('saves a running campaign with only its pacing and shows a locked-field conflict', () => {
    store.init('c1');
    referenceData();
    const running = campaignResponse({ status: 'running' });
    backend.expectOne('/api/campaigns/c1').flush(running);
    backend.expectOne('/api/campaigns/c1/segment/count').flush({ matching: 1, assignedToTeams: 1 });
    const done = jest.fn();
    store.save({ ...fromCampaign(running), abandonCapPercent: 2 }, done);
    const request = backend.expectOne({ method: 'PATCH', url: '/api/campaigns/c1' });
    expect(request.request.body).toEqual({
      linesPerAgent: 2,
      maxLinesPerAgent: 3,
      abandonCapBp: 200,
      ringTimeoutSeconds: 25,
      wrapUpLimitSeconds: 90,
      wrapUpOverrun: 'alert',
    });
    request.flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'x',
        details: { reason: 'locked_fields', status: 'running' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(done).not.toHaveBeenCalled();
    expect(store.saveError()).toBe('El estado de la campaña no permite cambiar esos datos. Páusala primero.');
  });

  it('changes a running campaign’s wrap-up to unlimited and back to a limit that frees the agent', () => {
    store.init('c1');
    referenceData();
    const running = campaignResponse({ status: 'running' });
    backend.expectOne('/api/campaigns/c1').flush(running);
    backend.expectOne('/api/campaigns/c1/segment/count').flush({ matching: 1, assignedToTeams: 1 });

    store.save({ ...fromCampaign(running), wrapUpUnlimited: true }, jest.fn());
    const unlimited = backend.expectOne({ method: 'PATCH', url: '/api/campaigns/c1' });
    expect(unlimited.request.body).toMatchObject({ wrapUpLimitSeconds: null, wrapUpOverrun: 'alert' });
    const saved = campaignResponse({ status: 'running', wrapUpLimitSeconds: null });
    unlimited.flush(saved);
    expect(store.campaign()?.wrapUpLimitSeconds).toBeNull();

    const done = jest.fn();
    store.save(
      {
        ...fromCampaign(saved),
        wrapUpUnlimited: false,
        wrapUpLimitSeconds: 300,
        wrapUpOverrun: 'auto_available',
      },
      done,
    );
    const limited = backend.expectOne({ method: 'PATCH', url: '/api/campaigns/c1' });
    expect(limited.request.body).toMatchObject({ wrapUpLimitSeconds: 300, wrapUpOverrun: 'auto_available' });
    limited.flush(
      campaignResponse({ status: 'running', wrapUpLimitSeconds: 300, wrapUpOverrun: 'auto_available' }),
    );
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ wrapUpLimitSeconds: 300 }));
  });

  it('creates a campaign with the default wrap-up limit', () => {
    store.init(null);
    referenceData();
    store.save({ ...defaultFormValue(), name: 'Nueva', portfolioId: 'p1', teamIds: ['t1'] }, jest.fn());
    const request = backend.expectOne({ method: 'POST', url: '/api/campaigns' });
    expect(request.request.body).toMatchObject({ wrapUpLimitSeconds: 120, wrapUpOverrun: 'alert' });
    request.flush(campaignResponse());
  });

  it('creates a campaign and lists the server’s validation problems when refused', () => {
    store.init(null);
    referenceData();
    const done = jest.fn();
    store.save(
      { ...defaultFormValue(), name: 'Nueva', portfolioId: 'p1', teamIds: ['t1'], balanceMin: '1000' },
      done,
    );
    const request = backend.expectOne({ method: 'POST', url: '/api/campaigns' });
    expect(request.request.body).toMatchObject({ name: 'Nueva', segment: { balanceMinMinor: 1000 } });
    request.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The campaign has 1 problem(s)',
        details: { errors: ['dispositionSetId: disposition set 9 does not exist'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(store.saveError()).toBe(
      'Algunos datos no son válidos. dispositionSetId: disposition set 9 does not exist',
    );
    expect(store.saving()).toBe(false);
  });

  it('is read-only for a manager', () => {
    signIn('manager');
    expect(store.readOnly()).toBe(true);
  });
});
