import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { ChargeRuleResponse, FeeScheduleResponse, InterestCapResponse } from '@recupera/shared';
import { ChargeSettingsComponent } from './charge-settings.component';

const RULE: ChargeRuleResponse = {
  id: '1',
  clientId: '10',
  portfolioId: null,
  interestRatePpm: 2_000,
  interestPeriod: 'daily',
  accrueFrom: '2026-11-01',
  feeAfterDays: null,
  feePeriod: 'once',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const CAP: InterestCapResponse = {
  jurisdiction: 'CO',
  basis: 'annual_effective',
  ratePpm: 250_000,
  monthlyCapPpm: 18_769,
  source: 'Tasa de usura',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const CHILE: FeeScheduleResponse = {
  jurisdiction: 'CL',
  currency: 'CLP',
  tranches: [
    { lowerMinor: 0, upperMinor: 395_000, ratePpm: 90_000 },
    { lowerMinor: 395_000, upperMinor: 1_975_000, ratePpm: 60_000 },
    { lowerMinor: 1_975_000, upperMinor: null, ratePpm: 30_000 },
  ],
};

describe(ChargeSettingsComponent.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ChargeSettingsComponent>;

  function flushSettings(): void {
    backend.expectOne('/api/charges/rules').flush([RULE]);
    backend.expectOne('/api/charges/caps').flush([CAP]);
    backend.expectOne('/api/charges/fee-schedules').flush([CHILE]);
    backend
      .expectOne('/api/clients')
      .flush([{ id: '10', code: 'BCO', name: 'Banco', country: 'CO', currency: 'COP' }]);
    backend.expectOne('/api/portfolios').flush([]);
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChargeSettingsComponent);
    fixture.detectChanges();
    flushSettings();
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => backend.verify());

  const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');

  it('lists the rules, caps and fee schedules', () => {
    expect(text()).toContain('BCO');
    expect(text()).toContain('0,2 % diario');
    // 25 % effective a year, applied as 1.8769 % a month.
    expect(text()).toContain('25 % efectiva anual');
    expect(text()).toContain('1,8769 %');
    expect(text()).toContain('en adelante');
  });

  it('saves a rule typed as a percentage in exact ppm, then reloads', () => {
    const component = fixture.componentInstance as unknown as {
      ruleForm: { setValue(v: object): void };
      saveRule(): void;
    };
    component.ruleForm.setValue({
      clientId: '10',
      portfolioId: '',
      rate: '1,5',
      period: 'monthly',
      accrueFrom: '2026-12-01',
      feeAfterDays: '20',
      feePeriod: 'monthly',
    });
    component.saveRule();
    const put = backend.expectOne({ method: 'PUT', url: '/api/charges/rules' });
    expect(put.request.body).toEqual({
      clientId: '10',
      portfolioId: null,
      interestRatePpm: 15_000,
      interestPeriod: 'monthly',
      accrueFrom: '2026-12-01',
      feeAfterDays: 20,
      feePeriod: 'monthly',
    });
    put.flush({ ...RULE, interestRatePpm: 15_000 });
    flushSettings();
  });

  it('refuses a rate that is not a percentage without asking the server', () => {
    const component = fixture.componentInstance as unknown as {
      ruleForm: { setValue(v: object): void };
      saveRule(): void;
    };
    component.ruleForm.setValue({
      clientId: '10',
      portfolioId: '',
      rate: 'mucho',
      period: 'monthly',
      accrueFrom: '2026-12-01',
      feeAfterDays: '',
      feePeriod: 'once',
    });
    component.saveRule();
    fixture.detectChanges();
    expect(text()).toContain('Revise la regla');
  });

  it('saves Chile’s schedule edited from the table as contiguous tranches', () => {
    const component = fixture.componentInstance as unknown as {
      editSchedule(s: FeeScheduleResponse): void;
      saveSchedule(): void;
    };
    component.editSchedule(CHILE);
    component.saveSchedule();
    const put = backend.expectOne({ method: 'PUT', url: '/api/charges/fee-schedules/CL/CLP' });
    expect(put.request.body).toEqual({ tranches: CHILE.tranches });
    put.flush(CHILE);
    flushSettings();
  });
});
