import { Injectable, computed, inject, signal } from '@angular/core';
import type { AgingBucket, PeriodReport } from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { agingChart, teamsChart, type PeriodChartOption } from './period-charts.util';
import { canClose, moneyIn, periodConflictKey, periodKpis, scopeRows } from './period-report.util';
import { PeriodsService } from './periods.service';

/** One month's report: the frozen snapshot of a closed month, the live figures of an open one. */
@Injectable()
export class PeriodReportStore {
  private readonly api = inject(PeriodsService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<PeriodReport>>(idle());
  private readonly monthState = signal<string | null>(null);
  private readonly currencyState = signal<string | null>(null);
  private readonly closingState = signal(false);
  private readonly actionErrorState = signal<ApiError | null>(null);

  readonly report = computed(() => this.state().data);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly closing = this.closingState.asReadonly();
  readonly actionError = computed(() => {
    const error = this.actionErrorState();
    const key = periodConflictKey(error);
    return key ? this.i18n.t(key) : this.i18n.errorWithDetails(error);
  });
  readonly canClose = computed(() => {
    const report = this.report();
    return report !== null && canClose(report);
  });

  readonly title = computed(() => {
    const month = this.report()?.month ?? this.monthState();
    return month ? this.i18n.month(month) : '';
  });
  readonly note = computed(() => {
    const report = this.report();
    if (!report) return '';
    if (report.status === 'closing') return this.i18n.t('periods.report.closingNote');
    return this.i18n.t(report.status === 'closed' ? 'periods.report.frozen' : 'periods.report.live', {
      time: this.i18n.dateTime(report.figures.countedAt),
    });
  });

  /** The agency's currencies, most money first: the page shows one at a time. */
  readonly currencies = computed(() => this.report()?.figures.agency.money.map((m) => m.currency) ?? []);
  readonly currency = computed(() => {
    const chosen = this.currencyState();
    const currencies = this.currencies();
    return chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? '');
  });

  readonly kpis = computed(() => {
    const report = this.report();
    return report ? periodKpis(report.figures.agency, this.currency(), this.i18n) : [];
  });
  readonly clientRows = computed(() =>
    scopeRows(this.report()?.figures.clients ?? [], this.currency(), this.i18n),
  );
  readonly portfolioRows = computed(() =>
    scopeRows(this.report()?.figures.portfolios ?? [], this.currency(), this.i18n),
  );
  readonly teamRows = computed(() =>
    scopeRows(this.report()?.figures.teams ?? [], this.currency(), this.i18n),
  );

  readonly agingChart = computed<PeriodChartOption | null>(() => {
    const report = this.report();
    const currency = this.currency();
    if (!report || !currency) return null;
    return agingChart(
      moneyIn(report.figures.agency, currency),
      {
        current: this.i18n.t('periods.aging.current'),
        overdue: this.i18n.t('periods.aging.overdue'),
        bucket: (bucket: AgingBucket) => this.i18n.label('aging', bucket),
      },
      this.i18n.locale(),
    );
  });
  readonly teamsChart = computed<PeriodChartOption | null>(() => {
    const report = this.report();
    if (!report || report.figures.teams.length === 0) return null;
    return teamsChart(
      report.figures.teams,
      this.currency(),
      { recovered: this.i18n.t('periods.col.recovered'), kept: this.i18n.t('periods.col.kept') },
      this.i18n.locale(),
    );
  });

  load(month: string): void {
    this.monthState.set(month);
    this.state.update(loading);
    this.api.report(month).subscribe({
      next: (report) => this.state.set(loaded(report)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
  }

  retry(): void {
    const month = this.monthState();
    if (month) this.load(month);
  }

  chooseCurrency(currency: string): void {
    this.currencyState.set(currency);
  }

  close(done?: (report: PeriodReport) => void): void {
    const month = this.monthState();
    if (!month || this.closingState()) return;
    this.closingState.set(true);
    this.actionErrorState.set(null);
    this.api.close(month).subscribe({
      next: (report) => {
        this.closingState.set(false);
        this.state.set(loaded(report));
        done?.(report);
      },
      error: (error: unknown) => {
        this.closingState.set(false);
        this.actionErrorState.set(toApiError(error));
        this.load(month);
      },
    });
  }

  dismissActionError(): void {
    this.actionErrorState.set(null);
  }
}
