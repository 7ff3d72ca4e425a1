import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type {
  DebitBatchItemResponse,
  DebitBatchResponse,
  DebitResponseResult,
  GenerateDebitBatchRequest,
  PaymentFileClientOption,
} from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { saveBlob } from '../../core/http/download.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { DebitsService } from './debits.service';

/** Debit batches: generate one, download it for the bank, load the bank's response, see each debit. */
@Injectable()
export class DebitBatchesStore {
  private readonly api = inject(DebitsService);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  private readonly clientsState = signal<PaymentFileClientOption[]>([]);
  private readonly batchesState = signal<RequestState<DebitBatchResponse[]>>(idle());
  private readonly itemsState = signal<{ batch: DebitBatchResponse; items: DebitBatchItemResponse[] } | null>(
    null,
  );
  private readonly resultState = signal<DebitResponseResult | null>(null);
  private readonly busyState = signal(false);
  private readonly errorState = signal<string | null>(null);

  readonly clients = this.clientsState.asReadonly();
  readonly batches = computed(() => this.batchesState().data ?? []);
  readonly loading = computed(() => this.batchesState().loading);
  readonly ready = computed(() => this.batchesState().data !== null);
  readonly loadError = computed(() => this.i18n.error(this.batchesState().error));
  readonly detail = this.itemsState.asReadonly();
  readonly result = this.resultState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();

  async load(): Promise<void> {
    this.batchesState.update(loading);
    try {
      const [clients, batches] = await Promise.all([
        firstValueFrom(this.api.clients()),
        firstValueFrom(this.api.batches()),
      ]);
      this.clientsState.set(clients);
      this.batchesState.set(loaded(batches));
    } catch (error) {
      this.batchesState.update((state) => failed(state, toApiError(error)));
    }
  }

  async generate(request: GenerateDebitBatchRequest): Promise<void> {
    await this.attempt(async () => {
      const batch = await firstValueFrom(this.api.generateBatch(request));
      await this.refresh();
      await this.show(batch);
    });
  }

  async show(batch: DebitBatchResponse): Promise<void> {
    await this.attempt(async () =>
      this.itemsState.set({ batch, items: await firstValueFrom(this.api.batchItems(batch.id)) }),
    );
  }

  async download(batch: DebitBatchResponse): Promise<void> {
    await this.attempt(async () => {
      const extension = batch.adapter === 'csv' ? 'csv' : 'txt';
      const name = `debitos-${batch.clientCode}-${batch.collectionDate}-${batch.id}.${extension}`;
      saveBlob(this.document, await firstValueFrom(this.api.batchFile(batch.id)), name);
    });
  }

  async uploadResponse(batch: DebitBatchResponse, file: File): Promise<void> {
    await this.attempt(async () => {
      const result = await firstValueFrom(this.api.uploadResponse(batch.id, file));
      this.resultState.set(result);
      await this.refresh();
      await this.show(result.batch);
    });
  }

  private async refresh(): Promise<void> {
    this.batchesState.set(loaded(await firstValueFrom(this.api.batches())));
  }

  private async attempt(work: () => Promise<void>): Promise<void> {
    this.busyState.set(true);
    this.errorState.set(null);
    try {
      await work();
    } catch (error) {
      this.errorState.set(this.i18n.errorWithDetails(toApiError(error)));
    } finally {
      this.busyState.set(false);
    }
  }
}
