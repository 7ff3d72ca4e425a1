import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AuditEventResponse, AuditQuery, Page, UserResponse } from '@recupera/shared';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { AuditService } from './audit.service';

export interface AuditFilters {
  actorId: string;
  entityType: string;
  action: string;
  /** Civil dates from the date inputs ('YYYY-MM-DD'), in the user's time zone. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  actorId: '',
  entityType: '',
  action: '',
  from: '',
  to: '',
};
export const AUDIT_PAGE_SIZES = [25, 50, 100];

/** Filters as the API wants them: instants for the start of `from` and the end of `to`, local time. */
export function toAuditQuery(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  const startOfDay = (date: string): string | undefined =>
    date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
  const endOfDay = (date: string): string | undefined =>
    date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined;
  return {
    actorId: filters.actorId || undefined,
    entityType: filters.entityType.trim() || undefined,
    action: filters.action.trim() || undefined,
    from: startOfDay(filters.from),
    to: endOfDay(filters.to),
    page,
    pageSize,
  };
}

@Injectable()
export class AuditStore {
  private readonly api = inject(AuditService);
  private readonly directory = inject(DirectoryService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly state = signal<RequestState<Page<AuditEventResponse>>>(idle());
  private readonly filtersState = signal<AuditFilters>(EMPTY_AUDIT_FILTERS);
  private readonly pageState = signal({ page: 1, pageSize: AUDIT_PAGE_SIZES[0] });
  private readonly actorsState = signal<UserResponse[]>([]);
  private readonly expandedState = signal<string | null>(null);
  private readonly queries = new Subject<AuditQuery>();

  readonly events = computed(() => this.state().data?.items ?? []);
  readonly total = computed(() => this.state().data?.total ?? 0);
  readonly pageIndex = computed(() => this.pageState().page - 1);
  readonly pageSize = computed(() => this.pageState().pageSize);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly filters = this.filtersState.asReadonly();
  readonly actors = this.actorsState.asReadonly();
  readonly expanded = this.expandedState.asReadonly();

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

  init(): void {
    this.search();
    // Only admins may list users; managers filter by entity, action and dates.
    if (this.auth.hasRole(['admin'])) {
      this.directory.users().subscribe({
        next: (users) =>
          this.actorsState.set([...users].sort((a, b) => a.fullName.localeCompare(b.fullName))),
        error: () => this.actorsState.set([]),
      });
    }
  }

  applyFilters(filters: AuditFilters): void {
    this.filtersState.set(filters);
    this.pageState.update((page) => ({ ...page, page: 1 }));
    this.search();
  }

  changePage(pageIndex: number, pageSize: number): void {
    this.pageState.set({ page: pageIndex + 1, pageSize });
    this.search();
  }

  toggle(id: string): void {
    this.expandedState.update((current) => (current === id ? null : id));
  }

  search(): void {
    const { page, pageSize } = this.pageState();
    this.state.update(loading);
    this.queries.next(toAuditQuery(this.filtersState(), page, pageSize));
  }
}
