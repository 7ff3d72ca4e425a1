import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  LegalCaseDetail,
  LegalCaseListItem,
  LegalCaseQuery,
  LegalTeamResponse,
  Page,
  PortfolioResponse,
  RecordLegalActionRequest,
  TeamKind,
} from '@recupera/shared';
import { Subject, catchError, map, of, switchMap, type Observable } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { saveBlob } from '../../core/http/download.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { LegalService } from './legal.service';

export interface LegalFilters {
  status: LegalCaseQuery['status'] | '';
  stage: LegalCaseQuery['stage'] | '';
  firmTeamId: string;
  q: string;
}

export const EMPTY_LEGAL_FILTERS: LegalFilters = { status: 'open', stage: '', firmTeamId: '', q: '' };
export const LEGAL_PAGE_SIZES = [25, 50, 100];

export function toLegalQuery(filters: LegalFilters, page: number, pageSize: number): LegalCaseQuery {
  return {
    status: filters.status || undefined,
    stage: filters.stage || undefined,
    firmTeamId: filters.firmTeamId || undefined,
    q: filters.q.trim() || undefined,
    page,
    pageSize,
  };
}

/**
 * The legal page: the cases the caller reaches, the open case with its log, and — for supervisors,
 * managers and admins — the teams accounts can be handed to.
 */
@Injectable()
export class LegalStore {
  private readonly api = inject(LegalService);
  private readonly directory = inject(DirectoryService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  private readonly state = signal<RequestState<Page<LegalCaseListItem>>>(idle());
  private readonly filtersState = signal<LegalFilters>(EMPTY_LEGAL_FILTERS);
  private readonly pageState = signal({ page: 1, pageSize: LEGAL_PAGE_SIZES[0] });
  private readonly selectedState = signal<RequestState<LegalCaseDetail>>(idle());
  private readonly teamsState = signal<LegalTeamResponse[]>([]);
  private readonly portfoliosState = signal<PortfolioResponse[]>([]);
  private readonly downloadingState = signal(false);
  private readonly downloadErrorState = signal<ApiError | null>(null);
  private readonly queries = new Subject<LegalCaseQuery>();

  readonly cases = computed(() => this.state().data?.items ?? []);
  readonly total = computed(() => this.state().data?.total ?? 0);
  readonly pageIndex = computed(() => this.pageState().page - 1);
  readonly pageSize = computed(() => this.pageState().pageSize);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly filters = this.filtersState.asReadonly();
  readonly selected = computed(() => this.selectedState().data);
  readonly selectedLoading = computed(() => this.selectedState().loading);
  readonly selectedError = computed(() => this.i18n.error(this.selectedState().error));
  readonly teams = this.teamsState.asReadonly();
  readonly firms = computed(() => this.teamsState().filter((team) => team.kind !== 'internal'));
  readonly portfolios = this.portfoliosState.asReadonly();
  readonly downloading = this.downloadingState.asReadonly();
  readonly downloadError = computed(() => this.i18n.error(this.downloadErrorState()));
  /** Supervisors, managers and admins hand accounts over; a firm's users (agents) work their cases. */
  readonly canTransfer = computed(() => ['supervisor', 'manager', 'admin'].includes(this.auth.role() ?? ''));
  readonly canEditTeams = computed(() => this.auth.role() === 'admin');

  constructor() {
    this.queries
      .pipe(
        switchMap((query) =>
          this.api.cases(query).pipe(
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
    if (!this.canTransfer()) return;
    this.loadTeams();
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(portfolios),
      error: () => this.portfoliosState.set([]),
    });
  }

  applyFilters(filters: LegalFilters): void {
    this.filtersState.set(filters);
    this.pageState.update((page) => ({ ...page, page: 1 }));
    this.search();
  }

  changePage(pageIndex: number, pageSize: number): void {
    this.pageState.set({ page: pageIndex + 1, pageSize });
    this.search();
  }

  search(): void {
    const { page, pageSize } = this.pageState();
    this.state.update(loading);
    this.queries.next(toLegalQuery(this.filtersState(), page, pageSize));
  }

  select(id: string): void {
    this.selectedState.update(loading);
    this.downloadErrorState.set(null);
    this.api.detail(id).subscribe({
      next: (detail) => this.selectedState.set(loaded(detail)),
      error: (error: unknown) => this.selectedState.set(failed(idle(), toApiError(error))),
    });
  }

  closeCase(): void {
    this.selectedState.set(idle());
  }

  /** Records an action on the open case; on success the case and the list are read again. */
  recordAction(request: RecordLegalActionRequest): Observable<void> {
    const current = this.selected();
    if (!current) return of(undefined);
    return this.api.recordAction(current.id, request).pipe(
      map(() => {
        this.select(current.id);
        this.search();
      }),
    );
  }

  download(): void {
    const current = this.selected();
    if (!current || this.downloadingState()) return;
    this.downloadingState.set(true);
    this.downloadErrorState.set(null);
    this.api.determination(current.id).subscribe({
      next: (blob) => {
        this.downloadingState.set(false);
        const prefix = this.i18n.locale() === 'es' ? 'determinacion' : 'determination';
        saveBlob(this.document, blob, `${prefix}-${current.accountNumber}.pdf`);
      },
      error: (error: unknown) => {
        this.downloadingState.set(false);
        this.downloadErrorState.set(toApiError(error));
      },
    });
  }

  loadTeams(): void {
    this.api.teams().subscribe({
      next: (teams) => this.teamsState.set(teams),
      error: () => this.teamsState.set([]),
    });
  }

  setTeamKind(id: string, kind: TeamKind): Observable<void> {
    return this.api
      .setTeamKind(id, kind)
      .pipe(
        map((team) => this.teamsState.update((teams) => teams.map((t) => (t.id === team.id ? team : t)))),
      );
  }

  /** After a transfer: the list and the teams' open-case counts change. */
  transferred(): void {
    this.search();
    this.loadTeams();
    const current = this.selected();
    if (current) this.select(current.id);
  }
}
