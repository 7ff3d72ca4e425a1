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
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { confirmPeriodClose } from './period-close-dialog.component';
import { PeriodReportStore } from './period-report.store';
import { periodStatusTone } from './period-report.util';

/**
 * One month's report: what a closed month froze (it never changes), or an open month's live
 * figures; balances by aging and recovery per team as charts, then clients, portfolios and teams.
 */
@Component({
  selector: 'rc-period-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PeriodReportStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    NgxEchartsDirective,
    RouterLink,
    ChipComponent,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
  ],
  templateUrl: './period-report.component.html',
  styles: `
    .rc-chart {
      display: block;
      height: 300px;
      margin: 0 12px;
    }

    .rc-period-report__status {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }

    .rc-period-report__currency {
      width: 120px;
    }
  `,
})
export class PeriodReportComponent {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(PeriodReportStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly tone = periodStatusTone;
  protected readonly columns = [
    'name',
    'recovered',
    'sweep',
    'contactedSweep',
    'kept',
    'balance',
    'delinquency',
  ];

  protected readonly tables = computed(() => [
    { id: 'teams', title: this.t('periods.teams.title'), rows: this.store.teamRows() },
    { id: 'clients', title: this.t('periods.clients.title'), rows: this.store.clientRows() },
    { id: 'portfolios', title: this.t('periods.portfolios.title'), rows: this.store.portfolioRows() },
  ]);

  /** The `:month` route parameter ('YYYY-MM'). */
  readonly month = input.required<string>();

  constructor() {
    effect(() => {
      const month = this.month();
      untracked(() => this.store.load(month));
    });
  }

  protected close(): void {
    confirmPeriodClose(this.dialog, this.month()).subscribe((confirmed) => {
      if (!confirmed) return;
      this.store.close((report) =>
        this.snackBar.open(this.t('periods.closed', { month: this.i18n.month(report.month) }), undefined, {
          duration: 4000,
        }),
      );
    });
  }
}
