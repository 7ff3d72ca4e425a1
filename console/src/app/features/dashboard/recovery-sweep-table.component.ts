import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import type { DrillMeasure } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { SweepTableRow } from './recovery-rows.util';

export interface SweepDrill {
  row: SweepTableRow;
  measure: DrillMeasure;
}

/** Recorrido of portfolios, teams or agents; every count with accounts behind it opens them. */
@Component({
  selector: 'rc-recovery-sweep-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, NgTemplateOutlet],
  template: `
    <ng-template #figure let-row="row" let-cell="cell">
      @if (cell.drillable) {
        <button
          type="button"
          class="rc-drill"
          data-testid="recovery-drill"
          [attr.data-measure]="cell.measure"
          [attr.aria-label]="t('recovery.drill.link', { count: cell.text, name: row.name })"
          (click)="drill.emit({ row, measure: cell.measure })"
        >
          {{ cell.text }}
        </button>
      } @else {
        {{ cell.text }}
      }
    </ng-template>
    <div class="rc-table-scroll">
      <table mat-table [dataSource]="rows()" class="rc-table" [attr.data-testid]="testId()">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ nameLabel() }}</th>
          <td mat-cell *matCellDef="let row">{{ row.name }}</td>
        </ng-container>
        <ng-container matColumnDef="assigned">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.assigned') }}</th>
          <td mat-cell *matCellDef="let row" class="rc-num">
            <ng-container *ngTemplateOutlet="figure; context: { row, cell: row.assigned }" />
          </td>
        </ng-container>
        <ng-container matColumnDef="attempted">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.attempted') }}</th>
          <td mat-cell *matCellDef="let row" class="rc-num">
            <ng-container *ngTemplateOutlet="figure; context: { row, cell: row.attempted }" />
          </td>
        </ng-container>
        <ng-container matColumnDef="notAttempted">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.notAttempted') }}</th>
          <td mat-cell *matCellDef="let row" class="rc-num">
            <ng-container *ngTemplateOutlet="figure; context: { row, cell: row.notAttempted }" />
          </td>
        </ng-container>
        <ng-container matColumnDef="rightParty">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.rightParty') }}</th>
          <td mat-cell *matCellDef="let row" class="rc-num">
            <ng-container *ngTemplateOutlet="figure; context: { row, cell: row.rightParty }" />
          </td>
        </ng-container>
        <ng-container matColumnDef="sweep">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.sweepRate') }}</th>
          <td mat-cell *matCellDef="let row" class="rc-num">{{ row.sweep }}</td>
        </ng-container>
        <ng-container matColumnDef="contactedSweep">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.contactedSweepRate') }}</th>
          <td mat-cell *matCellDef="let row" class="rc-num">{{ row.contactedSweep }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .rc-drill {
      padding: 2px 4px;
      border: 0;
      border-radius: 4px;
      background: none;
      color: var(--mat-sys-primary);
      font: inherit;
      text-decoration: underline;
      text-underline-offset: 2px;
      cursor: pointer;

      &:hover {
        background: var(--mat-sys-surface-container);
      }

      &:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
      }
    }
  `,
})
export class RecoverySweepTableComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly columns = [
    'name',
    'assigned',
    'attempted',
    'notAttempted',
    'rightParty',
    'sweep',
    'contactedSweep',
  ];

  readonly rows = input.required<SweepTableRow[]>();
  readonly nameLabel = input.required<string>();
  readonly testId = input.required<string>();
  readonly drill = output<SweepDrill>();
}
