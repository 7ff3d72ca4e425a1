import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  LEGAL_ACTION_KINDS,
  type DebtBreakdown,
  type LegalActionKind,
  type LegalCaseDetail,
} from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { toLocalInput } from './legal-form.util';
import { LegalStore } from './legal.store';

type DebtPart = keyof Omit<DebtBreakdown, 'currency'>;

/** One case: its facts, its debt when handed over and now, the determination PDF and the firm's log. */
@Component({
  selector: 'rc-legal-case',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ChipComponent,
    IconComponent,
  ],
  templateUrl: './legal-case.component.html',
  styleUrl: './legal-case.component.scss',
})
export class LegalCaseComponent {
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(LegalStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly kinds = LEGAL_ACTION_KINDS;

  readonly legalCase = input.required<LegalCaseDetail>();
  readonly closed = output<void>();

  protected readonly debtRows = computed<{ label: string; part: DebtPart }[]>(() => [
    { label: this.t('legal.case.principal'), part: 'principalMinor' },
    { label: this.t('legal.case.interest'), part: 'interestMinor' },
    { label: this.t('legal.case.fees'), part: 'feesMinor' },
    { label: this.t('legal.case.balance'), part: 'balanceMinor' },
  ]);

  protected readonly saving = signal(false);
  private readonly errorState = signal<ApiError | null>(null);
  protected readonly error = computed(() => this.i18n.errorWithDetails(this.errorState()));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: ['filing' as LegalActionKind, Validators.required],
    at: [toLocalInput(new Date()), Validators.required],
    notes: ['', Validators.maxLength(1000)],
    court: ['', Validators.maxLength(160)],
    caseNumber: ['', Validators.maxLength(60)],
  });

  protected minor(debt: DebtBreakdown, part: DebtPart): string {
    return this.i18n.minor(debt[part], debt.currency);
  }

  protected record(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.errorState.set(null);
    this.store
      .recordAction({
        kind: value.kind,
        // The input shows the user's local clock; the API takes the instant.
        at: new Date(value.at).toISOString(),
        ...(value.notes.trim() ? { notes: value.notes.trim() } : {}),
        ...(value.court.trim() ? { court: value.court.trim() } : {}),
        ...(value.caseNumber.trim() ? { caseNumber: value.caseNumber.trim() } : {}),
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.form.reset({
            kind: value.kind,
            at: toLocalInput(new Date()),
            notes: '',
            court: '',
            caseNumber: '',
          });
          this.snackBar.open(this.t('legal.action.saved'), undefined, { duration: 3000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.errorState.set(toApiError(error));
        },
      });
  }
}
