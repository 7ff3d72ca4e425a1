import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  JURISDICTION_DEFAULTS,
  toIsoDate,
  type DeductionFileResponse,
  type DeductionFileStatus,
  type ReconciliationKind,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { PayrollStore } from './payroll.store';

const CURRENCIES = [...new Set(Object.values(JURISDICTION_DEFAULTS).map((defaults) => defaults.currency))];
const FILE_KEYS: Readonly<Record<DeductionFileStatus, MessageKey>> = {
  requested: 'debits.payroll.status.requested',
  withheld: 'debits.payroll.status.withheld',
};
const KIND_KEYS: Readonly<Record<ReconciliationKind, MessageKey>> = {
  matched: 'debits.payroll.kind.matched',
  withheld_less: 'debits.payroll.kind.withheld_less',
  withheld_more: 'debits.payroll.kind.withheld_more',
  missing: 'debits.payroll.kind.missing',
  unknown_employee: 'debits.payroll.kind.unknown_employee',
};

@Component({
  selector: 'rc-payroll-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PayrollStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './payroll-tab.component.html',
  styleUrl: './debits.component.scss',
})
export class PayrollTabComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(PayrollStore);
  protected readonly t = this.i18n.t;
  protected readonly minor = this.i18n.minor;
  protected readonly number = this.i18n.number;
  protected readonly month = this.i18n.month;
  protected readonly currencies = CURRENCIES;
  protected readonly employerColumns = ['name', 'taxId', 'employees'];
  protected readonly employeeColumns = ['account', 'debtor', 'employeeNumber', 'actions'];
  protected readonly fileColumns = ['period', 'status', 'lines', 'requested', 'withheld', 'actions'];
  protected readonly reconciliationColumns = [
    'kind',
    'account',
    'debtor',
    'requested',
    'withheld',
    'difference',
  ];

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly employerForm = this.fb.group({
    name: ['', Validators.required],
    taxId: ['', Validators.required],
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    currency: ['COP', Validators.required],
  });
  protected readonly linkForm = this.fb.group({
    clientId: ['', Validators.required],
    accountNumber: ['', Validators.required],
    employeeNumber: '',
  });
  protected readonly periodForm = this.fb.group({ period: toIsoDate(new Date()).slice(0, 7) });

  constructor() {
    void this.store.load();
  }

  protected fileStatus(status: DeductionFileStatus): string {
    return this.t(FILE_KEYS[status]);
  }

  protected kindLabel(kind: ReconciliationKind): string {
    return this.t(KIND_KEYS[kind]);
  }

  protected async createEmployer(): Promise<void> {
    if (this.employerForm.invalid) {
      this.employerForm.markAllAsTouched();
      return;
    }
    const v = this.employerForm.getRawValue();
    const created = await this.store.createEmployer({
      name: v.name.trim(),
      taxId: v.taxId.trim(),
      currency: v.currency,
      ...(v.contactName.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactEmail.trim() ? { contactEmail: v.contactEmail.trim() } : {}),
      ...(v.contactPhone.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
    });
    if (created) this.employerForm.reset({ currency: v.currency });
  }

  protected async link(): Promise<void> {
    if (this.linkForm.invalid) {
      this.linkForm.markAllAsTouched();
      return;
    }
    const v = this.linkForm.getRawValue();
    const linked = await this.store.link({
      clientId: v.clientId,
      accountNumber: v.accountNumber.trim(),
      ...(v.employeeNumber.trim() ? { employeeNumber: v.employeeNumber.trim() } : {}),
    });
    if (linked) this.linkForm.reset({ clientId: v.clientId });
  }

  protected generate(): void {
    const period = this.periodForm.getRawValue().period;
    if (/^\d{4}-\d{2}$/.test(period)) void this.store.generate(period);
  }

  protected withheld(file: DeductionFileResponse, event: Event): void {
    const input = event.target as HTMLInputElement;
    const upload = input.files?.[0];
    if (upload) void this.store.uploadWithheld(file, upload);
    input.value = '';
  }
}
