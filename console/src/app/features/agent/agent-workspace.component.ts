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
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { ActivatedRoute, Router, type Params } from '@angular/router';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { AccountTableComponent, type AccountColumn } from '../../ui/account-table.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { PAGE_SIZES, toAccountQuery } from '../accounts/account-row.util';
import { AccountSearchStore } from '../accounts/account-search.store';
import { mergeQueryParams } from '../../core/query-params.util';
import { ChatWorkspaceComponent } from '../chat/chat-workspace.component';
import { SoftphoneComponent } from './softphone.component';

/**
 * The agent's home: the softphone on top (state, screen pop, wrap-up), their chats under it, and
 * their work list below (the API scopes /api/accounts to their assignments).
 */
@Component({
  selector: 'rc-agent-workspace',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AccountSearchStore],
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    AccountTableComponent,
    IconComponent,
    PageStateComponent,
    SoftphoneComponent,
    ChatWorkspaceComponent,
  ],
  templateUrl: './agent-workspace.component.html',
})
export class AgentWorkspaceComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(AccountSearchStore);
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns: AccountColumn[] = [
    'accountNumber',
    'debtor',
    'balance',
    'daysPastDue',
    'aging',
    'status',
  ];

  readonly q = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly query = computed(() =>
    toAccountQuery({ q: this.q(), page: this.page(), pageSize: this.pageSize() }),
  );
  protected readonly search = new FormControl('', { nonNullable: true });

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.search.setValue(query.q ?? '', { emitEvent: false });
        this.store.search(query);
      });
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.navigate({ q: q.trim() || null, page: null }));
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
