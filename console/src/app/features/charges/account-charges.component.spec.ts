import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AccountChargesResponse } from '@recupera/shared';
import { AccountChargesComponent } from './account-charges.component';

/** CO1 of the server's charges spec after its first run: 3 128 accrued at Colombia's cap. */
const CO1: AccountChargesResponse = {
  accountId: '7',
  currency: 'COP',
  balanceMinor: 1_053_128,
  principalMinor: 1_000_000,
  interestMinor: 33_128,
  feesMinor: 20_000,
  accruedThrough: '2026-11-05',
  terms: {
    ruleId: '1',
    scope: 'client',
    interestRatePpm: 2_000,
    interestPeriod: 'daily',
    jurisdiction: 'CO',
    monthlyCapPpm: 18_769,
    feeAfterDays: null,
    feePeriod: 'once',
  },
  history: [
    {
      id: '2',
      kind: 'waiver',
      component: 'interest',
      amountMinor: -5_000,
      currency: 'COP',
      effectiveDate: '2026-11-06',
      note: null,
      refType: 'agreement',
      refId: '3',
      createdAt: '2026-11-06T15:00:00.000Z',
    },
    {
      id: '1',
      kind: 'interest_accrual',
      component: 'interest',
      amountMinor: 3_128,
      currency: 'COP',
      effectiveDate: '2026-11-05',
      note: '2026-11-01..2026-11-05',
      refType: 'charge_run',
      refId: '1',
      createdAt: '2026-11-06T05:00:00.000Z',
    },
  ],
};

describe(AccountChargesComponent.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('shows principal, interest, fees, the terms and the history in Spanish', async () => {
    const fixture = TestBed.createComponent(AccountChargesComponent);
    fixture.componentRef.setInput('accountId', '7');
    fixture.detectChanges();
    backend.expectOne('/api/accounts/7/charges').flush(CO1);
    await fixture.whenStable();
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const text = (id: string) =>
      root.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    // Minor units of pesos: 1 000 000 is $10.000,00.
    expect(text('charges-principal')).toContain('10.000,00');
    expect(text('charges-interest')).toContain('331,28');
    expect(text('charges-fees')).toContain('200,00');
    const all = (root.textContent ?? '').replace(/\s+/g, ' ');
    // 2 000 ppm a day is 0,2 %; the cap 18 769 ppm a month is 1,8769 %.
    expect(all).toContain('0,2 % diario');
    expect(all).toContain('1,8769 % mensual (CO)');
    expect(all).toContain('No se cobran');
    const rows = [...root.querySelectorAll('[data-testid="charges-history"] tr.mat-mdc-row')].map((r) =>
      r.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Condonación del convenio');
    expect(rows[1]).toContain('Causación de intereses');
    expect(rows[1]).toContain('2026-11-01..2026-11-05');
  });
});
