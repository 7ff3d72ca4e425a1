import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  CreateDebitMandateRequest,
  DebitMandateResponse,
  PaymentFileClientOption,
} from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { DebitsService } from './debits.service';

/** Debit mandates: the list (bank accounts masked by the server), new ones and revocations. */
@Injectable()
export class DebitMandatesStore {
  private readonly api = inject(DebitsService);
  private readonly i18n = inject(I18nService);

  private readonly clientsState = signal<PaymentFileClientOption[]>([]);
  private readonly mandatesState = signal<RequestState<DebitMandateResponse[]>>(idle());
  private readonly busyState = signal(false);
  private readonly errorState = signal<string | null>(null);

  readonly clients = this.clientsState.asReadonly();
  readonly mandates = computed(() => this.mandatesState().data ?? []);
  readonly loading = computed(() => this.mandatesState().loading);
  readonly ready = computed(() => this.mandatesState().data !== null);
  readonly loadError = computed(() => this.i18n.error(this.mandatesState().error));
  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();

  async load(): Promise<void> {
    this.mandatesState.update(loading);
    try {
      const [clients, mandates] = await Promise.all([
        firstValueFrom(this.api.clients()),
        firstValueFrom(this.api.mandates()),
      ]);
      this.clientsState.set(clients);
      this.mandatesState.set(loaded(mandates));
    } catch (error) {
      this.mandatesState.update((state) => failed(state, toApiError(error)));
    }
  }

  async create(request: CreateDebitMandateRequest): Promise<boolean> {
    return this.attempt(async () => {
      await firstValueFrom(this.api.createMandate(request));
      this.mandatesState.set(loaded(await firstValueFrom(this.api.mandates())));
    });
  }

  async revoke(mandateId: string, reason: string): Promise<boolean> {
    return this.attempt(async () => {
      const revoked = await firstValueFrom(this.api.revokeMandate(mandateId, reason));
      this.mandatesState.update((state) =>
        loaded((state.data ?? []).map((m) => (m.id === revoked.id ? revoked : m))),
      );
    });
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
