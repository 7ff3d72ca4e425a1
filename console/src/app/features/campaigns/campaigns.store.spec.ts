import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CampaignError, type AuthTokens, type Role } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { campaignResponse } from './campaign-response.factory';
import { CampaignsStore } from './campaigns.store';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [CampaignsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(CampaignsStore);
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

describe(CampaignsStore.name, () => {
  let backend: HttpTestingController;
  let store: CampaignsStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.createComponent(HostComponent).componentInstance.store;
  });

  afterEach(() => backend.verify());

  function loadTwo(): void {
    store.load();
    backend
      .expectOne('/api/campaigns')
      .flush([
        campaignResponse({ id: 'c1', status: 'running' }),
        campaignResponse({ id: 'c2', name: 'Borrador' }),
      ]);
  }

  it('loads the list in the server order', () => {
    expect(store.ready()).toBe(false);
    loadTwo();
    expect(store.ready()).toBe(true);
    expect(store.campaigns().map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('runs a lifecycle action and shows the campaign as the server returns it', () => {
    loadTwo();
    const done = jest.fn();
    store.act(store.campaigns()[0], 'pause', done);
    expect(store.pendingId()).toBe('c1');
    store.act(store.campaigns()[1], 'start');
    const request = backend.expectOne({ method: 'POST', url: '/api/campaigns/c1/pause' });
    backend.expectNone('/api/campaigns/c2/start');
    request.flush(campaignResponse({ id: 'c1', status: 'paused' }));
    expect(store.pendingId()).toBeNull();
    expect(store.campaigns()[0].status).toBe('paused');
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ status: 'paused' }));
  });

  it('explains a refused transition and refreshes the campaign from the server', () => {
    loadTwo();
    store.act(store.campaigns()[0], 'pause');
    backend.expectOne('/api/campaigns/c1/pause').flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'A finished campaign cannot pause',
        details: { reason: CampaignError.IllegalTransition, status: 'finished', action: 'pause' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(store.actionError()).toBe(
      'La campaña cambió de estado y esa acción ya no aplica. Revisa su estado actual.',
    );
    backend.expectOne('/api/campaigns/c1').flush(campaignResponse({ id: 'c1', status: 'finished' }));
    expect(store.campaigns()[0].status).toBe('finished');
    store.dismissActionError();
    expect(store.actionError()).toBeNull();
  });

  it('lets admins and supervisors manage, and managers only read', () => {
    signIn('manager');
    expect(store.canManage()).toBe(false);
    signIn('supervisor');
    expect(store.canManage()).toBe(true);
  });
});
