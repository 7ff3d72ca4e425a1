import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { I18nService } from '../../core/i18n/i18n.service';

export interface ScriptConfirmData {
  title: string;
  message: string;
  confirmLabel: string;
}

/** Asks before something that cannot be taken back (publishing, dropping unsaved edits); true goes ahead. */
@Component({
  selector: 'rc-script-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  templateUrl: './script-confirm-dialog.component.html',
})
export class ScriptConfirmDialogComponent {
  protected readonly data = inject<ScriptConfirmData>(MAT_DIALOG_DATA);
  protected readonly t = inject(I18nService).t;
}
