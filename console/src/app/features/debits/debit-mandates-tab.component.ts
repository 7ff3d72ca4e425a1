import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { parseMajorToMinor, type DebitMandateStatus } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { DebitMandatesStore } from './debit-mandates.store';

const STATUS_KEYS: Readonly<Record<DebitMandateStatus, MessageKey>> = {
  active: 'debits.mandates.status.active',
  revoked: 'debits.mandates.status.revoked',
};

@Component({
  selector: 'rc-debit-mandates-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DebitMandatesStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './debit-mandates-tab.component.html',
  styleUrl: './debits.component.scss',
})
export class DebitMandatesTabComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(DebitMandatesStore);
  protected readonly t = this.i18n.t;
  protected readonly minor = this.i18n.minor;
  protected readonly date = this.i18n.date;
  protected readonly columns = ['account', 'debtor', 'bank', 'limit', 'status', 'actions'];
  protected readonly revoking = signal<string | null>(null);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    clientId: ['', Validators.required],
    accountNumber: ['', Validators.required],
    bankCode: ['', Validators.required],
    bankAccount: ['', Validators.required],
    limit: ['', Validators.required],
  });
  protected readonly revokeForm = this.fb.group({ reason: '' });

  constructor() {
    void this.store.load();
  }

  protected statusLabel(status: DebitMandateStatus): string {
    return this.t(STATUS_KEYS[status]);
  }

  protected async create(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const currency = this.store.clients().find((c) => c.id === value.clientId)?.currency ?? 'COP';
    const limitMinor = parseMajorToMinor(value.limit.replace(/,/g, ''), currency);
    if (limitMinor === null || limitMinor <= 0) {
      this.form.controls.limit.setErrors({ amount: true });
      return;
    }
    const created = await this.store.create({
      clientId: value.clientId,
      accountNumber: value.accountNumber.trim(),
      bankCode: value.bankCode.trim(),
      bankAccount: value.bankAccount.trim(),
      limitMinor,
    });
    if (created) this.form.reset({ clientId: value.clientId });
  }

  protected async revoke(mandateId: string): Promise<void> {
    const reason = this.revokeForm.getRawValue().reason.trim();
    if (reason.length < 3) return;
    if (await this.store.revoke(mandateId, reason)) {
      this.revoking.set(null);
      this.revokeForm.reset();
    }
  }
}
