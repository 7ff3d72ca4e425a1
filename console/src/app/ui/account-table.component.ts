import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { AgingBucket, AccountStatus } from '@recupera/shared';
import { ChipComponent } from './chip.component';
import { accountStatusTone, agingTone } from './tone.util';

/** One account as the table shows it: already formatted for the current language. */
export interface AccountRow {
  id: string;
  accountNumber: string;
  debtor: string;
  portfolio: string;
  balance: string;
  daysPastDue: string;
  agingBucket: AgingBucket;
  agingLabel: string;
  status: AccountStatus;
  statusLabel: string;
  agent: string;
}

export type AccountColumn =
  | 'accountNumber'
  | 'debtor'
  | 'portfolio'
  | 'balance'
  | 'daysPastDue'
  | 'aging'
  | 'status'
  | 'agent';

@Component({
  selector: 'rc-account-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, ChipComponent],
  template: `
    <table mat-table [dataSource]="rows()" class="rc-table rc-table--clickable">
      <ng-container matColumnDef="accountNumber">
        <th mat-header-cell *matHeaderCellDef>{{ headers()['accountNumber'] }}</th>
        <td mat-cell *matCellDef="let row" class="rc-mono">{{ row.accountNumber }}</td>
      </ng-container>
      <ng-container matColumnDef="debtor">
        <th mat-header-cell *matHeaderCellDef>{{ headers()['debtor'] }}</th>
        <td mat-cell *matCellDef="let row">{{ row.debtor }}</td>
      </ng-container>
      <ng-container matColumnDef="portfolio">
        <th mat-header-cell *matHeaderCellDef>{{ headers()['portfolio'] }}</th>
        <td mat-cell *matCellDef="let row">{{ row.portfolio }}</td>
      </ng-container>
      <ng-container matColumnDef="balance">
        <th mat-header-cell *matHeaderCellDef class="rc-num">{{ headers()['balance'] }}</th>
        <td mat-cell *matCellDef="let row" class="rc-num">{{ row.balance }}</td>
      </ng-container>
      <ng-container matColumnDef="daysPastDue">
        <th mat-header-cell *matHeaderCellDef class="rc-num">{{ headers()['daysPastDue'] }}</th>
        <td mat-cell *matCellDef="let row" class="rc-num">{{ row.daysPastDue }}</td>
      </ng-container>
      <ng-container matColumnDef="aging">
        <th mat-header-cell *matHeaderCellDef>{{ headers()['aging'] }}</th>
        <td mat-cell *matCellDef="let row">
          <rc-chip [tone]="agingTone(row.agingBucket)">{{ row.agingLabel }}</rc-chip>
        </td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ headers()['status'] }}</th>
        <td mat-cell *matCellDef="let row">
          <rc-chip [tone]="statusTone(row.status)">{{ row.statusLabel }}</rc-chip>
        </td>
      </ng-container>
      <ng-container matColumnDef="agent">
        <th mat-header-cell *matHeaderCellDef>{{ headers()['agent'] }}</th>
        <td mat-cell *matCellDef="let row">{{ row.agent }}</td>
      </ng-container>

      <tr mat-header-row *matHeaderRowDef="columns(); sticky: true"></tr>
      <tr
        mat-row
        *matRowDef="let row; columns: columns()"
        tabindex="0"
        [attr.data-testid]="'account-row-' + row.accountNumber"
        (click)="open.emit(row.id)"
        (keydown.enter)="open.emit(row.id)"
      ></tr>
    </table>
  `,
})
export class AccountTableComponent {
  readonly rows = input.required<readonly AccountRow[]>();
  readonly columns = input.required<readonly AccountColumn[]>();
  readonly headers = input.required<Readonly<Record<AccountColumn, string>>>();
  readonly open = output<string>();

  protected readonly agingTone = agingTone;
  protected readonly statusTone = accountStatusTone;
}
