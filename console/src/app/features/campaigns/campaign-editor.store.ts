import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type {
  CampaignResponse,
  DispositionSetResponse,
  PortfolioResponse,
  SegmentCountResponse,
  SegmentPreviewRequest,
  TeamResponse,
} from '@recupera/shared';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import {
  campaignConflictKey,
  toCreateRequest,
  toUpdateRequest,
  type CampaignFormValue,
} from './campaign-form.util';
import { CampaignsService } from './campaigns.service';

/** Typing in a filter waits this long before the segment is counted again. */
export const COUNT_DEBOUNCE_MS = 400;

export interface TeamOption {
  id: string;
  name: string;
  /** A supervisor may only add or remove their own teams; another supervisor's stays as it is. */
  locked: boolean;
}

export interface DispositionCodeOption {
  code: string;
  label: string;
}

interface CountState {
  loading: boolean;
  value: SegmentCountResponse | null;
  error: ApiError | null;
}

interface SaveState {
  saving: boolean;
  error: ApiError | null;
}

@Injectable()
export class CampaignEditorStore {
  private readonly api = inject(CampaignsService);
  private readonly directory = inject(DirectoryService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly campaignState = signal<RequestState<CampaignResponse | null>>(idle());
  private readonly portfoliosState = signal<PortfolioResponse[]>([]);
  private readonly teamsState = signal<TeamResponse[]>([]);
  private readonly setsState = signal<DispositionSetResponse[]>([]);
  private readonly countState = signal<CountState>({ loading: false, value: null, error: null });
  private readonly saveState = signal<SaveState>({ saving: false, error: null });
  private readonly countRequests = new Subject<SegmentPreviewRequest | null>();
  private readonly campaignId = signal<string | null>(null);

  readonly campaign = computed(() => this.campaignState().data);
  readonly loading = computed(() => this.campaignState().loading);
  /** A new campaign is ready at once; an existing one once it has loaded. */
  readonly ready = computed(() => this.campaignState().data !== null || this.campaignId() === null);
  readonly error = computed(() => this.i18n.error(this.campaignState().error));
  readonly status = computed(() => this.campaign()?.status ?? null);
  readonly canManage = computed(() => this.auth.hasRole(['admin', 'supervisor']));
  /** Managers read; nobody edits a finished campaign. */
  readonly readOnly = computed(() => !this.canManage() || this.status() === 'finished');
  readonly portfolios = this.portfoliosState.asReadonly();
  readonly dispositionSets = this.setsState.asReadonly();
  readonly teamOptions = computed<TeamOption[]>(() => {
    const own = this.teamsState();
    const supervisor = this.auth.role() === 'supervisor';
    const options: TeamOption[] = own.map((team) => ({ id: team.id, name: team.name, locked: false }));
    for (const team of this.campaign()?.teams ?? []) {
      if (!options.some((option) => option.id === team.id))
        options.push({ id: team.id, name: team.name, locked: supervisor });
    }
    return options.sort((a, b) => a.name.localeCompare(b.name));
  });
  /** Every code of every set (accounts keep the code of whichever set dispositioned them last). */
  readonly dispositionCodes = computed<DispositionCodeOption[]>(() => {
    const english = this.i18n.locale() === 'en';
    const byCode = new Map<string, string>();
    for (const set of this.setsState())
      for (const d of set.dispositions)
        if (!byCode.has(d.code)) byCode.set(d.code, english ? d.labelEn : d.labelEs);
    return [...byCode.entries()]
      .map(([code, label]) => ({ code, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  });
  readonly count = computed(() => this.countState().value);
  readonly countLoading = computed(() => this.countState().loading);
  readonly countError = computed(() => this.i18n.errorWithDetails(this.countState().error));
  readonly saving = computed(() => this.saveState().saving);
  readonly saveError = computed(() => {
    const error = this.saveState().error;
    const key = campaignConflictKey(error);
    return key ? this.i18n.t(key) : this.i18n.errorWithDetails(error);
  });

  constructor() {
    const subscription = this.countRequests
      .pipe(
        debounceTime(COUNT_DEBOUNCE_MS),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        switchMap((request) => {
          if (!request) return of<CountState>({ loading: false, value: null, error: null });
          this.countState.update((state) => ({ ...state, loading: true, error: null }));
          return this.api.previewSegment(request).pipe(
            map((value): CountState => ({ loading: false, value, error: null })),
            catchError((error: unknown) =>
              of<CountState>({ loading: false, value: null, error: toApiError(error) }),
            ),
          );
        }),
      )
      .subscribe((state) => this.countState.set(state));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Loads the reference data, and the campaign when editing one. */
  init(id: string | null): void {
    this.campaignId.set(id);
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(portfolios),
      error: () => this.portfoliosState.set([]),
    });
    this.directory.teams().subscribe({
      next: (teams) => this.teamsState.set(teams),
      error: () => this.teamsState.set([]),
    });
    this.api.dispositionSets().subscribe({
      next: (sets) => this.setsState.set(sets),
      error: () => this.setsState.set([]),
    });
    if (id === null) return;
    this.campaignState.update(loading);
    this.api.get(id).subscribe({
      next: (campaign) => this.campaignState.set(loaded(campaign)),
      error: (error: unknown) => this.campaignState.update((state) => failed(state, toApiError(error))),
    });
    this.countState.set({ loading: true, value: null, error: null });
    this.api.segmentCount(id).subscribe({
      next: (value) => this.countState.set({ loading: false, value, error: null }),
      error: (error: unknown) =>
        this.countState.set({ loading: false, value: null, error: toApiError(error) }),
    });
  }

  /** The form changed: count its segment once the typing settles (null: nothing to count yet). */
  requestCount(request: SegmentPreviewRequest | null): void {
    this.countRequests.next(request);
  }

  currencyOf(portfolioId: string): string {
    return this.portfoliosState().find((p) => p.id === portfolioId)?.currency ?? 'COP';
  }

  jurisdictionOf(portfolioId: string): string | null {
    return this.portfoliosState().find((p) => p.id === portfolioId)?.jurisdiction ?? null;
  }

  save(value: CampaignFormValue, done: (saved: CampaignResponse) => void): void {
    if (this.saveState().saving) return;
    const currency = this.currencyOf(value.portfolioId);
    const campaign = this.campaign();
    const request = campaign
      ? this.api.update(campaign.id, toUpdateRequest(value, currency, campaign.status))
      : this.api.create(toCreateRequest(value, currency));
    this.saveState.set({ saving: true, error: null });
    request.subscribe({
      next: (saved) => {
        this.saveState.set({ saving: false, error: null });
        this.campaignState.set(loaded(saved));
        done(saved);
      },
      error: (error: unknown) => this.saveState.set({ saving: false, error: toApiError(error) }),
    });
  }
}
