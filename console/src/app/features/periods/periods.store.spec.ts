import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PeriodError } from '@recupera/shared';
import { periodReport, periodSummary } from './period-report.factory';
import { PeriodsStore } from './periods.store';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [PeriodsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(PeriodsStore);
}

describe(PeriodsStore.name, () => {
  let backend: HttpTestingController;
  let store: PeriodsStore;

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
      .expectOne('/api/periods')
      .flush([periodSummary({ month: '2026-11', ended: false }), periodSummary({ month: '2026-10' })]);
  }

  it('closes a month and shows it closed as the server returns it', () => {
    loadTwo();
    const done = jest.fn();
    store.close('2026-10', done);
    expect(store.pendingMonth()).toBe('2026-10');
    // A second click while the first close runs sends nothing.
    store.close('2026-10');
    backend
      .expectOne({ method: 'POST', url: '/api/periods/2026-10/close' })
      .flush(periodReport({ month: '2026-10', status: 'closed', closedByName: 'Gerente' }));
    expect(store.pendingMonth()).toBeNull();
    expect(store.periods()[1]).toEqual(
      periodSummary({ month: '2026-10', status: 'closed', closedByName: 'Gerente' }),
    );
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ status: 'closed' }));
  });

  it('explains a month someone else closed first and reloads the list', () => {
    loadTwo();
    store.close('2026-10');
    backend.expectOne('/api/periods/2026-10/close').flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: '2026-10 is already closed',
        details: { reason: PeriodError.AlreadyClosed, month: '2026-10' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(store.actionError()).toBe('Ese mes ya estaba cerrado.');
    backend.expectOne('/api/periods').flush([periodSummary({ month: '2026-10', status: 'closed' })]);
    expect(store.periods()[0].status).toBe('closed');
    store.dismissActionError();
    expect(store.actionError()).toBeNull();
  });
});
