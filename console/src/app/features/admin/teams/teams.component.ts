import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { TeamResponse } from '@recupera/shared';
import { I18nService } from '../../../core/i18n/i18n.service';
import { IconComponent } from '../../../ui/icon.component';
import { PageStateComponent } from '../../../ui/page-state.component';
import { TeamDialogComponent, type TeamDialogData } from './team-dialog.component';
import { TeamsStore } from './teams.store';

@Component({
  selector: 'rc-teams',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [TeamsStore],
  imports: [MatButtonModule, MatTableModule, MatTooltipModule, IconComponent, PageStateComponent],
  template: `
    <section class="rc-page" data-testid="admin-teams">
      <header class="rc-page-header">
        <div>
          <h1>{{ t('teams.title') }}</h1>
          <p class="rc-muted">{{ t('teams.subtitle') }}</p>
        </div>
        <button mat-flat-button type="button" (click)="edit(null)" data-testid="team-new">
          <rc-icon name="add" />
          {{ t('teams.new') }}
        </button>
      </header>
      <div class="rc-card rc-card--flush">
        <rc-page-state
          [loading]="store.loading()"
          [ready]="store.ready()"
          [error]="store.error()"
          [errorTitle]="t('common.errorTitle')"
          [retryLabel]="t('common.retry')"
          [loadingLabel]="t('common.loading')"
          (retry)="store.load()"
        >
          @if (store.teams().length === 0) {
            <p class="rc-empty">{{ t('teams.empty') }}</p>
          } @else {
            <table mat-table [dataSource]="store.teams()" class="rc-table" data-testid="teams-table">
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef>{{ t('teams.name') }}</th>
                <td mat-cell *matCellDef="let team">{{ team.name }}</td>
              </ng-container>
              <ng-container matColumnDef="supervisor">
                <th mat-header-cell *matHeaderCellDef>{{ t('teams.supervisor') }}</th>
                <td mat-cell *matCellDef="let team">{{ team.supervisorName }}</td>
              </ng-container>
              <ng-container matColumnDef="agents">
                <th mat-header-cell *matHeaderCellDef class="rc-num">{{ t('teams.agents') }}</th>
                <td mat-cell *matCellDef="let team" class="rc-num">{{ number(team.agentCount) }}</td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef></th>
                <td mat-cell *matCellDef="let team" class="rc-actions">
                  <button
                    mat-icon-button
                    type="button"
                    (click)="edit(team)"
                    [attr.aria-label]="t('common.edit')"
                    [matTooltip]="t('common.edit')"
                  >
                    <rc-icon name="edit" />
                  </button>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          }
        </rc-page-state>
      </div>
    </section>
  `,
})
export class TeamsComponent {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(TeamsStore);
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly columns = ['name', 'supervisor', 'agents', 'actions'];

  constructor() {
    this.store.load();
  }

  protected edit(team: TeamResponse | null): void {
    const data: TeamDialogData = { team, supervisors: this.store.supervisors() };
    this.dialog
      .open<TeamDialogComponent, TeamDialogData, TeamResponse>(TeamDialogComponent, { data, width: '480px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.store.saved(saved);
        this.snackBar.open(this.t('teams.saved'), undefined, { duration: 3000 });
      });
  }
}
