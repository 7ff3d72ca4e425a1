import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ComplianceProfile,
  ComplianceProfileResponse,
  CreateHolidayRequest,
  HolidayResponse,
  Jurisdiction,
  RefusalSummaryResponse,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { problemsOf } from './compliance-profile.util';
import { ComplianceService } from './compliance.service';

interface SaveState {
  saving: boolean;
  error: ApiError | null;
}

export interface HolidayFilter {
  country: Jurisdiction;
  year: number;
}

const SUMMARY_DAYS = 7;
const DAY_MS = 86_400_000;
const IDLE_SAVE: SaveState = { saving: false, error: null };

function byDate(a: HolidayResponse, b: HolidayResponse): number {
  return a.country.localeCompare(b.country) || a.date.localeCompare(b.date);
}

@Injectable()
export class ComplianceStore {
  private readonly api = inject(ComplianceService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly profilesState = signal<RequestState<ComplianceProfileResponse[]>>(idle());
  private readonly holidaysState = signal<RequestState<HolidayResponse[]>>(idle());
  private readonly summaryState = signal<RequestState<RefusalSummaryResponse>>(idle());
  private readonly filterState = signal<HolidayFilter>({ country: 'CO', year: new Date().getFullYear() });
  private readonly profileSave = signal<SaveState>(IDLE_SAVE);
  private readonly holidaySave = signal<SaveState>(IDLE_SAVE);

  /** Only admins edit; supervisors and managers read the rules and the refusals. */
  readonly canEdit = computed(() => this.auth.role() === 'admin');
  /** Supervisors see the refusals of the teams they lead; managers and admins see all. */
  readonly teamScoped = computed(() => this.auth.role() === 'supervisor');

  readonly profiles = computed(() =>
    [...(this.profilesState().data ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
  );
  readonly profilesLoading = computed(() => this.profilesState().loading);
  readonly profilesReady = computed(() => this.profilesState().data !== null);
  readonly profilesError = computed(() => this.i18n.error(this.profilesState().error));
  readonly savingProfile = computed(() => this.profileSave().saving);
  /** The headline of a refused save; the problems themselves are listed under it. */
  readonly profileSaveError = computed(() => this.i18n.error(this.profileSave().error));
  readonly profileProblems = computed(() => problemsOf(this.profileSave().error));

  readonly holidayFilter = this.filterState.asReadonly();
  readonly holidays = computed(() => this.holidaysState().data ?? []);
  readonly holidaysLoading = computed(() => this.holidaysState().loading);
  readonly holidaysReady = computed(() => this.holidaysState().data !== null);
  readonly holidaysError = computed(() => this.i18n.error(this.holidaysState().error));
  readonly savingHoliday = computed(() => this.holidaySave().saving);
  readonly holidaySaveError = computed(() => this.i18n.errorWithDetails(this.holidaySave().error));

  readonly refusals = computed(() => this.summaryState().data?.byReason ?? []);
  readonly refusalsTotal = computed(() => this.summaryState().data?.total ?? 0);
  readonly summaryLoading = computed(() => this.summaryState().loading);
  readonly summaryReady = computed(() => this.summaryState().data !== null);
  readonly summaryError = computed(() => this.i18n.error(this.summaryState().error));

  init(): void {
    this.loadProfiles();
    this.loadHolidays();
    this.loadSummary();
  }

  loadProfiles(): void {
    this.profilesState.update(loading);
    this.api.profiles().subscribe({
      next: (profiles) => this.profilesState.set(loaded(profiles)),
      error: (error: unknown) => this.profilesState.update((state) => failed(state, toApiError(error))),
    });
  }

  setHolidayFilter(filter: HolidayFilter): void {
    this.filterState.set(filter);
    this.loadHolidays();
  }

  loadHolidays(): void {
    this.holidaysState.update(loading);
    this.api.holidays(this.filterState()).subscribe({
      next: (holidays) => this.holidaysState.set(loaded([...holidays].sort(byDate))),
      error: (error: unknown) => this.holidaysState.update((state) => failed(state, toApiError(error))),
    });
  }

  /** Blocked attempts of the last 7 days, up to now. */
  loadSummary(): void {
    const to = new Date();
    const from = new Date(to.getTime() - SUMMARY_DAYS * DAY_MS);
    this.summaryState.update(loading);
    this.api.refusalSummary({ from: from.toISOString(), to: to.toISOString() }).subscribe({
      next: (summary) => this.summaryState.set(loaded(summary)),
      error: (error: unknown) => this.summaryState.update((state) => failed(state, toApiError(error))),
    });
  }

  /** Forgets a previous refusal, so a dialog opens without last time's problems. */
  resetProfileSave(): void {
    this.profileSave.set(IDLE_SAVE);
  }

  saveProfile(
    code: string,
    definition: ComplianceProfile,
    done: (saved: ComplianceProfileResponse) => void,
  ): void {
    this.profileSave.set({ saving: true, error: null });
    this.api.updateProfile(code, definition).subscribe({
      next: (saved) => {
        this.profileSave.set(IDLE_SAVE);
        this.profilesState.update((state) => ({
          ...state,
          data: (state.data ?? []).map((profile) => (profile.code === saved.code ? saved : profile)),
        }));
        done(saved);
      },
      error: (error: unknown) => this.profileSave.set({ saving: false, error: toApiError(error) }),
    });
  }

  addHoliday(request: CreateHolidayRequest, done: () => void): void {
    this.holidaySave.set({ saving: true, error: null });
    this.api.addHoliday(request).subscribe({
      next: (holiday) => {
        this.holidaySave.set(IDLE_SAVE);
        const { country, year } = this.filterState();
        // Shown only when it belongs to the list on screen.
        if (holiday.country === country && holiday.date.startsWith(`${year}-`)) {
          this.holidaysState.update((state) => ({
            ...state,
            data: [...(state.data ?? []), holiday].sort(byDate),
          }));
        }
        done();
      },
      error: (error: unknown) => this.holidaySave.set({ saving: false, error: toApiError(error) }),
    });
  }

  removeHoliday(holiday: HolidayResponse, done: () => void): void {
    this.holidaySave.set({ saving: true, error: null });
    this.api.removeHoliday(holiday).subscribe({
      next: () => {
        this.holidaySave.set(IDLE_SAVE);
        this.holidaysState.update((state) => ({
          ...state,
          data: (state.data ?? []).filter((h) => !(h.country === holiday.country && h.date === holiday.date)),
        }));
        done();
      },
      error: (error: unknown) => this.holidaySave.set({ saving: false, error: toApiError(error) }),
    });
  }
}
