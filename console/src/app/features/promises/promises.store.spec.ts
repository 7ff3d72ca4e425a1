import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NotificationListResponse, NotificationResponse } from '@recupera/shared';
import { PromisesStore } from './promises.store';

function notice(id: string, readAt: string | null): NotificationResponse {
  return {
    id,
    kind: 'agreement.broken',
    createdAt: '2026-11-20T15:00:00.000Z',
    readAt,
    payload: {
      agreementId: `g-${id}`,
      accountId: `a-${id}`,
      accountNumber: `TC-${id}`,
      installmentSeq: 1,
      dueDate: '2026-11-10',
      amountMinor: 150_000,
      paidMinor: 0,
      currency: 'MXN',
      agentId: 'u-1',
      teamId: 't-1',
      brokenAt: '2026-11-20T15:00:00.000Z',
    },
  };
}

describe(PromisesStore.name, () => {
  let backend: HttpTestingController;
  let store: PromisesStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), PromisesStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PromisesStore);
  });

  afterEach(() => {
    backend.verify();
    TestBed.resetTestingModule();
  });

  async function load(list: NotificationListResponse): Promise<void> {
    const done = store.loadNotifications();
    backend.expectOne('/api/notifications').flush(list);
    await done;
  }

  it('marks one notice read: it keeps its place in the list and the unread count drops by one', async () => {
    await load({
      items: [notice('1', null), notice('2', null), notice('3', '2026-11-19T10:00:00.000Z')],
      unread: 2,
    });
    expect(store.unread()).toBe(2);
    const done = store.markRead('2');
    const request = backend.expectOne('/api/notifications/2/read');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(store.unread()).toBe(1);
    expect(store.notifications().data?.items.map((n) => [n.id, n.readAt !== null])).toEqual([
      ['1', false],
      ['2', true],
      ['3', true],
    ]);
  });

  it('does not count a notice read twice', async () => {
    await load({ items: [notice('1', '2026-11-19T10:00:00.000Z'), notice('2', null)], unread: 1 });
    const done = store.markRead('1');
    backend.expectOne('/api/notifications/1/read').flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(store.unread()).toBe(1);
  });

  it('marks all read, then shows the list as the server has it', async () => {
    await load({ items: [notice('1', null), notice('2', null)], unread: 2 });
    const done = store.markAllRead();
    backend.expectOne('/api/notifications/read-all').flush({ read: 2 });
    await Promise.resolve();
    await Promise.resolve();
    backend.expectOne('/api/notifications').flush({
      items: [notice('1', '2026-11-20T16:00:00.000Z'), notice('2', '2026-11-20T16:00:00.000Z')],
      unread: 0,
    });
    await done;
    expect(store.unread()).toBe(0);
  });

  it('keeps what it had and reports the failure when the server refuses', async () => {
    await load({ items: [notice('1', null)], unread: 1 });
    const done = store.markRead('1');
    backend
      .expectOne('/api/notifications/1/read')
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Notification not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await done;
    expect(store.notifications().error).not.toBeNull();
    expect(store.notifications().data?.unread).toBe(1);
  });
});
