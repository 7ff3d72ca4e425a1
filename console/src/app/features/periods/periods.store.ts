import { Injectable, computed, inject, signal } from '@angular/core';
import type { PeriodReport, PeriodSummary } from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { periodConflictKey } from './period-report.util';
import { PeriodsService } from './periods.service';

/** The months and their close buttons. */
@Injectable()
export class PeriodsStore {
  private readonly api = inject(PeriodsService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<PeriodSummary[]>>(idle());
  private readonly pendingState = signal<string | null>(null);
  private readonly actionErrorState = signal<ApiError | null>(null);

  /** Newest first, as the server lists them. */
  readonly periods = computed(() => this.state().data ?? []);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  /** The month whose close is on its way (every close button waits). */
  readonly pendingMonth = this.pendingState.asReadonly();
  readonly actionError = computed(() => {
    const error = this.actionErrorState();
    const key = periodConflictKey(error);
    return key ? this.i18n.t(key) : this.i18n.errorWithDetails(error);
  });

  load(): void {
    this.state.update(loading);
    this.api.list().subscribe({
      next: (periods) => this.state.set(loaded(periods)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
  }

  close(month: string, done?: (report: PeriodReport) => void): void {
    if (this.pendingState() !== null) return;
    this.pendingState.set(month);
    this.actionErrorState.set(null);
    this.api.close(month).subscribe({
      next: (report) => {
        this.pendingState.set(null);
        this.replace(report);
        done?.(report);
      },
      error: (error: unknown) => {
        this.pendingState.set(null);
        this.actionErrorState.set(toApiError(error));
        // Someone else may have closed it meanwhile: show where every month stands now.
        this.load();
      },
    });
  }

  dismissActionError(): void {
    this.actionErrorState.set(null);
  }

  private replace(report: PeriodReport): void {
    const { month, status, ended, closedAt, closedByName } = report;
    const summary: PeriodSummary = { month, status, ended, closedAt, closedByName };
    this.state.update((state) => ({
      ...state,
      data: (state.data ?? []).map((period) => (period.month === summary.month ? summary : period)),
    }));
  }
}
