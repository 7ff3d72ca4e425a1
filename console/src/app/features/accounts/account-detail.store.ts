import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ErrorCode, type AccountDetail } from '@recupera/shared';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { AccountsService } from './accounts.service';

@Injectable()
export class AccountDetailStore {
  private readonly api = inject(AccountsService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<AccountDetail>>(idle());
  private readonly requests = new Subject<string>();
  private lastId: string | null = null;

  readonly account = computed(() => this.state().data);
  readonly loading = computed(() => this.state().loading);
  /**
   * Out of scope and missing look the same on purpose: the server answers 404 for both. A malformed
   * id in the address (400) is just as much "no such account" for the person reading the page.
   */
  readonly notFound = computed(() => {
    const code = this.state().error?.code;
    return code === ErrorCode.NotFound || code === ErrorCode.ValidationFailed;
  });
  readonly error = computed(() => (this.notFound() ? null : this.i18n.error(this.state().error)));
  readonly interactions = computed(() =>
    [...(this.state().data?.interactions ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
  );
  readonly payments = computed(() =>
    [...(this.state().data?.payments ?? [])].sort((a, b) => b.paidAt.localeCompare(a.paidAt)),
  );

  constructor() {
    this.requests
      .pipe(
        switchMap((id) =>
          this.api.get(id).pipe(
            map((account) => loaded(account)),
            catchError((error: unknown) => of(failed<AccountDetail>(idle(), toApiError(error)))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.state.set(next));
  }

  load(id: string): void {
    this.lastId = id;
    this.state.update((state) => loading(state.data?.id === id ? state : idle<AccountDetail>()));
    this.requests.next(id);
  }

  retry(): void {
    if (this.lastId) this.load(this.lastId);
  }
}
