import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type {
  AuthTokens,
  DebitBatchResponse,
  DebitMandateResponse,
  PaymentFileClientOption,
  PaymentFileResponse,
  Role,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { DebitBatchesTabComponent } from './debit-batches-tab.component';
import { DebitMandatesTabComponent } from './debit-mandates-tab.component';
import { DebitsComponent } from './debits.component';
import { PayrollTabComponent } from './payroll-tab.component';

const clients: PaymentFileClientOption[] = [{ id: '1', code: 'BCO', name: 'Banco Andino', currency: 'COP' }];
const file: PaymentFileResponse = {
  id: '7',
  clientId: '1',
  clientCode: 'BCO',
  layoutName: 'Banco CSV',
  fileName: 'pagos.csv',
  channel: 'bank',
  status: 'completed',
  processedRows: 6,
  applied: 3,
  duplicates: 0,
  rejected: 3,
  appliedTotals: [{ currency: 'COP', amountMinor: 22_500_050 }],
  bytesRead: 200,
  sizeBytes: 200,
  error: null,
  createdAt: '2026-12-01T15:00:00.000Z',
  finishedAt: '2026-12-01T15:00:01.000Z',
};

function signIn(role: Role): void {
  const tokens: AuthTokens = {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u1', email: 'x@recupera.test', fullName: 'X', role, teamId: null, locale: 'es' },
  };
  TestBed.inject(AuthStore).setSession(tokens);
}

const text = (root: HTMLElement, id: string) =>
  root.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

/** Answers every request as it comes (by URL, [] for the rest) until the page stops asking. */
async function serve(fixture: ComponentFixture<unknown>, answers: Record<string, unknown>): Promise<void> {
  const http = TestBed.inject(HttpTestingController);
  for (let round = 0; round < 10; round++) {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const request of http.match(() => true)) request.flush(answers[request.request.url] ?? []);
  }
  fixture.detectChanges();
  await fixture.whenStable();
}

describe(DebitsComponent.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('gives a cashier the payment files only, with each file’s counts and applied total', async () => {
    signIn('cashier');
    const fixture = TestBed.createComponent(DebitsComponent);
    await serve(fixture, { '/api/payment-files/clients': clients, '/api/payment-files': [file] });
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelectorAll('[role="tab"]')).toHaveLength(1);
    const table = text(root, 'files-table');
    expect(table).toContain('pagos.csv');
    expect(table).toContain('Terminado');
    expect(table.replace(/\s+/g, ' ')).toContain('225.000,50');
    expect(root.textContent).toContain('Este cliente no tiene formatos guardados');
  });

  it('gives a manager the debit and payroll tabs too', async () => {
    signIn('manager');
    const fixture = TestBed.createComponent(DebitsComponent);
    await serve(fixture, { '/api/payment-files/clients': clients });
    const tabs = (fixture.nativeElement as HTMLElement).querySelectorAll('[role="tab"]');
    expect([...tabs].map((tab) => tab.textContent?.trim())).toEqual([
      'Archivos de pago',
      'Mandatos de débito',
      'Lotes de débito',
      'Nómina',
    ]);
  });
});

describe(DebitBatchesTabComponent.name, () => {
  it('lists batches with what the bank answered', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DebitBatchesTabComponent);
    const batch: DebitBatchResponse = {
      id: '3',
      clientId: '1',
      clientCode: 'BCO',
      collectionDate: '2026-12-02',
      adapter: 'csv',
      status: 'answered',
      maxAttempts: 3,
      items: 2,
      totalMinor: 160_000,
      currency: 'COP',
      paid: 1,
      rejected: 1,
      unanswered: 0,
      createdAt: '2026-12-02T10:00:00.000Z',
      answeredAt: '2026-12-02T18:00:00.000Z',
    };
    await serve(fixture, { '/api/payment-files/clients': clients, '/api/debit-batches': [batch] });
    const table = text(fixture.nativeElement as HTMLElement, 'batches-table').replace(/\s+/g, ' ');
    expect(table).toContain('3 · BCO · csv');
    expect(table).toContain('Respondido');
    // 160 000 minor COP; Spanish groups thousands from five digits on.
    expect(table).toContain('1600,00 COP');
    http.verify();
  });
});

describe(PayrollTabComponent.name, () => {
  it('loads the employers', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PayrollTabComponent);
    await serve(fixture, {
      '/api/payment-files/clients': clients,
      '/api/employers': [
        {
          id: '1',
          name: 'Acme S.A.S.',
          taxId: '900123456-7',
          contactName: null,
          contactEmail: null,
          contactPhone: null,
          currency: 'COP',
          employees: 3,
          createdAt: '2026-12-01T00:00:00.000Z',
        },
      ],
    });
    expect(text(fixture.nativeElement as HTMLElement, 'employers-table')).toContain('Acme S.A.S.');
    http.verify();
  });
});

describe(DebitMandatesTabComponent.name, () => {
  it('shows mandates with the bank account masked as the server sent it', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    const fixture = TestBed.createComponent(DebitMandatesTabComponent);
    const mandate: DebitMandateResponse = {
      id: '1',
      accountId: '10',
      accountNumber: 'A-1',
      clientId: '1',
      clientCode: 'BCO',
      debtorName: 'Ana Ruiz',
      bankCode: 'BCO01',
      bankAccountMasked: '••••••••8901',
      limitMinor: 150_000,
      currency: 'COP',
      status: 'revoked',
      revokedAt: '2026-12-02T18:00:00.000Z',
      revokedReason: 'bank reject R02: Cuenta cerrada (DD-3-2)',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    await serve(fixture, { '/api/payment-files/clients': clients, '/api/debit-mandates': [mandate] });
    const table = text(fixture.nativeElement as HTMLElement, 'mandates-table').replace(/\s+/g, ' ');
    expect(table).toContain('BCO01 ••••••••8901');
    expect(table).toContain('Revocado');
    expect(table).toContain('bank reject R02: Cuenta cerrada (DD-3-2)');
    TestBed.inject(HttpTestingController).verify();
  });
});
