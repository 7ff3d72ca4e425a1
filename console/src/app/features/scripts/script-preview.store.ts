import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AccountListItem, RenderedScript } from '@recupera/shared';
import { Subject, catchError, debounceTime, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { AccountsService } from '../accounts/accounts.service';
import { back, currentId, follow, isEnd, startPath, stepOf, type PreviewPath } from './script-preview.util';
import { ScriptsService } from './scripts.service';

/** Typing in the account search waits this long before asking the server. */
export const ACCOUNT_SEARCH_DEBOUNCE_MS = 300;
const MIN_QUERY = 2;
const RESULTS = 8;
/** What POST /scripts/versions/:id/preview accepts as an account id. */
const ACCOUNT_ID = /^[1-9]\d{0,19}$/;

/** The account a preview renders for: one found by the search, or an id typed as is. */
export interface PreviewAccount {
  id: string;
  number: string | null;
  debtorName: string | null;
}

export function previewAccountOf(item: AccountListItem): PreviewAccount {
  return { id: item.id, number: item.accountNumber, debtorName: item.debtorName };
}

/** Renders a stored version for a chosen account and follows the answers the user clicks. */
@Injectable()
export class ScriptPreviewStore {
  private readonly api = inject(ScriptsService);
  private readonly accounts = inject(AccountsService);
  private readonly i18n = inject(I18nService);

  private readonly queries = new Subject<string>();
  private readonly queryState = signal('');
  private readonly resultsState = signal<RequestState<AccountListItem[]>>(idle([]));
  private readonly accountState = signal<PreviewAccount | null>(null);
  private readonly versionState = signal<string | null>(null);
  private readonly renderState = signal<RequestState<RenderedScript>>(idle());
  private readonly pathState = signal<PreviewPath>([]);
  private lastQuery = '';

  readonly query = this.queryState.asReadonly();
  readonly results = computed(() => this.resultsState().data ?? []);
  readonly searching = computed(() => this.resultsState().loading);
  readonly searchError = computed(() => this.i18n.error(this.resultsState().error));
  /** A query that is itself an account id can be used without searching. */
  readonly queryAsId = computed(() => {
    const q = this.queryState().trim();
    return ACCOUNT_ID.test(q) ? q : null;
  });

  readonly account = this.accountState.asReadonly();
  readonly versionId = this.versionState.asReadonly();
  readonly script = computed(() => this.renderState().data);
  readonly rendering = computed(() => this.renderState().loading);
  readonly rendered = computed(() => this.renderState().data !== null);
  readonly renderError = computed(() => this.i18n.error(this.renderState().error));

  readonly path = this.pathState.asReadonly();
  /** The step on screen; null when the path leads to a step the version does not have. */
  readonly current = computed(() => stepOf(this.script(), currentId(this.pathState())));
  readonly missingStepId = computed(() =>
    this.script() && !this.current() ? (currentId(this.pathState()) ?? null) : null,
  );
  readonly trail = computed(() => {
    const script = this.script();
    return this.pathState().map((id) => stepOf(script, id)?.title || id);
  });
  readonly canGoBack = computed(() => this.pathState().length > 1);
  readonly atEnd = computed(() => {
    const step = this.current();
    return step !== null && isEnd(step);
  });

  constructor() {
    this.queries
      .pipe(
        debounceTime(ACCOUNT_SEARCH_DEBOUNCE_MS),
        switchMap((q) =>
          q.length < MIN_QUERY
            ? of(idle<AccountListItem[]>([]))
            : this.accounts.search({ q, page: 1, pageSize: RESULTS }).pipe(
                map((page) => loaded(page.items)),
                catchError((error: unknown) => of(failed(this.resultsState(), toApiError(error)))),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.resultsState.set(state));
  }

  search(query: string): void {
    this.queryState.set(query);
    const q = query.trim();
    // A trailing space is the same search: no new request, and no spinner left waiting for one.
    if (q === this.lastQuery) return;
    this.lastQuery = q;
    if (q.length >= MIN_QUERY) this.resultsState.update(loading);
    this.queries.next(q);
  }

  chooseAccount(account: PreviewAccount): void {
    this.accountState.set(account);
    this.render();
  }

  /** Renders a version (again, when it was just saved); the page passes the newest one by default. */
  show(versionId: string | null): void {
    this.versionState.set(versionId);
    if (versionId !== null) {
      this.render();
      return;
    }
    this.renderState.set(idle());
    this.pathState.set([]);
  }

  render(): void {
    const versionId = this.versionState();
    const account = this.accountState();
    if (!versionId || !account) return;
    this.renderState.update(loading);
    this.api.preview(versionId, account.id).subscribe({
      next: (script) => {
        this.renderState.set(loaded(script));
        this.pathState.set(startPath(script));
      },
      error: (error: unknown) => this.renderState.update((state) => failed(state, toApiError(error))),
    });
  }

  answer(answerId: string): void {
    this.advance(answerId);
  }

  next(): void {
    this.advance(null);
  }

  back(): void {
    this.pathState.update(back);
  }

  restart(): void {
    const script = this.script();
    if (script) this.pathState.set(startPath(script));
  }

  private advance(answerId: string | null): void {
    const script = this.script();
    if (script) this.pathState.update((path) => follow(script, path, answerId));
  }
}
