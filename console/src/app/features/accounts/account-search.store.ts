import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AccountListItem, AccountSearchQuery, Page, PortfolioResponse } from '@recupera/shared';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { AccountsService } from './accounts.service';
import { accountHeaders, toAccountRow } from './account-row.util';

/** A page of accounts for the current filters; the latest query wins over slower earlier ones. */
@Injectable()
export class AccountSearchStore {
  private readonly api = inject(AccountsService);
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);

  private readonly state = signal<RequestState<Page<AccountListItem>>>(idle());
  private readonly portfoliosState = signal<PortfolioResponse[]>([]);
  private readonly queryState = signal<AccountSearchQuery | null>(null);
  private readonly queries = new Subject<AccountSearchQuery>();

  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly total = computed(() => this.state().data?.total ?? 0);
  readonly pageIndex = computed(() => (this.state().data?.page ?? this.queryState()?.page ?? 1) - 1);
  readonly rows = computed(() =>
    (this.state().data?.items ?? []).map((item) => toAccountRow(item, this.i18n)),
  );
  readonly headers = computed(() => accountHeaders(this.i18n));
  readonly portfolios = this.portfoliosState.asReadonly();

  constructor() {
    this.queries
      .pipe(
        switchMap((query) =>
          this.api.search(query).pipe(
            map((page) => loaded(page)),
            catchError((error: unknown) => of(failed(this.state(), toApiError(error)))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.state.set(next));
  }

  search(query: AccountSearchQuery): void {
    this.queryState.set(query);
    this.state.update(loading);
    this.queries.next(query);
  }

  retry(): void {
    const query = this.queryState();
    if (query) this.search(query);
  }

  /** For the portfolio filter; a role that may not list portfolios simply gets no such filter. */
  loadPortfolios(): void {
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(portfolios),
      error: () => this.portfoliosState.set([]),
    });
  }
}
