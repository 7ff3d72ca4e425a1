import { Injectable, computed, inject, signal } from '@angular/core';
import type { FieldOrderOutcome, FieldOrderResponse } from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldOrdersService } from './field-orders.service';
import { startOfLocalDay } from './field-order-view.util';

/** The report a crew is filling in on one order's card. */
export interface ReportDraft {
  orderId: string;
  outcome: FieldOrderOutcome;
}

/** A crew's day: its open orders (overdue first, as the server sends them) and those it closed today. */
@Injectable()
export class CrewOrdersStore {
  private readonly api = inject(FieldOrdersService);
  private readonly i18n = inject(I18nService);

  private readonly state = signal<RequestState<FieldOrderResponse[]>>(idle());
  private readonly draftState = signal<ReportDraft | null>(null);
  private readonly savingState = signal(false);
  private readonly saveErrorState = signal<ApiError | null>(null);

  readonly toDo = computed(() => (this.state().data ?? []).filter((o) => o.state === 'assigned'));
  readonly done = computed(() =>
    (this.state().data ?? [])
      .filter((o) => o.state === 'executed' || o.state === 'failed')
      .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '')),
  );
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly draft = this.draftState.asReadonly();
  readonly saving = this.savingState.asReadonly();
  readonly saveError = computed(() => this.i18n.errorWithDetails(this.saveErrorState()));

  load(): void {
    this.state.update(loading);
    this.api.mine(startOfLocalDay(new Date())).subscribe({
      next: (orders) => this.state.set(loaded(orders)),
      error: (error: unknown) => this.state.update((s) => failed(s, toApiError(error))),
    });
  }

  startReport(orderId: string, outcome: FieldOrderOutcome): void {
    this.saveErrorState.set(null);
    this.draftState.set({ orderId, outcome });
  }

  cancelReport(): void {
    this.draftState.set(null);
    this.saveErrorState.set(null);
  }

  /** Sends the open draft; the card moves to "done today" once the server has it. */
  submit(occurredAt: Date, notes: string, done: () => void): void {
    const draft = this.draftState();
    if (!draft || this.savingState()) return;
    this.savingState.set(true);
    this.saveErrorState.set(null);
    const trimmed = notes.trim();
    this.api
      .report(draft.orderId, {
        outcome: draft.outcome,
        occurredAt: occurredAt.toISOString(),
        ...(trimmed ? { notes: trimmed } : {}),
      })
      .subscribe({
        next: (saved) => {
          this.state.update((s) => ({
            ...s,
            data: (s.data ?? []).map((o) => (o.id === saved.id ? saved : o)),
          }));
          this.savingState.set(false);
          this.draftState.set(null);
          done();
        },
        error: (error: unknown) => {
          this.savingState.set(false);
          this.saveErrorState.set(toApiError(error));
        },
      });
  }
}
