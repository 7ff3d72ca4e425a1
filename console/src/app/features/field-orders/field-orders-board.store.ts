import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  OPEN_FIELD_ORDER_STATES,
  type FieldCrewResponse,
  type FieldOrderKind,
  type FieldOrderListQuery,
  type FieldOrderResponse,
  type FieldOrderState,
  type FieldOrderSummary,
  type Page,
} from '@recupera/shared';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { FieldOrdersService } from './field-orders.service';

export interface BoardFilters {
  state: FieldOrderState | '';
  kind: FieldOrderKind | '';
  route: string;
  overdue: boolean;
}

export const EMPTY_BOARD_FILTERS: BoardFilters = { state: '', kind: '', route: '', overdue: false };
export const BOARD_PAGE_SIZES = [25, 50, 100];

export function toListQuery(filters: BoardFilters, page: number, pageSize: number): FieldOrderListQuery {
  return {
    state: filters.state || undefined,
    kind: filters.kind || undefined,
    route: filters.route || undefined,
    overdue: filters.overdue || undefined,
    page,
    pageSize,
  };
}

/** The supervisors' board: counts by state and age, orders overdue first, and assignment to crews. */
@Injectable()
export class FieldOrdersBoardStore {
  private readonly api = inject(FieldOrdersService);
  private readonly i18n = inject(I18nService);

  private readonly listState = signal<RequestState<Page<FieldOrderResponse>>>(idle());
  private readonly summaryState = signal<RequestState<FieldOrderSummary>>(idle());
  private readonly crewsState = signal<FieldCrewResponse[]>([]);
  private readonly filtersState = signal<BoardFilters>(EMPTY_BOARD_FILTERS);
  private readonly pageState = signal({ page: 1, pageSize: BOARD_PAGE_SIZES[0] });
  private readonly selectedState = signal<ReadonlySet<string>>(new Set());
  private readonly assigningState = signal(false);
  private readonly assignErrorState = signal<ApiError | null>(null);
  private readonly queries = new Subject<FieldOrderListQuery>();

  readonly orders = computed(() => this.listState().data?.items ?? []);
  readonly total = computed(() => this.listState().data?.total ?? 0);
  readonly pageIndex = computed(() => this.pageState().page - 1);
  readonly pageSize = computed(() => this.pageState().pageSize);
  readonly loading = computed(() => this.listState().loading);
  readonly ready = computed(() => this.listState().data !== null);
  readonly error = computed(() => this.i18n.error(this.listState().error));
  readonly summary = computed(() => this.summaryState().data);
  readonly summaryError = computed(() => this.i18n.error(this.summaryState().error));
  readonly crews = computed(() => this.crewsState().filter((crew) => crew.active));
  readonly filters = this.filtersState.asReadonly();
  readonly selected = this.selectedState.asReadonly();
  readonly assigning = this.assigningState.asReadonly();
  readonly assignError = computed(() => this.i18n.errorWithDetails(this.assignErrorState()));
  /** Routes with open orders, for the filter. */
  readonly routes = computed(() =>
    (this.summaryState().data?.byRoute ?? []).map((r) => r.route).filter((r): r is string => r !== null),
  );
  readonly selectable = computed(() =>
    this.orders().filter((o) => OPEN_FIELD_ORDER_STATES.includes(o.state)),
  );

  constructor() {
    // The latest query wins: a slow answer to an older filter never overwrites a newer one.
    this.queries
      .pipe(
        switchMap((query) =>
          this.api.list(query).pipe(
            map((result) => loaded(result)),
            catchError((error: unknown) => of(failed(this.listState(), toApiError(error)))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.listState.set(next));
  }

  init(): void {
    this.refresh();
    this.api.crews().subscribe({
      next: (crews) => this.crewsState.set(crews),
      error: () => this.crewsState.set([]),
    });
  }

  refresh(): void {
    this.loadList();
    this.summaryState.update(loading);
    const route = this.filtersState().route || undefined;
    this.api.summary({ route }).subscribe({
      next: (summary) => this.summaryState.set(loaded(summary)),
      error: (error: unknown) => this.summaryState.update((s) => failed(s, toApiError(error))),
    });
  }

  applyFilters(filters: BoardFilters): void {
    const routeChanged = filters.route !== this.filtersState().route;
    this.filtersState.set(filters);
    this.pageState.update((p) => ({ ...p, page: 1 }));
    this.selectedState.set(new Set());
    if (routeChanged) this.refresh();
    else this.loadList();
  }

  changePage(pageIndex: number, pageSize: number): void {
    this.pageState.set({ page: pageIndex + 1, pageSize });
    this.selectedState.set(new Set());
    this.loadList();
  }

  toggle(id: string): void {
    this.selectedState.update((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  toggleAll(): void {
    const open = this.selectable().map((o) => o.id);
    const all = open.length > 0 && open.every((id) => this.selectedState().has(id));
    this.selectedState.set(all ? new Set() : new Set(open));
  }

  assign(crewId: string, done: (count: number) => void): void {
    const orderIds = [...this.selectedState()];
    if (orderIds.length === 0 || !crewId || this.assigningState()) return;
    this.assigningState.set(true);
    this.assignErrorState.set(null);
    this.api.assign({ orderIds, crewId }).subscribe({
      next: ({ assigned }) => {
        this.assigningState.set(false);
        this.selectedState.set(new Set());
        done(assigned);
        this.refresh();
      },
      error: (error: unknown) => {
        this.assigningState.set(false);
        this.assignErrorState.set(toApiError(error));
      },
    });
  }

  private loadList(): void {
    const { page, pageSize } = this.pageState();
    this.listState.update(loading);
    this.queries.next(toListQuery(this.filtersState(), page, pageSize));
  }
}
