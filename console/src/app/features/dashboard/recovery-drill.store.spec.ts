import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FakeRecoveryService, answer } from './fake-recovery.factory';
import { RecoveryDrillStore } from './recovery-drill.store';
import { RecoveryService } from './recovery.service';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [RecoveryDrillStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(RecoveryDrillStore);
}

describe(RecoveryDrillStore.name, () => {
  let api: FakeRecoveryService;
  let store: RecoveryDrillStore;

  beforeEach(() => {
    localStorage.clear();
    api = new FakeRecoveryService();
    TestBed.configureTestingModule({ providers: [{ provide: RecoveryService, useValue: api }] });
    store = TestBed.createComponent(HostComponent).componentInstance.store;
  });

  const page = (page: number, total: number) => ({ items: [], total, page, pageSize: 25 });

  it('pages through the accounts of one figure, the latest page winning', () => {
    store.load({ month: '2025-11', scope: 'agent', scopeId: '21', measure: 'not_attempted' });
    answer(api.drills[0], page(1, 60));
    expect(store.total()).toBe(60);
    store.page(1, 25);
    store.page(2, 25);
    expect(api.drills.map((request) => request.query.page)).toEqual([1, 2, 3]);
    answer(api.drills[2], page(3, 60));
    answer(api.drills[1], page(2, 60));
    expect(store.pageIndex()).toBe(2);
    expect(api.drills[2].query).toMatchObject({ scope: 'agent', scopeId: '21', measure: 'not_attempted' });
  });

  it('says when the accounts could not be read, and retries the same page', () => {
    store.load({ month: '2025-11', scope: 'team', scopeId: '1', measure: 'assigned', page: 2 });
    api.drills[0].response.error(new HttpErrorResponse({ status: 0 }));
    expect(store.error()).toBe('No hay conexión con el servidor.');
    store.retry();
    expect(api.drills[1].query.page).toBe(2);
  });
});
