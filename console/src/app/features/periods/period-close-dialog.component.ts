import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';

export interface PeriodCloseData {
  /** 'YYYY-MM'. */
  month: string;
}

/** Asks before a month is closed (it cannot be undone); closes with true to go ahead. */
@Component({
  selector: 'rc-period-close-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ t('periods.confirm.title', { month: month(data.month) }) }}</h2>
    <mat-dialog-content>
      <p>{{ t('periods.confirm.text') }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ t('common.cancel') }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="period-close-confirm">
        {{ t('periods.close') }}
      </button>
    </mat-dialog-actions>
  `,
})
export class PeriodCloseDialogComponent {
  protected readonly data = inject<PeriodCloseData>(MAT_DIALOG_DATA);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly month = this.i18n.month;
}

/** Opens the confirmation; emits whether the manager confirmed. */
export function confirmPeriodClose(dialog: MatDialog, month: string): Observable<boolean> {
  return dialog
    .open<PeriodCloseDialogComponent, PeriodCloseData, boolean>(PeriodCloseDialogComponent, {
      data: { month },
      width: '480px',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
