import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import {
  PAYMENT_CHANNELS,
  agencyDate,
  type AllocationTarget,
  type PaymentAccountLookup,
  type PaymentChannel,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { toPostPayment, type PaymentFormProblem } from './payment-form.util';
import { PaymentsDeskStore } from './payments-desk.store';

const PROBLEM_KEYS: Readonly<Record<PaymentFormProblem, MessageKey>> = {
  amount: 'payments.problem.amount',
  reference: 'payments.problem.reference',
  paidAt: 'payments.problem.paidAt',
};

const TARGET_KEYS: Readonly<Record<AllocationTarget, MessageKey>> = {
  interest: 'payments.target.interest',
  fees: 'payments.target.fees',
  principal: 'payments.target.principal',
  credit: 'payments.target.credit',
};

@Component({
  selector: 'rc-payments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PaymentsDeskStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTabsModule,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './payments.component.html',
  styleUrl: './payments.component.scss',
})
export class PaymentsComponent {
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(PaymentsDeskStore);
  protected readonly t = this.i18n.t;
  protected readonly minor = this.i18n.minor;
  protected readonly date = this.i18n.date;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly label = this.i18n.label;
  protected readonly channels = PAYMENT_CHANNELS;
  protected readonly canSignOff = computed(() => this.auth.hasRole(['supervisor', 'manager', 'admin']));
  protected readonly problem = signal<string | null>(null);
  protected readonly reversing = signal<string | null>(null);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly searchForm = this.fb.group({ accountNumber: '' });
  protected readonly paymentForm = this.fb.group({
    amount: '',
    channel: 'cashier' as PaymentChannel,
    reference: '',
    paidAt: '',
    note: '',
  });
  protected readonly reverseForm = this.fb.group({ reason: '' });
  protected readonly balanceForm = this.fb.group({
    date: agencyDate(Intl.DateTimeFormat().resolvedOptions().timeZone, new Date()),
  });

  protected targetLabel(target: AllocationTarget): string {
    return this.t(TARGET_KEYS[target]);
  }

  protected search(): void {
    void this.store.search(this.searchForm.getRawValue().accountNumber);
  }

  protected select(account: PaymentAccountLookup): void {
    void this.store.select(account);
  }

  protected async submit(account: PaymentAccountLookup): Promise<void> {
    const parsed = toPostPayment(account.accountId, account.currency, this.paymentForm.getRawValue());
    if ('problem' in parsed) {
      this.problem.set(this.t(PROBLEM_KEYS[parsed.problem]));
      return;
    }
    this.problem.set(null);
    if (await this.store.post(parsed.request))
      this.paymentForm.reset({ channel: this.paymentForm.getRawValue().channel });
  }

  protected async confirmReverse(paymentId: string): Promise<void> {
    const reason = this.reverseForm.getRawValue().reason.trim();
    if (reason.length < 3) return;
    await this.store.reverse(paymentId, reason);
    this.reversing.set(null);
    this.reverseForm.reset();
  }

  protected loadBalance(): void {
    void this.store.loadBalance(this.balanceForm.getRawValue().date);
  }

  protected signOff(): void {
    void this.store.signOff(this.balanceForm.getRawValue().date);
  }
}
