import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { DrillQuery, DrillResponse } from '@recupera/shared';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { drillAccountRows } from './recovery-rows.util';
import { RecoveryService } from './recovery.service';

export const DRILL_PAGE_SIZES = [25, 50, 100] as const;

/** The accounts behind one sweep figure, a page at a time; the latest page asked for wins. */
@Injectable()
export class RecoveryDrillStore {
  private readonly api = inject(RecoveryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<DrillResponse>>(idle());
  private readonly queryState = signal<DrillQuery | null>(null);
  private readonly queries = new Subject<DrillQuery>();

  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly total = computed(() => this.state().data?.total ?? 0);
  readonly pageIndex = computed(() => (this.queryState()?.page ?? 1) - 1);
  readonly pageSize = computed(() => this.queryState()?.pageSize ?? DRILL_PAGE_SIZES[0]);
  readonly rows = computed(() => drillAccountRows(this.state().data?.items ?? [], this.i18n));

  constructor() {
    this.queries
      .pipe(
        switchMap((query) =>
          this.api.drill(query).pipe(
            map((page) => loaded(page)),
            catchError((error: unknown) => of(failed(this.state(), toApiError(error)))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.state.set(next));
  }

  load(query: DrillQuery): void {
    const next = { page: 1, pageSize: DRILL_PAGE_SIZES[0], ...query };
    this.queryState.set(next);
    this.state.update(loading);
    this.queries.next(next);
  }

  page(pageIndex: number, pageSize: number): void {
    const query = this.queryState();
    if (query) this.load({ ...query, page: pageIndex + 1, pageSize });
  }

  retry(): void {
    const query = this.queryState();
    if (query) this.load(query);
  }
}
