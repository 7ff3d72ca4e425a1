import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { DELINQUENCY_DIMENSIONS, type ExportFormat, type RecoveryExportTable } from '@recupera/shared';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { mergeQueryParams } from '../../core/query-params.util';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { RecoveryDrillDialogComponent, type RecoveryDrillData } from './recovery-drill-dialog.component';
import { RecoveryExportComponent } from './recovery-export.component';
import { filterParams, toRecoveryView, type RecoveryFilter } from './recovery-query.util';
import { RecoverySweepTableComponent, type SweepDrill } from './recovery-sweep-table.component';
import { RECOVERY_CLOCK, RecoveryStore } from './recovery.store';

/**
 * The manager's recovery dashboard (a supervisor's, for their teams): what was recovered against
 * the goals, how the month runs against the previous one, the contact funnel, the portfolio sweep
 * and the delinquency snapshot. The filters live in the URL, so a view can be shared as a link.
 */
@Component({
  selector: 'rc-recovery-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [RecoveryStore],
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    NgxEchartsDirective,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
    RecoveryExportComponent,
    RecoverySweepTableComponent,
  ],
  templateUrl: './recovery-dashboard.component.html',
  styleUrl: './recovery-dashboard.component.scss',
})
export class RecoveryDashboardComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  private readonly now = inject(RECOVERY_CLOCK);
  protected readonly store = inject(RecoveryStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dimensions = DELINQUENCY_DIMENSIONS;
  protected readonly teamColumns = [
    'supervisor',
    'recovered',
    'goal',
    'attainment',
    'projected',
    'previous',
    'change',
    'ytd',
    'annualGoal',
  ];
  protected readonly trendColumns = ['day', 'recovered', 'previous', 'cumulative', 'previousCumulative'];
  protected readonly funnelColumns = ['stage', 'count', 'rate', 'base'];
  protected readonly delinquencyColumns = ['group', 'accounts', 'total', 'overdue', 'index', 'share'];
  protected readonly leaderboardColumns = [
    'rank',
    'agent',
    'team',
    'recovered',
    'agreements',
    'promised',
    'attempts',
    'rightParty',
    'contactRate',
    'talk',
  ];

  // Filters live in the query string, so the back button and shared links keep them.
  readonly month = input<string>();
  readonly clientId = input<string>();
  readonly portfolioId = input<string>();
  readonly teamId = input<string>();
  readonly currency = input<string>();
  readonly by = input<string>();

  protected readonly view = computed(() =>
    toRecoveryView(
      {
        month: this.month(),
        clientId: this.clientId(),
        portfolioId: this.portfolioId(),
        teamId: this.teamId(),
        currency: this.currency(),
        by: this.by(),
      },
      this.now(),
    ),
  );

  protected readonly hasFilters = computed(() => {
    const { query } = this.view();
    return Boolean(this.month() || query.clientId || query.teamId || query.currency);
  });

  constructor() {
    effect(() => {
      const view = this.view();
      untracked(() => this.store.load(view));
    });
    this.store.loadFilters();
  }

  protected filter(filter: RecoveryFilter, value: string | null | undefined): void {
    mergeQueryParams(this.router, this.route, filterParams(filter, value));
  }

  protected clearFilters(): void {
    mergeQueryParams(this.router, this.route, {
      month: null,
      clientId: null,
      portfolioId: null,
      teamId: null,
      currency: null,
    });
  }

  protected export(table: RecoveryExportTable, format: ExportFormat): void {
    this.store.export(table, format);
  }

  protected drill({ row, measure }: SweepDrill): void {
    const data: RecoveryDrillData = {
      month: this.view().query.month,
      scope: row.scope,
      scopeId: row.scopeId,
      measure,
      name: row.name,
    };
    this.dialog.open<RecoveryDrillDialogComponent, RecoveryDrillData>(RecoveryDrillDialogComponent, {
      data,
      width: '920px',
      maxWidth: '95vw',
      autoFocus: 'dialog',
    });
  }
}
