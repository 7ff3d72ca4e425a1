import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { I18nService } from '../../core/i18n/i18n.service';

export interface CampaignConfirmData {
  title: string;
  message: string;
  confirmLabel: string;
  /** Finishing cannot be undone: the button says so in red. */
  danger: boolean;
}

/** Asks before a lifecycle action; closes with true to go ahead. */
@Component({
  selector: 'rc-campaign-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  styles: `
    .rc-button--danger {
      --mat-button-filled-container-color: var(--rc-danger);
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ t('common.cancel') }}</button>
      <button
        mat-flat-button
        type="button"
        [mat-dialog-close]="true"
        [class.rc-button--danger]="data.danger"
        data-testid="campaign-confirm"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
})
export class CampaignConfirmDialogComponent {
  protected readonly data = inject<CampaignConfirmData>(MAT_DIALOG_DATA);
  protected readonly t = inject(I18nService).t;
}
