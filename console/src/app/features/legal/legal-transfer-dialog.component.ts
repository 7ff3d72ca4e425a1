import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  AGING_BUCKETS,
  LEGAL_STAGES,
  MAX_TRANSFER_ACCOUNTS,
  type LegalTeamResponse,
  type PortfolioResponse,
  type StageTransferResponse,
} from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { toTransferRequest, type TransferFormProblem, type TransferFormValue } from './legal-form.util';
import { LegalService } from './legal.service';

export interface LegalTransferDialogData {
  /** 'legal' hands accounts to a firm in a legal stage; 'transfer' moves them out of it or between teams. */
  mode: 'legal' | 'transfer';
  teams: LegalTeamResponse[];
  portfolios: PortfolioResponse[];
}

@Component({
  selector: 'rc-legal-transfer-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    IconComponent,
  ],
  templateUrl: './legal-transfer-dialog.component.html',
})
export class LegalTransferDialogComponent {
  private readonly api = inject(LegalService);
  private readonly dialog =
    inject<MatDialogRef<LegalTransferDialogComponent, StageTransferResponse>>(MatDialogRef);
  private readonly i18n = inject(I18nService);
  protected readonly data = inject<LegalTransferDialogData>(MAT_DIALOG_DATA);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly stages = LEGAL_STAGES;
  protected readonly buckets = AGING_BUCKETS;

  protected readonly saving = signal(false);
  private readonly problemState = signal<TransferFormProblem | null>(null);
  private readonly errorState = signal<ApiError | null>(null);
  protected readonly error = computed(() => this.i18n.errorWithDetails(this.errorState()));

  /** Into the legal stage only external teams qualify; a plain transfer may go to any team offered. */
  protected readonly targets = computed(() =>
    this.data.mode === 'legal' ? this.data.teams.filter((team) => team.kind !== 'internal') : this.data.teams,
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    by: ['ids' as TransferFormValue['by']],
    accountIds: [''],
    portfolioId: [''],
    fromTeamId: [''],
    agingBucket: ['' as TransferFormValue['agingBucket']],
    minDaysPastDue: [''],
    toTeamId: ['', Validators.required],
    legalStage: [(this.data.mode === 'legal' ? 'judicial' : '') as TransferFormValue['legalStage']],
    note: ['', Validators.maxLength(500)],
  });

  protected readonly by = toSignal(this.form.controls.by.valueChanges, {
    initialValue: this.form.controls.by.value,
  });

  protected readonly problem = computed(() => {
    const problem = this.problemState();
    if (!problem) return null;
    switch (problem.kind) {
      case 'invalidIds':
        return this.t('legal.transfer.invalidIds', { ids: problem.ids.slice(0, 5).join(', ') });
      case 'noIds':
        return this.t('common.required');
      case 'tooManyIds':
        return this.t('legal.transfer.tooMany', { max: this.i18n.number(problem.max) });
      case 'needsFilter':
        return this.t('legal.transfer.needsFilter');
    }
  });

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const built = toTransferRequest(this.form.getRawValue(), MAX_TRANSFER_ACCOUNTS);
    if ('problem' in built) {
      this.problemState.set(built.problem);
      return;
    }
    this.problemState.set(null);
    this.errorState.set(null);
    this.saving.set(true);
    this.api.transfer(built.request).subscribe({
      next: (response) => this.dialog.close(response),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorState.set(toApiError(error));
      },
    });
  }
}
