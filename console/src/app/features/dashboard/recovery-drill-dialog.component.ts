import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { DrillMeasure } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { PageStateComponent } from '../../ui/page-state.component';
import type { SweepScope } from './recovery-rows.util';
import { DRILL_PAGE_SIZES, RecoveryDrillStore } from './recovery-drill.store';

export interface RecoveryDrillData {
  month: string;
  scope: SweepScope;
  scopeId: string;
  measure: DrillMeasure;
  /** The portfolio, team or agent the figure belongs to. */
  name: string;
}

/** The accounts behind a sweep figure; each opens its account page (which closes the dialog). */
@Component({
  selector: 'rc-recovery-drill-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [RecoveryDrillStore],
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatPaginatorModule,
    MatTableModule,
    RouterLink,
    PageStateComponent,
  ],
  template: `
    <div data-testid="recovery-drill-dialog">
      <h2 mat-dialog-title>{{ title() }}</h2>
      <mat-dialog-content>
        <p class="rc-muted rc-drill__subtitle">
          {{ t('recovery.drill.subtitle', { month: month(), count: number(store.total()) }) }}
        </p>
        <rc-page-state
          [loading]="store.loading()"
          [ready]="store.ready()"
          [error]="store.error()"
          [errorTitle]="t('common.errorTitle')"
          [retryLabel]="t('common.retry')"
          [loadingLabel]="t('common.loading')"
          (retry)="store.retry()"
        >
          @if (store.rows().length === 0) {
            <p class="rc-empty">{{ t('recovery.drill.empty') }}</p>
          } @else {
            <div class="rc-table-scroll">
              <table mat-table [dataSource]="store.rows()" class="rc-table">
                <ng-container matColumnDef="account">
                  <th mat-header-cell *matHeaderCellDef>{{ t('recovery.col.account') }}</th>
                  <td mat-cell *matCellDef="let row">
                    <a class="rc-mono" [routerLink]="['/accounts', row.id]">{{ row.accountNumber }}</a>
                  </td>
                </ng-container>
                <ng-container matColumnDef="debtor">
                  <th mat-header-cell *matHeaderCellDef>{{ t('recovery.col.debtor') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.debtor }}</td>
                </ng-container>
                <ng-container matColumnDef="balance">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('recovery.col.balance') }}</th>
                  <td mat-cell *matCellDef="let row" class="rc-num">{{ row.balance }}</td>
                </ng-container>
                <ng-container matColumnDef="daysPastDue">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">
                    {{ t('recovery.col.daysPastDue') }}
                  </th>
                  <td mat-cell *matCellDef="let row" class="rc-num">{{ row.daysPastDue }}</td>
                </ng-container>
                <ng-container matColumnDef="attempted">
                  <th mat-header-cell *matHeaderCellDef>{{ t('recovery.drill.attempted') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.attempted }}</td>
                </ng-container>
                <ng-container matColumnDef="rightParty">
                  <th mat-header-cell *matHeaderCellDef>{{ t('recovery.drill.rightParty') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.rightParty }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns" data-testid="recovery-drill-account"></tr>
              </table>
            </div>
          }
          <mat-paginator
            [length]="store.total()"
            [pageIndex]="store.pageIndex()"
            [pageSize]="store.pageSize()"
            [pageSizeOptions]="pageSizes"
            (page)="pageChanged($event)"
          />
        </rc-page-state>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.close') }}</button>
      </mat-dialog-actions>
    </div>
  `,
  styles: `
    .rc-drill__subtitle {
      margin: 0 0 8px;
    }
  `,
})
export class RecoveryDrillDialogComponent {
  private readonly i18n = inject(I18nService);
  private readonly data = inject<RecoveryDrillData>(MAT_DIALOG_DATA);
  protected readonly store = inject(RecoveryDrillStore);
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly columns = ['account', 'debtor', 'balance', 'daysPastDue', 'attempted', 'rightParty'];
  protected readonly pageSizes = [...DRILL_PAGE_SIZES];
  protected readonly month = computed(() => this.i18n.month(this.data.month));
  protected readonly title = computed(() =>
    this.t('recovery.drill.title', {
      name: this.data.name,
      measure: this.i18n.label('recoveryMeasure', this.data.measure),
    }),
  );

  constructor() {
    const { month, scope, scopeId, measure } = this.data;
    this.store.load({ month, scope, scopeId, measure });
  }

  protected pageChanged(event: PageEvent): void {
    this.store.page(event.pageIndex, event.pageSize);
  }
}
