import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  FILE_PAYMENT_CHANNELS,
  PAYMENT_DATE_FORMATS,
  PAYMENT_FILE_FIELDS,
  type FilePaymentChannel,
  type PaymentFileField,
  type PaymentFileStatus,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { PaymentFilesStore } from './payment-files.store';
import { emptyLayoutForm, toPaymentLayout, type LayoutFormModel } from './payment-layout-form.util';

const FIELD_KEYS: Readonly<Record<PaymentFileField, MessageKey>> = {
  clientCode: 'debits.field.clientCode',
  accountNumber: 'debits.field.accountNumber',
  amount: 'debits.field.amount',
  paidDate: 'debits.field.paidDate',
  reference: 'debits.field.reference',
  channel: 'debits.field.channel',
};

const STATUS_KEYS: Readonly<Record<PaymentFileStatus, MessageKey>> = {
  queued: 'debits.files.status.queued',
  running: 'debits.files.status.running',
  completed: 'debits.files.status.completed',
  failed: 'debits.files.status.failed',
};

const CHANNEL_KEYS: Readonly<Record<FilePaymentChannel, MessageKey>> = {
  bank: 'debits.files.channel.bank',
  cashier: 'debits.files.channel.cashier',
};

@Component({
  selector: 'rc-payment-files-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PaymentFilesStore],
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
  templateUrl: './payment-files-tab.component.html',
  styleUrl: './debits.component.scss',
})
export class PaymentFilesTabComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(PaymentFilesStore);
  /** Managers and admins also keep the client's layouts. */
  readonly canEditLayouts = input.required<boolean>();

  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly minor = this.i18n.minor;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly fields = PAYMENT_FILE_FIELDS;
  protected readonly channels = FILE_PAYMENT_CHANNELS;
  protected readonly dateFormats = PAYMENT_DATE_FORMATS;
  protected readonly fileColumns = [
    'file',
    'client',
    'status',
    'lines',
    'applied',
    'duplicates',
    'rejected',
    'total',
    'actions',
  ];
  protected readonly rejectColumns = ['line', 'column', 'reason'];
  protected chosen: File | null = null;

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly uploadForm = this.fb.group({ layoutId: '', channel: 'bank' as FilePaymentChannel });
  protected readonly layoutForm = this.fb.group({
    name: '',
    format: 'csv' as LayoutFormModel['format'],
    columns: this.fb.group(Object.fromEntries(PAYMENT_FILE_FIELDS.map((f) => [f, '']))),
    starts: this.fb.group(Object.fromEntries(PAYMENT_FILE_FIELDS.map((f) => [f, null as number | null]))),
    lengths: this.fb.group(Object.fromEntries(PAYMENT_FILE_FIELDS.map((f) => [f, null as number | null]))),
    decimalSeparator: '.' as '.' | ',',
    impliedDecimals: false,
    dateFormat: 'auto' as LayoutFormModel['dateFormat'],
    skipLines: 0,
    detailStart: null as number | null,
    detailValue: '',
  });
  private readonly layoutFormat = toSignal(this.layoutForm.controls.format.valueChanges, {
    initialValue: 'csv',
  });
  protected readonly isFixed = computed(() => this.layoutFormat() === 'fixed');

  constructor() {
    void this.store.load();
  }

  protected fieldLabel(field: PaymentFileField): string {
    return this.t(FIELD_KEYS[field]);
  }

  protected statusLabel(status: PaymentFileStatus): string {
    return this.t(STATUS_KEYS[status]);
  }

  protected channelLabel(channel: FilePaymentChannel): string {
    return this.t(CHANNEL_KEYS[channel]);
  }

  protected pick(event: Event): File | null {
    const input = event.target as HTMLInputElement;
    return input.files?.[0] ?? null;
  }

  protected choose(event: Event): void {
    this.chosen = this.pick(event);
  }

  protected upload(): void {
    const { layoutId, channel } = this.uploadForm.getRawValue();
    if (!this.chosen || !layoutId) return;
    void this.store.upload(this.chosen, layoutId, channel);
  }

  protected previewFile(event: Event): void {
    const file = this.pick(event);
    if (file) void this.store.previewFile(file);
  }

  protected async saveLayout(): Promise<void> {
    const value = this.layoutForm.getRawValue();
    const model: LayoutFormModel = {
      ...emptyLayoutForm(),
      ...value,
      columns: value.columns as LayoutFormModel['columns'],
      starts: value.starts as LayoutFormModel['starts'],
      lengths: value.lengths as LayoutFormModel['lengths'],
    };
    const built = toPaymentLayout(model);
    if (!built.ok) {
      this.store.setError(this.t('debits.layout.invalid', { problems: built.problems.join('; ') }));
      return;
    }
    if (value.name.trim().length < 2) return;
    if (await this.store.saveLayout(value.name.trim(), built.layout)) this.layoutForm.controls.name.reset('');
  }
}
