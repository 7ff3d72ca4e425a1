import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, computed, inject, signal, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  ClientResponse,
  DelinquencyDimension,
  DelinquencyQuery,
  DelinquencyResponse,
  ExportFormat,
  PortfolioResponse,
  RecoveryDashboard,
  RecoveryExportTable,
  RecoveryQuery,
  TeamResponse,
} from '@recupera/shared';
import { Subject, catchError, map, of, switchMap, type Observable } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { saveBlob } from '../../core/http/download.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import {
  delinquencyChart,
  funnelChart,
  goalsChart,
  sweepChart,
  trendChart,
  type RecoveryChartOption,
} from './recovery-charts.util';
import {
  currentMonth,
  delinquencyQuery,
  exportFileName,
  httpParams,
  monthOptions,
  type RecoveryView,
} from './recovery-query.util';
import {
  delinquencyLabel,
  delinquencyRows,
  funnelRows,
  funnelSteps,
  isQuietMonth,
  leaderboardRows,
  recoveryKpis,
  supervisorLabel,
  sweepBasis,
  sweepRows,
  sweepTotals,
  teamRows,
  teamTotalRow,
  trendRows,
} from './recovery-rows.util';
import { RecoveryService } from './recovery.service';

/** The page's clock, so tests can pin "today" (which month is current, how far its trend goes). */
export const RECOVERY_CLOCK = new InjectionToken<() => Date>('RECOVERY_CLOCK', {
  providedIn: 'root',
  factory: () => () => new Date(),
});

const sameParams = (a: object | null, b: object) =>
  a !== null && JSON.stringify(httpParams(a)) === JSON.stringify(httpParams(b));

/**
 * The manager's recovery dashboard for the filters in the URL: the month's figures, the
 * delinquency snapshot beside them, the filter lists and the exports. The latest filters win over
 * slower earlier requests.
 */
