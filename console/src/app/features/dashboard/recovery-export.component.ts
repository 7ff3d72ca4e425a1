import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { EXPORT_FORMATS, type ExportFormat, type RecoveryExportTable } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';

/** CSV and XLSX downloads of one of the dashboard's tables. */
@Component({
  selector: 'rc-recovery-export',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  host: { class: 'rc-recovery-export' },
  template: `
    @for (format of formats; track format) {
      <button
        mat-button
        type="button"
        [disabled]="busy()"
        [attr.data-testid]="'recovery-export-' + table() + '-' + format"
        [attr.aria-label]="t('recovery.export.label', { table: title(), format: label(format) })"
        (click)="export.emit(format)"
      >
        <rc-icon name="download" />
        {{ label(format) }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      gap: 4px;
    }
  `,
})
export class RecoveryExportComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly formats = EXPORT_FORMATS;

  readonly table = input.required<RecoveryExportTable>();
  /** The table's title, for the buttons' accessible names. */
  readonly title = input.required<string>();
  readonly busy = input(false);
  readonly export = output<ExportFormat>();

  protected label(format: ExportFormat): string {
    return this.t(`recovery.export.${format}`);
  }
}
