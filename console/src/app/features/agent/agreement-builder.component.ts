import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AGREEMENT_FREQUENCIES, type AgreementFrequency, type PlannedInstallment } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import {
  InstallmentScheduleComponent,
  type ScheduleHeaders,
  type ScheduleRow,
} from '../../ui/installment-schedule.component';
import { agreementTone } from '../../ui/tone.util';
import { AgreementBuilderStore } from './agreement-builder.store';
import type { AgreementDraft } from './agreement-draft.util';

/**
 * The softphone's agreement builder: the terms the agent agrees with the debtor, the schedule they
 * make (recomputed at every keystroke), and the agreement once it is created.
 */
@Component({
  selector: 'rc-agreement-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ChipComponent,
    IconComponent,
    InstallmentScheduleComponent,
  ],
  templateUrl: './agreement-builder.component.html',
  styleUrl: './agreement-builder.component.scss',
})
export class AgreementBuilderComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(AgreementBuilderStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly minor = this.i18n.minor;
  protected readonly frequencies = AGREEMENT_FREQUENCIES;
  protected readonly tone = agreementTone;

  protected readonly currency = computed(() => this.store.subject()?.currency ?? '');
  protected readonly headers = computed<ScheduleHeaders>(() => ({
    seq: this.t('agreementBuilder.seq'),
    date: this.t('agreementBuilder.dueDate'),
    amount: this.t('agreementBuilder.amount'),
    total: this.t('agreementBuilder.total'),
  }));
  protected readonly previewRows = computed(() => this.rows(this.store.preview().plan?.installments ?? []));
  protected readonly createdRows = computed(() => this.rows(this.store.created()?.installments ?? []));

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected edit(field: Exclude<keyof AgreementDraft, 'frequency'>, event: Event): void {
    this.store.patch({ [field]: this.text(event) });
  }

  protected chooseFrequency(frequency: AgreementFrequency): void {
    this.store.patch({ frequency });
  }

  protected create(): void {
    void this.store.create();
  }

  private rows(installments: readonly PlannedInstallment[]): ScheduleRow[] {
    const currency = this.currency();
    return installments.map((i) => ({
      seq: i.seq,
      label: i.seq === 0 ? this.t('agreementBuilder.downPaymentRow') : String(i.seq),
      date: this.i18n.date(i.dueDate),
      amount: this.minor(i.amountMinor, currency),
    }));
  }
}
