import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AccountChargesResponse } from '@recupera/shared';
import { AccountChargesStore } from './account-charges.store';
import { knownLedgerKind, ppmRatio } from './charges-format.util';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [AccountChargesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(AccountChargesStore);
}

function charges(accountId: string, interestMinor: number): AccountChargesResponse {
  return {
    accountId,
    currency: 'COP',
    balanceMinor: 1_000_000 + interestMinor,
    principalMinor: 1_000_000,
    interestMinor,
    feesMinor: 0,
    accruedThrough: '2026-11-05',
    terms: null,
    history: [
      {
        id: '1',
        kind: 'interest_accrual',
        component: 'interest',
        amountMinor: interestMinor,
        currency: 'COP',
        effectiveDate: '2026-11-05',
        note: '2026-11-01..2026-11-05',
        refType: 'charge_run',
        refId: '1',
        createdAt: '2026-11-06T05:00:00.000Z',
      },
    ],
  };
}

describe(AccountChargesStore.name, () => {
  let backend: HttpTestingController;
  let store: AccountChargesStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.createComponent(HostComponent).componentInstance.store;
  });

  afterEach(() => backend.verify());

  it('loads an account’s charges and history', () => {
    store.load('7');
    expect(store.loading()).toBe(true);
    backend.expectOne('/api/accounts/7/charges').flush(charges('7', 3_128));
    expect(store.charges()?.interestMinor).toBe(3_128);
    expect(store.history().map((h) => h.kind)).toEqual(['interest_accrual']);
    expect(store.ready()).toBe(true);
  });

  it('keeps only the answer for the account asked last', () => {
    store.load('7');
    const first = backend.expectOne('/api/accounts/7/charges');
    store.load('8');
    expect(first.cancelled).toBe(true);
    backend.expectOne('/api/accounts/8/charges').flush(charges('8', 10));
    expect(store.charges()?.accountId).toBe('8');
  });

  it('says what went wrong and tries again', () => {
    store.load('7');
    backend
      .expectOne('/api/accounts/7/charges')
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Account not found' },
        { status: 404, statusText: 'Not Found' },
      );
    expect(store.error()).not.toBeNull();
    expect(store.ready()).toBe(false);
    store.retry();
    backend.expectOne('/api/accounts/7/charges').flush(charges('7', 1));
    expect(store.error()).toBeNull();
  });
});

describe('Charge formatting', () => {
  it('turns ppm into a ratio and knows the ledger kinds it has words for', () => {
    // 18 769 ppm = 1.8769 % = 0.018769.
    expect(ppmRatio(18_769)).toBeCloseTo(0.018769, 10);
    expect(knownLedgerKind('waiver')).toBe('waiver');
    expect(knownLedgerKind('something_new')).toBeNull();
  });
});
