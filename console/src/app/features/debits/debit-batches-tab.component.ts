import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  DEBIT_FILE_ADAPTERS,
  DEFAULT_DEBIT_RETRY_RULES,
  MAX_DEBIT_ATTEMPTS,
  toIsoDate,
  type DebitBatchResponse,
  type DebitBatchStatus,
  type DebitItemStatus,
  type DebitRejectAction,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { DebitBatchesStore } from './debit-batches.store';

const BATCH_KEYS: Readonly<Record<DebitBatchStatus, MessageKey>> = {
  pending: 'debits.batches.status.pending',
  answered: 'debits.batches.status.answered',
};
const ITEM_KEYS: Readonly<Record<DebitItemStatus, MessageKey>> = {
  pending: 'debits.item.status.pending',
  paid: 'debits.item.status.paid',
  rejected: 'debits.item.status.rejected',
  unanswered: 'debits.item.status.unanswered',
};
const ACTION_KEYS: Readonly<Record<DebitRejectAction, MessageKey>> = {
  retry: 'debits.item.action.retry',
  stop: 'debits.item.action.stop',
  revoke: 'debits.item.action.revoke',
};

@Component({
  selector: 'rc-debit-batches-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DebitBatchesStore],
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
  templateUrl: './debit-batches-tab.component.html',
  styleUrl: './debits.component.scss',
})
export class DebitBatchesTabComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(DebitBatchesStore);
  protected readonly t = this.i18n.t;
  protected readonly minor = this.i18n.minor;
  protected readonly number = this.i18n.number;
  protected readonly date = this.i18n.date;
  protected readonly adapters = DEBIT_FILE_ADAPTERS;
  protected readonly attempts = Array.from({ length: MAX_DEBIT_ATTEMPTS }, (_, i) => i + 1);
  protected readonly batchColumns = [
    'batch',
    'date',
    'status',
    'items',
    'total',
    'paid',
    'rejected',
    'actions',
  ];
  protected readonly itemColumns = ['reference', 'account', 'installment', 'amount', 'attempt', 'status'];

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    clientId: ['', Validators.required],
    collectionDate: [toIsoDate(new Date()), Validators.required],
    adapter: 'csv',
    maxAttempts: DEFAULT_DEBIT_RETRY_RULES.maxAttempts,
  });

  constructor() {
    void this.store.load();
  }

  protected batchStatus(status: DebitBatchStatus): string {
    return this.t(BATCH_KEYS[status]);
  }

  protected itemStatus(status: DebitItemStatus): string {
    return this.t(ITEM_KEYS[status]);
  }

  protected actionLabel(action: DebitRejectAction): string {
    return this.t(ACTION_KEYS[action]);
  }

  protected generate(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    void this.store.generate(this.form.getRawValue());
  }

  protected respond(batch: DebitBatchResponse, event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.store.uploadResponse(batch, file);
    input.value = '';
  }
}