@Injectable()
export class RecoveryStore {
  private readonly api = inject(RecoveryService);
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);
  private readonly now = inject(RECOVERY_CLOCK);

  private readonly viewState = signal<RecoveryView | null>(null);
  private readonly dashboardState = signal<RequestState<RecoveryDashboard>>(idle());
  private readonly delinquencyState = signal<RequestState<DelinquencyResponse>>(idle());
  private readonly clientsState = signal<ClientResponse[]>([]);
  private readonly portfoliosState = signal<PortfolioResponse[]>([]);
  private readonly teamsState = signal<TeamResponse[]>([]);
  private readonly exportingState = signal<string | null>(null);
  private readonly exportErrorState = signal<ApiError | null>(null);
  private readonly dashboardQueries = new Subject<RecoveryQuery>();
  private readonly delinquencyQueries = new Subject<DelinquencyQuery>();
  private sentDashboard: RecoveryQuery | null = null;
  private sentDelinquency: DelinquencyQuery | null = null;

  /** A supervisor sees their own teams; the balance snapshot (delinquency) is the manager's. */
  readonly supervisor = computed(() => this.auth.role() === 'supervisor');
  readonly showsDelinquency = computed(() => this.auth.hasRole(['manager', 'admin']));

  readonly view = this.viewState.asReadonly();
  readonly query = computed(() => this.viewState()?.query ?? null);
  readonly by = computed<DelinquencyDimension>(() => this.viewState()?.by ?? 'aging');
  readonly loading = computed(() => this.dashboardState().loading);
  readonly ready = computed(() => this.dashboardState().data !== null);
  readonly error = computed(() => this.i18n.error(this.dashboardState().error));
  readonly dashboard = computed(() => this.dashboardState().data);
  readonly currency = computed(() => this.dashboard()?.currency ?? '');
  readonly currencies = computed(() => this.dashboard()?.currencies ?? []);
  readonly showsCurrency = computed(() => this.currencies().length > 1);
  readonly quiet = computed(() => {
    const dashboard = this.dashboard();
    return dashboard !== null && isQuietMonth(dashboard);
  });

  readonly subtitle = computed(() => {
    const dashboard = this.dashboard();
    if (!dashboard) return '';
    return this.i18n.t('recovery.subtitle', {
      month: this.i18n.month(dashboard.month),
      currency: dashboard.currency,
      elapsed: dashboard.businessDaysElapsed,
      total: dashboard.businessDaysInMonth,
    });
  });

  readonly clients = this.clientsState.asReadonly();
  readonly teams = this.teamsState.asReadonly();
  /** The portfolios of the chosen client (none until one is chosen). */
  readonly portfolios = computed(() => {
    const clientId = this.query()?.clientId;
    return clientId ? this.portfoliosState().filter((portfolio) => portfolio.clientId === clientId) : [];
  });
  readonly months = computed(() => {
    const month = this.query()?.month ?? currentMonth(this.now());
    return monthOptions(this.now(), month).map((value) => ({ value, label: this.i18n.month(value) }));
  });

  readonly kpis = computed(() => {
    const dashboard = this.dashboard();
    if (!dashboard) return [];
    const teamScoped = this.supervisor() || Boolean(this.query()?.teamId);
    return recoveryKpis(dashboard, sweepTotals(sweepBasis(dashboard, teamScoped)), this.i18n);
  });

  readonly teamRows = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? teamRows(dashboard.teams, dashboard.currency, this.i18n) : [];
  });
  readonly teamTotal = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? teamTotalRow(dashboard, this.i18n) : null;
  });
  readonly goalsChart = computed<RecoveryChartOption>(() =>
    goalsChart(
      this.dashboard()?.teams ?? [],
      this.currency(),
      {
        recovered: this.i18n.t('recovery.col.recovered'),
        goal: this.i18n.t('recovery.col.goal'),
        projected: this.i18n.t('recovery.col.projected'),
        supervisor: (team) => supervisorLabel(team, this.i18n),
      },
      this.i18n.locale(),
    ),
  );

  readonly trendRows = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? trendRows(dashboard.trend, dashboard.currency, this.i18n) : [];
  });
  /** How far this month's running total is drawn: today in the current month, nothing in a future one. */
  readonly throughDay = computed(() => {
    const month = this.dashboard()?.month;
    const now = this.now();
    const current = currentMonth(now);
    if (!month || month < current) return null;
    return month === current ? now.getDate() : 0;
  });
  readonly trendChart = computed<RecoveryChartOption>(() =>
    trendChart(
      this.dashboard()?.trend ?? [],
      this.currency(),
      {
        thisMonth: this.i18n.t('recovery.trend.thisMonth'),
        previousMonth: this.i18n.t('recovery.trend.previousMonth'),
        cumulative: this.i18n.t('recovery.trend.cumulative'),
        previousCumulative: this.i18n.t('recovery.trend.previousCumulative'),
      },
      this.i18n.locale(),
      this.throughDay(),
    ),
  );

  readonly funnelRows = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? funnelRows(dashboard.funnel, this.i18n) : [];
  });
  readonly promised = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? this.i18n.minor(dashboard.funnel.promisedMinor, dashboard.currency) : '';
  });
  readonly funnelChart = computed<RecoveryChartOption | null>(() => {
    const dashboard = this.dashboard();
    return dashboard
      ? funnelChart(
          funnelSteps(dashboard.funnel),
          (stage) => this.i18n.t(`recovery.funnel.${stage}`),
          this.i18n.locale(),
        )
      : null;
  });

  readonly sweepPortfolios = computed(() =>
    sweepRows(this.dashboard()?.sweep.portfolios ?? [], this.supervisor(), this.i18n),
  );
  readonly sweepTeams = computed(() =>
    sweepRows(this.dashboard()?.sweep.teams ?? [], this.supervisor(), this.i18n),
  );
  readonly sweepAgents = computed(() =>
    sweepRows(this.dashboard()?.sweep.agents ?? [], this.supervisor(), this.i18n),
  );
  readonly sweepChart = computed<RecoveryChartOption>(() =>
    sweepChart(
      this.dashboard()?.sweep.portfolios ?? [],
      {
        sweep: this.i18n.t('recovery.col.sweepRate'),
        contactedSweep: this.i18n.t('recovery.col.contactedSweepRate'),
      },
      this.i18n.locale(),
    ),
  );

  readonly leaderboard = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? leaderboardRows(dashboard.leaderboard, dashboard.currency, this.i18n) : [];
  });

  readonly delinquencyLoading = computed(() => this.delinquencyState().loading);
  readonly delinquencyReady = computed(() => this.delinquencyState().data !== null);
  readonly delinquencyError = computed(() => this.i18n.error(this.delinquencyState().error));
  readonly delinquencySubtitle = computed(() => {
    const data = this.delinquencyState().data;
    if (!data) return '';
    const subtitle = this.i18n.t('recovery.delinquency.subtitle', { currency: data.currency });
    return data.countedAt
      ? `${subtitle} · ${this.i18n.t('recovery.delinquency.countedAt', { time: this.i18n.dateTime(data.countedAt) })}`
      : subtitle;
  });
  /** The rows on screen are those of the grouping they were counted by, even while another loads. */
  readonly delinquencyBy = computed(() => this.delinquencyState().data?.by ?? this.by());
  readonly delinquencyRows = computed(() => {
    const data = this.delinquencyState().data;
    return data ? delinquencyRows(data.by, data.rows, data.currency, this.i18n) : [];
  });
  readonly delinquencyChart = computed<RecoveryChartOption | null>(() => {
    const data = this.delinquencyState().data;
    if (!data) return null;
    return delinquencyChart(
      data.by,
      data.rows,
      data.currency,
      {
        current: this.i18n.t('recovery.delinquency.current'),
        overdue: this.i18n.t('recovery.delinquency.overdue'),
        index: this.i18n.t('recovery.delinquency.index'),
        group: (key) => delinquencyLabel(data.by, key, this.i18n),
      },
      this.i18n.locale(),
    );
  });

  readonly exporting = this.exportingState.asReadonly();
  readonly exportError = computed(() => this.i18n.error(this.exportErrorState()));

  constructor() {
    this.latest(this.dashboardQueries, (query) => this.api.dashboard(query), this.dashboardState);
    this.latest(this.delinquencyQueries, (query) => this.api.delinquency(query), this.delinquencyState);
  }

  /** Shows a view: asks again only for what its filters changed. */
  load(view: RecoveryView): void {
    this.viewState.set(view);
    if (!sameParams(this.sentDashboard, view.query)) this.fetchDashboard(view.query);
    const delinquency = delinquencyQuery(view.query, view.by);
    if (this.showsDelinquency() && !sameParams(this.sentDelinquency, delinquency))
      this.fetchDelinquency(delinquency);
  }

  retry(): void {
    const view = this.viewState();
    if (!view) return;
    this.fetchDashboard(view.query);
    if (this.showsDelinquency()) this.fetchDelinquency(delinquencyQuery(view.query, view.by));
  }

  retryDelinquency(): void {
    const view = this.viewState();
    if (view && this.showsDelinquency()) this.fetchDelinquency(delinquencyQuery(view.query, view.by));
  }

  /** The filters' lists. One that fails (or that the role may not read) only leaves its filter empty. */
  loadFilters(): void {
    this.directory.clients().subscribe({
      next: (clients) => this.clientsState.set(clients),
      error: () => this.clientsState.set([]),
    });
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(portfolios),
      error: () => this.portfoliosState.set([]),
    });
    this.directory.teams().subscribe({
      next: (teams) => this.teamsState.set(teams),
      error: () => this.teamsState.set([]),
    });
  }

  /** Downloads one table, as the server words it in the console's language, for the filters on screen. */
  export(table: RecoveryExportTable, format: ExportFormat): void {
    const query = this.query();
    if (!query || this.exportingState()) return;
    this.exportingState.set(`${table}-${format}`);
    this.exportErrorState.set(null);
    this.api.export(query, table, format).subscribe({
      next: (blob) => {
        this.exportingState.set(null);
        saveBlob(this.document, blob, exportFileName(table, query.month, format));
      },
      error: (error: unknown) => {
        this.exportingState.set(null);
        this.exportErrorState.set(toApiError(error));
      },
    });
  }

  dismissExportError(): void {
    this.exportErrorState.set(null);
  }

  private fetchDashboard(query: RecoveryQuery): void {
    this.sentDashboard = query;
    this.dashboardState.update(loading);
    this.dashboardQueries.next(query);
  }

  private fetchDelinquency(query: DelinquencyQuery): void {
    this.sentDelinquency = query;
    this.delinquencyState.update(loading);
    this.delinquencyQueries.next(query);
  }

  private latest<Q, T>(
    queries: Subject<Q>,
    request: (query: Q) => Observable<T>,
    state: WritableSignal<RequestState<T>>,
  ): void {
    queries
      .pipe(
        switchMap((query) =>
          request(query).pipe(
            map((data) => loaded(data)),
            catchError((error: unknown) => of(failed(state(), toApiError(error)))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => state.set(next));
  }
}
