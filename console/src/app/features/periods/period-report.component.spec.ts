import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PeriodReport } from '@recupera/shared';
import { provideEchartsCore } from 'ngx-echarts';
import { PeriodReportComponent } from './period-report.component';
import { periodMoney, periodReport, periodScope } from './period-report.factory';

/** Enough of ECharts for the directive: the chart options are covered by their own spec. */
const fakeChart = {
  setOption: jest.fn(),
  resize: jest.fn(),
  on: jest.fn(),
  off: jest.fn(),
  dispose: jest.fn(),
  isDisposed: () => false,
  showLoading: jest.fn(),
  hideLoading: jest.fn(),
};

class NoResizeObserver {
  observe(): void {
    // jsdom lays nothing out, so nothing ever resizes.
  }
  unobserve(): void {
    // As above.
  }
  disconnect(): void {
    // As above.
  }
}

const NORTE = periodScope({
  scope: 'team',
  scopeId: '7',
  name: 'Norte',
  keptRate: 0.5,
  money: [periodMoney({ recoveredMinor: 12_500_000 })],
});

describe(PeriodReportComponent.name, () => {
  let backend: HttpTestingController;

  beforeAll(() => {
    Object.assign(window, { ResizeObserver: NoResizeObserver });
  });

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideEchartsCore({ echarts: () => Promise.resolve({ init: () => fakeChart }) }),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(report: PeriodReport): Promise<HTMLElement> {
    const fixture: ComponentFixture<PeriodReportComponent> = TestBed.createComponent(PeriodReportComponent);
    fixture.componentRef.setInput('month', report.month);
    fixture.detectChanges();
    backend.expectOne(`/api/periods/${report.month}`).flush(report);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const byTestId = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);

  it('shows a closed month as frozen, with its figures and no close button', async () => {
    const root = await render(
      periodReport(
        { status: 'closed', closedAt: '2026-11-02T15:00:00.000Z', closedByName: 'Gerente' },
        {
          agency: periodScope({ money: [periodMoney({ recoveredMinor: 17_500_000 })], keptRate: 0.5 }),
          teams: [NORTE],
        },
      ),
    );
    expect(byTestId(root, 'period-report-status')?.textContent?.trim()).toBe('Cerrado');
    expect(byTestId(root, 'period-report-note')?.textContent).toContain('Cifras congeladas al cierre');
    expect(byTestId(root, 'period-kpi-kept')?.textContent).toContain('50');
    expect(byTestId(root, 'period-table-teams')?.textContent).toContain('Norte');
    expect(byTestId(root, 'period-chart-teams')).not.toBeNull();
    expect(byTestId(root, 'period-close')).toBeNull();
  });

  it('offers to close an ended month that is still open, and says its figures are live', async () => {
    const root = await render(periodReport({ status: 'open', ended: true }));
    expect(byTestId(root, 'period-report-note')?.textContent).toContain('Mes abierto: cifras en vivo');
    expect(byTestId(root, 'period-close')).not.toBeNull();
  });
});
