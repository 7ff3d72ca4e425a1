import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuthTokens, CampaignResponse, Role } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import { FloorCampaignsStore } from './floor-campaigns.store';
import { FloorLiveStore } from './floor-live.store';
import { FakeSupervisorSocket } from './fake-supervisor-socket.factory';
import { floorCampaign, floorSnapshot } from './floor-snapshot.factory';

const NOW = Date.parse('2026-03-09T16:00:00.000Z');
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

function signIn(role: Role): void {
  const tokens: AuthTokens = {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u1', email: 'x@recupera.test', fullName: 'X', role, teamId: 'tm-1', locale: 'es' },
  };
  TestBed.inject(AuthStore).setSession(tokens);
}

/** What the server answers a campaign action with; the floor only reads its pacing and status. */
function campaignResponse(patch: Partial<CampaignResponse>): CampaignResponse {
  return {
    id: 'cmp-1',
    status: 'running',
    abandonCapBp: 300,
    linesPerAgent: 2,
    ...patch,
  } as CampaignResponse;
}

describe(FloorCampaignsStore.name, () => {
  let socket: FakeSupervisorSocket;
  let backend: HttpTestingController;
  let store: FloorCampaignsStore;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
    localStorage.clear();
    socket = new FakeSupervisorSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        FloorCampaignsStore,
        { provide: SupervisorSocketService, useValue: socket },
      ],
    });
    signIn('supervisor');
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(FloorCampaignsStore);
    TestBed.inject(FloorLiveStore).connect();
    socket.emit('floor.snapshot', floorSnapshot({ at: iso(0) }));
    jest.advanceTimersByTime(300);
  });

  afterEach(() => {
    backend.verify();
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('shows the snapshot’s campaigns, and lets supervisors drive them', () => {
    expect(store.campaigns().map((c) => c.campaignId)).toEqual(['cmp-1']);
    expect(store.canManage()).toBe(true);
  });

  it('lets a manager watch but not drive', () => {
    signIn('manager');
    expect(store.canManage()).toBe(false);
  });

  it('pauses a campaign and shows it paused until a later snapshot says otherwise', () => {
    store.act('cmp-1', 'pause');
    expect(store.pendingOf('cmp-1')).toBe('pause');
    // A second click while the first is on its way is ignored.
    store.act('cmp-1', 'pause');
    backend
      .expectOne({ method: 'POST', url: '/api/campaigns/cmp-1/pause' })
      .flush(campaignResponse({ status: 'paused' }));
    expect(store.pendingOf('cmp-1')).toBeNull();
    expect(store.campaigns()[0].status).toBe('paused');

    // A snapshot computed before the pause arrives late: the pause stands.
    socket.emit('floor.snapshot', floorSnapshot({ at: iso(100) }));
    expect(store.campaigns()[0].status).toBe('paused');
    // One taken after it is the truth again.
    socket.emit(
      'floor.snapshot',
      floorSnapshot({ at: iso(2_000), campaigns: [floorCampaign({ status: 'paused' })] }),
    );
    expect(store.campaigns()[0].status).toBe('paused');
    socket.emit('floor.snapshot', floorSnapshot({ at: iso(4_000) }));
    expect(store.campaigns()[0].status).toBe('running');
  });

  it('explains a refused action', () => {
    store.act('cmp-1', 'resume');
    backend
      .expectOne('/api/campaigns/cmp-1/resume')
      .flush(
        { statusCode: 409, code: 'conflict', message: 'Cannot resume a running campaign' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.pendingOf('cmp-1')).toBeNull();
    expect(store.errorOf('cmp-1')).toContain('Cannot resume a running campaign');
    expect(store.campaigns()[0].status).toBe('running');
    store.editing('cmp-1');
    expect(store.errorOf('cmp-1')).toBeNull();
  });

  it('changes only the pacing knobs that moved, and says it was applied', () => {
    const done = jest.fn();
    store.savePacing('cmp-1', {}, done);
    backend.expectNone('/api/campaigns/cmp-1');

    store.savePacing('cmp-1', { abandonCapBp: 250 }, done);
    const request = backend.expectOne({ method: 'PATCH', url: '/api/campaigns/cmp-1' });
    expect(request.request.body).toEqual({ abandonCapBp: 250 });
    expect(store.pendingOf('cmp-1')).toBe('save');
    request.flush(campaignResponse({ abandonCapBp: 250 }));
    expect(done).toHaveBeenCalledTimes(1);
    expect(store.wasSaved('cmp-1')).toBe(true);
    expect(store.campaigns()[0].abandonCapBp).toBe(250);
    store.editing('cmp-1');
    expect(store.wasSaved('cmp-1')).toBe(false);
  });

  it('keeps the form’s values when the server refuses them', () => {
    const done = jest.fn();
    store.savePacing('cmp-1', { linesPerAgent: 5 }, done);
    backend.expectOne('/api/campaigns/cmp-1').flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid campaign',
        details: { problems: ['linesPerAgent must not be greater than maxLinesPerAgent'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(done).not.toHaveBeenCalled();
    expect(store.errorOf('cmp-1')).toBeTruthy();
    expect(store.campaigns()[0].linesPerAgent).toBe(2);
  });
});
