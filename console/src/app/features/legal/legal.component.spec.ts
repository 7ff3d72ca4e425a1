import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { formatMoney, type LegalCaseDetail, type Role } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { LegalComponent } from './legal.component';

const DETAIL: LegalCaseDetail = {
  id: '41',
  accountId: '7',
  accountNumber: 'CL-7',
  debtorName: 'Ana Rojas',
  clientName: 'Banco Andino',
  stage: 'judicial',
  status: 'open',
  firmTeamId: '5',
  firmName: 'Estudio Pérez',
  openedAt: '2026-03-02T13:00:00.000Z',
  lawsuitServedAt: '2026-03-09T18:15:00.000Z',
  court: '3er Juzgado Civil de Santiago',
  caseNumber: 'C-1234-2026',
  balance: { amountMinor: 1_200_000, currency: 'CLP' },
  lastActionAt: '2026-03-09T18:15:00.000Z',
  openedByName: 'Sofía',
  closedAt: null,
  debtAtOpening: {
    currency: 'CLP',
    principalMinor: 1_000_000,
    interestMinor: 180_000,
    feesMinor: 70_000,
    balanceMinor: 1_250_000,
  },
  debt: {
    currency: 'CLP',
    principalMinor: 1_000_000,
    interestMinor: 130_000,
    feesMinor: 70_000,
    balanceMinor: 1_200_000,
  },
  actions: [
    { id: '1', kind: 'case_opened', at: '2026-03-02T13:00:00.000Z', byName: 'Sofía', notes: null },
    { id: '2', kind: 'lawsuit_served', at: '2026-03-09T18:15:00.000Z', byName: 'Marta', notes: 'Receptor' },
  ],
};

describe(LegalComponent.name, () => {
  let fixture: ComponentFixture<LegalComponent>;
  let backend: HttpTestingController;

  async function render(role: Role): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      expiresIn: 900,
      user: { id: '1', email: 'a@x.cl', fullName: 'A', role, teamId: '5', locale: 'es' },
    });
    fixture = TestBed.createComponent(LegalComponent);
    backend
      .expectOne('/api/legal/cases?status=open&page=1&pageSize=25')
      .flush({ items: [DETAIL], total: 1, page: 1, pageSize: 25 });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it("lists a firm agent's cases and opens one with its debt, log and action form", async () => {
    const page = await render('agent');
    expect(page.querySelector('[data-testid="legal-move"]')).toBeNull();
    const row = page.querySelector<HTMLElement>('[data-testid="legal-cases"] tr.mat-mdc-row')!;
    expect(row.textContent).toContain('CL-7');
    expect(row.textContent).toContain('Estudio Pérez');

    row.click();
    backend.expectOne('/api/legal/cases/41').flush(DETAIL);
    await fixture.whenStable();
    const panel = page.querySelector<HTMLElement>('[data-testid="legal-case"]')!;
    expect(panel.textContent).toContain('Caso N.º 41');
    expect(panel.querySelector('[data-testid="legal-served-notice"]')).not.toBeNull();
    const debt = [...panel.querySelectorAll('[data-testid="legal-debt"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(debt[1]).toEqual([
      'Intereses de mora',
      formatMoney({ amountMinor: 180_000, currency: 'CLP' }, 'es'),
      formatMoney({ amountMinor: 130_000, currency: 'CLP' }, 'es'),
    ]);
    expect(panel.querySelector('[data-testid="legal-actions"]')?.textContent).toContain(
      'Notificación de la demanda',
    );
    expect(panel.querySelector('[data-testid="legal-action-form"]')).not.toBeNull();
  });

  it('gives a supervisor the tools to move accounts to the legal stage', async () => {
    const page = await render('supervisor');
    backend.expectOne('/api/legal/teams').flush([]);
    backend.expectOne('/api/portfolios').flush([]);
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="legal-move"]')?.textContent).toContain('Pasar a etapa legal');
    expect(page.querySelector('[data-testid="legal-transfer"]')).not.toBeNull();
  });
});
