import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  LEGAL_CASE_STATUSES,
  LEGAL_STAGES,
  TEAM_KINDS,
  type LegalCaseListItem,
  type LegalTeamResponse,
  type StageTransferResponse,
  type TeamKind,
} from '@recupera/shared';
import { toApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { LegalCaseComponent } from './legal-case.component';
import {
  LegalTransferDialogComponent,
  type LegalTransferDialogData,
} from './legal-transfer-dialog.component';
import { EMPTY_LEGAL_FILTERS, LEGAL_PAGE_SIZES, LegalStore } from './legal.store';

/**
 * The legal stage: supervisors, managers and admins hand accounts to firms and agencies and follow
 * the cases; a firm's own users (agents and supervisors of its team) see their cases and log actions.
 */
@Component({
  selector: 'rc-legal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LegalStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    ChipComponent,
    IconComponent,
    LegalCaseComponent,
    PageStateComponent,
  ],
  templateUrl: './legal.component.html',
  styleUrl: './legal.component.scss',
})
export class LegalComponent {
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(LegalStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly money = this.i18n.money;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;
  protected readonly statuses = LEGAL_CASE_STATUSES;
  protected readonly stages = LEGAL_STAGES;
  protected readonly teamKinds = TEAM_KINDS;
  protected readonly pageSizes = LEGAL_PAGE_SIZES;
  protected readonly columns = [
    'account',
    'debtor',
    'client',
    'stage',
    'firm',
    'openedAt',
    'served',
    'balance',
    'status',
  ];
  protected readonly teamColumns = ['name', 'supervisor', 'kind', 'openCases'];

  protected readonly filters = inject(FormBuilder).nonNullable.group({ ...EMPTY_LEGAL_FILTERS });
  protected readonly subtitle = computed(() =>
    this.store.canTransfer() ? this.t('legal.subtitle.all') : this.t('legal.subtitle.firm'),
  );

  constructor() {
    this.store.init();
  }

  protected apply(): void {
    this.store.applyFilters(this.filters.getRawValue());
  }

  protected clear(): void {
    this.filters.reset();
    this.store.applyFilters(this.filters.getRawValue());
  }

  protected pageChanged(event: PageEvent): void {
    this.store.changePage(event.pageIndex, event.pageSize);
  }

  protected open(row: LegalCaseListItem): void {
    this.store.select(row.id);
  }

  protected readonly isSelected = (row: LegalCaseListItem): boolean => this.store.selected()?.id === row.id;

  protected startTransfer(mode: LegalTransferDialogData['mode']): void {
    const data: LegalTransferDialogData = {
      mode,
      teams: this.store.teams(),
      portfolios: this.store.portfolios(),
    };
    this.dialog
      .open<LegalTransferDialogComponent, LegalTransferDialogData, StageTransferResponse>(
        LegalTransferDialogComponent,
        { data, width: '640px' },
      )
      .afterClosed()
      .subscribe((done) => {
        if (!done) return;
        this.store.transferred();
        this.snackBar.open(
          this.t('legal.transfer.done', {
            count: this.number(done.transferred),
            opened: this.number(done.casesOpened),
            closed: this.number(done.casesClosed),
          }),
          undefined,
          { duration: 5000 },
        );
      });
  }

  protected setKind(team: LegalTeamResponse, kind: TeamKind): void {
    this.store.setTeamKind(team.id, kind).subscribe({
      next: () => this.snackBar.open(this.t('legal.teams.saved'), undefined, { duration: 3000 }),
      error: (error: unknown) => {
        this.snackBar.open(this.i18n.error(toApiError(error)) ?? '', undefined, { duration: 5000 });
        this.store.loadTeams();
      },
    });
  }
}
