import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ChargeRuleResponse,
  ClientResponse,
  FeeScheduleResponse,
  InterestCapResponse,
  Jurisdiction,
  PortfolioResponse,
  SaveChargeRuleRequest,
  SaveFeeScheduleRequest,
  SaveInterestCapRequest,
} from '@recupera/shared';
import { forkJoin, type Observable } from 'rxjs';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChargesService } from './charges.service';

interface Settings {
  rules: ChargeRuleResponse[];
  caps: InterestCapResponse[];
  schedules: FeeScheduleResponse[];
  clients: ClientResponse[];
  portfolios: PortfolioResponse[];
}

/** What the admin page edits; each save reloads everything so the page shows what the server keeps. */
@Injectable()
export class ChargeSettingsStore {
  private readonly api = inject(ChargesService);
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<Settings>>(idle());
  private readonly savingState = signal(false);
  private readonly saveErrorState = signal<ApiError | null>(null);

  readonly ready = computed(() => this.state().data !== null);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly rules = computed(() => this.state().data?.rules ?? []);
  readonly caps = computed(() => this.state().data?.caps ?? []);
  readonly schedules = computed(() => this.state().data?.schedules ?? []);
  readonly clients = computed(() => this.state().data?.clients ?? []);
  readonly portfolios = computed(() => this.state().data?.portfolios ?? []);
  readonly saving = this.savingState.asReadonly();
  readonly saveError = computed(() => this.i18n.errorWithDetails(this.saveErrorState()));

  load(): void {
    this.state.update(loading);
    forkJoin({
      rules: this.api.rules(),
      caps: this.api.caps(),
      schedules: this.api.feeSchedules(),
      clients: this.directory.clients(),
      portfolios: this.directory.portfolios(),
    }).subscribe({
      next: (settings) => this.state.set(loaded(settings)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
  }

  clientCode(clientId: string): string {
    return this.clients().find((c) => c.id === clientId)?.code ?? clientId;
  }

  portfolioName(portfolioId: string): string {
    return this.portfolios().find((p) => p.id === portfolioId)?.name ?? portfolioId;
  }

  saveRule(request: SaveChargeRuleRequest, done?: () => void): void {
    this.save(this.api.saveRule(request), done);
  }

  deleteRule(id: string): void {
    this.save(this.api.deleteRule(id));
  }

  saveCap(jurisdiction: Jurisdiction, request: SaveInterestCapRequest, done?: () => void): void {
    this.save(this.api.saveCap(jurisdiction, request), done);
  }

  saveFeeSchedule(
    jurisdiction: Jurisdiction,
    currency: string,
    request: SaveFeeScheduleRequest,
    done?: () => void,
  ): void {
    this.save(this.api.saveFeeSchedule(jurisdiction, currency, request), done);
  }

  private save(request: Observable<unknown>, done?: () => void): void {
    if (this.savingState()) return;
    this.savingState.set(true);
    this.saveErrorState.set(null);
    request.subscribe({
      next: () => {
        this.savingState.set(false);
        done?.();
        this.load();
      },
      error: (error: unknown) => {
        this.savingState.set(false);
        this.saveErrorState.set(toApiError(error));
      },
    });
  }
}
