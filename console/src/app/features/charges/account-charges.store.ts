import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AccountChargesResponse } from '@recupera/shared';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChargesService } from './charges.service';

/** One account's charges; a newer account's request replaces an older one still on its way. */
@Injectable()
export class AccountChargesStore {
  private readonly api = inject(ChargesService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<AccountChargesResponse>>(idle());
  private readonly requests = new Subject<string>();
  private lastId: string | null = null;

  readonly charges = computed(() => this.state().data);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  /** Newest first, as the server sends it. */
  readonly history = computed(() => this.state().data?.history ?? []);

  constructor() {
    this.requests
      .pipe(
        switchMap((id) =>
          this.api.accountCharges(id).pipe(
            map((charges) => loaded(charges)),
            catchError((error: unknown) => of(failed<AccountChargesResponse>(idle(), toApiError(error)))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.state.set(next));
  }

  load(accountId: string): void {
    this.lastId = accountId;
    this.state.update((state) =>
      loading(state.data?.accountId === accountId ? state : idle<AccountChargesResponse>()),
    );
    this.requests.next(accountId);
  }

  retry(): void {
    if (this.lastId) this.load(this.lastId);
  }
}
