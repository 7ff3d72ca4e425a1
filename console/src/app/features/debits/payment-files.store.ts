import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type {
  FilePaymentChannel,
  PaymentFileClientOption,
  PaymentFileLayout,
  PaymentFileLayoutResponse,
  PaymentFilePreviewResponse,
  PaymentFileRejectView,
  PaymentFileResponse,
} from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { saveBlob } from '../../core/http/download.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { DebitsService } from './debits.service';

const POLL_MS = 1000;

/** Loading bank and cashier payment files: layouts per client, the upload, its progress and rejects. */
@Injectable()
export class PaymentFilesStore {
  private readonly api = inject(DebitsService);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  private readonly clientsState = signal<PaymentFileClientOption[]>([]);
  private readonly clientIdState = signal('');
  private readonly layoutsState = signal<PaymentFileLayoutResponse[]>([]);
  private readonly filesState = signal<RequestState<PaymentFileResponse[]>>(idle());
  private readonly currentState = signal<PaymentFileResponse | null>(null);
  private readonly rejectsState = signal<{
    file: PaymentFileResponse;
    rejects: PaymentFileRejectView[];
  } | null>(null);
  private readonly previewState = signal<PaymentFilePreviewResponse | null>(null);
  private readonly busyState = signal(false);
  private readonly errorState = signal<string | null>(null);
  private poll: ReturnType<typeof setTimeout> | null = null;

  readonly clients = this.clientsState.asReadonly();
  readonly clientId = this.clientIdState.asReadonly();
  readonly layouts = this.layoutsState.asReadonly();
  readonly files = computed(() => this.filesState().data ?? []);
  readonly filesLoading = computed(() => this.filesState().loading);
  readonly filesReady = computed(() => this.filesState().data !== null);
  readonly filesError = computed(() => this.i18n.error(this.filesState().error));
  readonly current = this.currentState.asReadonly();
  readonly rejects = this.rejectsState.asReadonly();
  readonly preview = this.previewState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  async load(): Promise<void> {
    await this.attempt(async () => {
      const clients = await firstValueFrom(this.api.clients());
      this.clientsState.set(clients);
      if (!this.clientIdState() && clients[0]) await this.selectClient(clients[0].id);
    });
    await this.refreshFiles();
  }

  async selectClient(clientId: string): Promise<void> {
    this.clientIdState.set(clientId);
    this.layoutsState.set([]);
    await this.attempt(async () => this.layoutsState.set(await firstValueFrom(this.api.layouts(clientId))));
  }

  async refreshFiles(): Promise<void> {
    this.filesState.update(loading);
    try {
      this.filesState.set(loaded(await firstValueFrom(this.api.files())));
    } catch (error) {
      this.filesState.update((state) => failed(state, toApiError(error)));
    }
  }

  async upload(file: File, layoutId: string, channel: FilePaymentChannel): Promise<void> {
    await this.attempt(async () => {
      const started = await firstValueFrom(
        this.api.startFile(file, { clientId: this.clientIdState(), layoutId, channel }),
      );
      this.currentState.set(started);
      this.schedulePoll(started.id);
    });
  }

  async showRejects(file: PaymentFileResponse): Promise<void> {
    await this.attempt(async () =>
      this.rejectsState.set({ file, rejects: await firstValueFrom(this.api.fileRejects(file.id)) }),
    );
  }

  async downloadRejects(file: PaymentFileResponse): Promise<void> {
    await this.attempt(async () =>
      saveBlob(
        this.document,
        await firstValueFrom(this.api.fileRejectReport(file.id)),
        `rechazos-${file.id}.csv`,
      ),
    );
  }

  async previewFile(file: File): Promise<void> {
    await this.attempt(async () => this.previewState.set(await firstValueFrom(this.api.preview(file))));
  }

  async saveLayout(name: string, layout: PaymentFileLayout): Promise<boolean> {
    return this.attempt(async () => {
      await firstValueFrom(this.api.saveLayout({ clientId: this.clientIdState(), name, layout }));
      this.layoutsState.set(await firstValueFrom(this.api.layouts(this.clientIdState())));
    });
  }

  setError(message: string | null): void {
    this.errorState.set(message);
  }

  private schedulePoll(fileId: string): void {
    this.stopPolling();
    this.poll = setTimeout(() => void this.pollOnce(fileId), POLL_MS);
  }

  private async pollOnce(fileId: string): Promise<void> {
    try {
      const file = await firstValueFrom(this.api.file(fileId));
      this.currentState.set(file);
      if (file.status === 'queued' || file.status === 'running') {
        this.schedulePoll(fileId);
        return;
      }
      await this.refreshFiles();
      if (file.rejected > 0) await this.showRejects(file);
    } catch (error) {
      this.errorState.set(this.i18n.errorWithDetails(toApiError(error)));
    }
  }

  private stopPolling(): void {
    if (this.poll) clearTimeout(this.poll);
    this.poll = null;
  }

  private async attempt(work: () => Promise<void>): Promise<boolean> {
    this.busyState.set(true);
    this.errorState.set(null);
    try {
      await work();
      return true;
    } catch (error) {
      this.errorState.set(this.i18n.errorWithDetails(toApiError(error)));
      return false;
    } finally {
      this.busyState.set(false);
    }
  }
}
