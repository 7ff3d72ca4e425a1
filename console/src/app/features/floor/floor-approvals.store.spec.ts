import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuthTokens } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import { FloorApprovalsStore } from './floor-approvals.store';
import { FloorLiveStore } from './floor-live.store';
import { FakeSupervisorSocket } from './fake-supervisor-socket.factory';
import { floorAlert, floorSnapshot, pendingAgreement } from './floor-snapshot.factory';

const LIST_URL = '/api/agreements?status=pending_approval';
const NOW = Date.parse('2026-03-09T16:00:00.000Z');

describe(FloorApprovalsStore.name, () => {
  let socket: FakeSupervisorSocket;
  let backend: HttpTestingController;
  let store: FloorApprovalsStore;
  let live: FloorLiveStore;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
    localStorage.clear();
    socket = new FakeSupervisorSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        FloorApprovalsStore,
        { provide: SupervisorSocketService, useValue: socket },
      ],
    });
    const tokens: AuthTokens = {
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 900,
      user: {
        id: 'sup-1',
        email: 'sup@recupera.test',
        fullName: 'Sofía',
        role: 'supervisor',
        teamId: 'tm-1',
        locale: 'es',
      },
    };
    TestBed.inject(AuthStore).setSession(tokens);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(FloorApprovalsStore);
    live = TestBed.inject(FloorLiveStore);
    live.connect();
  });

  afterEach(() => {
    backend.verify();
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  function loadOne(): void {
    store.load();
    backend.expectOne(LIST_URL).flush([pendingAgreement()]);
  }

  it('lists the agreements awaiting approval and adds the ones requested live', () => {
    loadOne();
    expect(store.agreements().map((agreement) => agreement.id)).toEqual(['agr-1']);
    socket.emit(
      'agreement.approval-requested',
      pendingAgreement({ id: 'agr-2', accountNumber: '100999', createdAt: '2026-03-09T15:59:00.000Z' }),
    );
    expect(store.agreements().map((agreement) => agreement.id)).toEqual(['agr-1', 'agr-2']);
  });

  it('approves: the agreement and its alert leave the floor at once', () => {
    loadOne();
    socket.emit(
      'floor.snapshot',
      floorSnapshot({ alerts: [floorAlert({ kind: 'agreement_pending', subjectId: 'agr-1' })] }),
    );
    TestBed.tick();
    expect(live.alerts().map((item) => item.kind)).toEqual(['agreement_pending']);

    store.decide(store.agreements()[0], 'approve');
    expect(store.decidingWith('agr-1')).toBe('approve');
    store.decide(store.agreements()[0], 'reject');
    backend
      .expectOne({ method: 'POST', url: '/api/agreements/agr-1/approve' })
      .flush(pendingAgreement({ status: 'active' }));
    expect(store.agreements()).toEqual([]);
    expect(live.alerts()).toEqual([]);
    expect(store.notice()?.text).toBe('Se aprobó el acuerdo de la cuenta 100234.');
  });

  it('drops an agreement another supervisor decided first, and keeps one beyond the supervisor’s limit', () => {
    loadOne();
    socket.emit('agreement.approval-requested', pendingAgreement({ id: 'agr-2', accountNumber: '100999' }));
    store.decide(store.agreements()[0], 'reject');
    backend
      .expectOne('/api/agreements/agr-1/reject')
      .flush(
        { statusCode: 409, code: 'conflict', message: 'The agreement is already active' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.agreements().map((agreement) => agreement.id)).toEqual(['agr-2']);
    expect(store.notice()).toMatchObject({ tone: 'info' });

    store.decide(store.agreements()[0], 'approve');
    backend
      .expectOne('/api/agreements/agr-2/approve')
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'The waiver is beyond what your role may approve' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(store.agreements().map((agreement) => agreement.id)).toEqual(['agr-2']);
    expect(store.notice()?.tone).toBe('danger');
    expect(store.notice()?.text).toBe('No se pudo decidir el acuerdo de la cuenta 100999.');
    expect(store.notice()?.detail).toContain('The waiver is beyond what your role may approve');
    expect(store.isDeciding('agr-2')).toBe(false);
  });

  it('reads the list again once when a snapshot names a pending agreement it lacks', () => {
    loadOne();
    const alerts = [
      floorAlert({ kind: 'agreement_pending', subjectId: 'agr-1' }),
      floorAlert({ kind: 'agreement_pending', subjectId: 'agr-3', subject: '100777' }),
    ];
    socket.emit('floor.snapshot', floorSnapshot({ alerts }));
    TestBed.tick();
    backend.expectOne(LIST_URL).flush([pendingAgreement()]);
    // The list still lacks it (say the server's replica lags): no reload on every snapshot.
    socket.emit(
      'floor.snapshot',
      floorSnapshot({ at: '2026-03-09T16:00:02.000Z', alerts: [...alerts].reverse() }),
    );
    TestBed.tick();
    backend.expectNone(LIST_URL);
  });

  it('drops an agreement a later snapshot no longer lists as pending', () => {
    loadOne();
    socket.emit('floor.snapshot', floorSnapshot({ at: '2026-03-09T16:00:02.000Z', alerts: [] }));
    expect(store.agreements()).toEqual([]);
  });
});
