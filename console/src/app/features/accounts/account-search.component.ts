import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, type Params } from '@angular/router';
import { ACCOUNT_STATUSES, AGING_BUCKETS, type PortfolioResponse } from '@recupera/shared';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { AccountTableComponent, type AccountColumn } from '../../ui/account-table.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { PAGE_SIZES, toAccountQuery } from './account-row.util';
import { AccountSearchStore } from './account-search.store';
import { mergeQueryParams } from '../../core/query-params.util';

interface PortfolioGroup {
  clientCode: string;
  portfolios: PortfolioResponse[];
}

@Component({
  selector: 'rc-account-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AccountSearchStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    AccountTableComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './account-search.component.html',
})
export class AccountSearchComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(AccountSearchStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly statuses = ACCOUNT_STATUSES;
  protected readonly buckets = AGING_BUCKETS;
  protected readonly pageSizes = [...PAGE_SIZES];

  // Filters live in the query string, so the back button and shared links keep them.
  readonly q = input<string>();
  readonly portfolioId = input<string>();
  readonly status = input<string>();
  readonly agingBucket = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly query = computed(() =>
    toAccountQuery({
      q: this.q(),
      portfolioId: this.portfolioId(),
      status: this.status(),
      agingBucket: this.agingBucket(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
  );

  protected readonly filters = inject(FormBuilder).nonNullable.group({
    q: '',
    portfolioId: '',
    status: '',
    agingBucket: '',
  });

  protected readonly subtitle = computed(() => {
    const role = this.auth.role();
    if (role === 'agent') return this.t('accounts.subtitle.agent');
    if (role === 'supervisor') return this.t('accounts.subtitle.supervisor');
    return this.t('accounts.subtitle.all');
  });

  protected readonly columns = computed<AccountColumn[]>(() =>
    this.auth.role() === 'agent'
      ? ['accountNumber', 'debtor', 'portfolio', 'balance', 'daysPastDue', 'aging', 'status']
      : ['accountNumber', 'debtor', 'portfolio', 'balance', 'daysPastDue', 'aging', 'status', 'agent'],
  );

  protected readonly portfolioGroups = computed<PortfolioGroup[]>(() => {
    const groups = new Map<string, PortfolioResponse[]>();
    for (const portfolio of this.store.portfolios()) {
      groups.set(portfolio.clientCode, [...(groups.get(portfolio.clientCode) ?? []), portfolio]);
    }
    return [...groups.entries()].map(([clientCode, portfolios]) => ({ clientCode, portfolios }));
  });

  protected readonly hasFilters = computed(() => {
    const query = this.query();
    return Boolean(query.q || query.portfolioId || query.status || query.agingBucket);
  });

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.filters.setValue(
          {
            q: query.q ?? '',
            portfolioId: query.portfolioId ?? '',
            status: query.status ?? '',
            agingBucket: query.agingBucket ?? '',
          },
          { emitEvent: false },
        );
        this.store.search(query);
      });
    });
    this.filters.controls.q.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.navigate({ q: q.trim() || null, page: null }));
    // Agents may not list portfolios (403); their list is already scoped to their assignments.
    if (!this.auth.hasRole(['agent'])) this.store.loadPortfolios();
  }

  protected filterChanged(key: 'portfolioId' | 'status' | 'agingBucket', value: string): void {
    this.navigate({ [key]: value || null, page: null });
  }

  protected clearFilters(): void {
    this.navigate({ q: null, portfolioId: null, status: null, agingBucket: null, page: null });
  }

  protected pageChanged(event: PageEvent): void {
    this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected open(id: string): void {
    void this.router.navigate(['/accounts', id]);
  }

  private navigate(queryParams: Params): void {
    mergeQueryParams(this.router, this.route, queryParams);
  }
}
