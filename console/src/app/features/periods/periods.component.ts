import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { confirmPeriodClose } from './period-close-dialog.component';
import { canClose, periodStatusTone } from './period-report.util';
import { PeriodsStore } from './periods.store';

/** The manager's month close: every month with figures, its status, and a close for ended ones. */
@Component({
  selector: 'rc-periods',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PeriodsStore],
  imports: [MatButtonModule, MatTableModule, RouterLink, ChipComponent, IconComponent, PageStateComponent],
  templateUrl: './periods.component.html',
  styles: `
    .rc-period-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class PeriodsComponent {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(PeriodsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly month = this.i18n.month;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly tone = periodStatusTone;
  protected readonly canClose = canClose;
  protected readonly columns = ['month', 'status', 'closedAt', 'closedBy', 'actions'];

  constructor() {
    this.store.load();
  }

  protected close(month: string): void {
    confirmPeriodClose(this.dialog, month).subscribe((confirmed) => {
      if (!confirmed) return;
      this.store.close(month, (report) =>
        this.snackBar.open(this.t('periods.closed', { month: this.month(report.month) }), undefined, {
          duration: 4000,
        }),
      );
    });
  }
}
