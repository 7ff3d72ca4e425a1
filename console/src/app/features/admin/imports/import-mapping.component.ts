import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@recupera/shared';
import { I18nService } from '../../../core/i18n/i18n.service';
import { isRequired } from './import-mapping.util';

export interface ColumnChange {
  field: ImportField;
  column: string;
}

interface FieldRow {
  field: ImportField;
  label: string;
  required: boolean;
  column: string;
  sample: string;
  missing: boolean;
}

/** One line per importable field: which file column feeds it, with a sample value from the file. */
@Component({
  selector: 'rc-import-mapping',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <table class="rc-mapping" data-testid="import-mapping">
      <thead>
        <tr>
          <th>{{ t('imports.field') }}</th>
          <th>{{ t('imports.column') }}</th>
          <th>{{ t('imports.sample') }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.field) {
          <tr [class.rc-mapping--missing]="row.missing" [class.rc-mapping--mapped]="row.column !== ''">
            <td>
              {{ row.label }}
              @if (row.required) {
                <span class="rc-required" aria-hidden="true">*</span>
              }
            </td>
            <td>
              <mat-form-field class="rc-field--dense" subscriptSizing="dynamic">
                <mat-select
                  [value]="row.column"
                  [attr.aria-label]="row.label"
                  [attr.data-testid]="'import-map-' + row.field"
                  (selectionChange)="columnChange.emit({ field: row.field, column: $event.value })"
                >
                  <mat-option value="">{{ t('imports.notMapped') }}</mat-option>
                  @for (column of header(); track column) {
                    <mat-option [value]="column">{{ column }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            </td>
            <td class="rc-mono rc-muted rc-mapping__sample">{{ row.sample }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class ImportMappingComponent {
  protected readonly t = inject(I18nService).t;
  private readonly label = inject(I18nService).label;

  readonly header = input.required<readonly string[]>();
  readonly sampleRow = input<readonly string[]>([]);
  readonly mapping = input.required<ColumnMapping>();
  readonly columnChange = output<ColumnChange>();

  protected readonly rows = computed<FieldRow[]>(() => {
    const mapping = this.mapping();
    const header = this.header();
    const sample = this.sampleRow();
    return IMPORT_FIELDS.map((field) => {
      const column = mapping[field] ?? '';
      const index = column ? header.indexOf(column) : -1;
      return {
        field,
        label: this.label('importField', field),
        required: isRequired(field),
        column,
        sample: index >= 0 ? (sample[index] ?? '') : '',
        missing: isRequired(field) && !column,
      };
    });
  });
}
