import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ClientResponse,
  CreateClientRequest,
  CreatePortfolioRequest,
  PortfolioResponse,
} from '@recupera/shared';
import { toApiError, type ApiError } from '../../../core/http/api-error.util';
import { DirectoryService } from '../../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../../core/http/request-state.util';
import { I18nService } from '../../../core/i18n/i18n.service';

interface SaveState {
  saving: boolean;
  error: ApiError | null;
}

@Injectable()
export class ClientsStore {
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly clientsState = signal<RequestState<ClientResponse[]>>(idle());
  private readonly portfoliosState = signal<RequestState<PortfolioResponse[]>>(idle());
  private readonly clientSave = signal<SaveState>({ saving: false, error: null });
  private readonly portfolioSave = signal<SaveState>({ saving: false, error: null });

  readonly clients = computed(() =>
    [...(this.clientsState().data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  readonly portfolios = computed(() =>
    [...(this.portfoliosState().data ?? [])].sort(
      (a, b) => a.clientCode.localeCompare(b.clientCode) || a.name.localeCompare(b.name),
    ),
  );
  readonly clientsLoading = computed(() => this.clientsState().loading);
  readonly clientsReady = computed(() => this.clientsState().data !== null);
  readonly clientsError = computed(() => this.i18n.error(this.clientsState().error));
  readonly portfoliosLoading = computed(() => this.portfoliosState().loading);
  readonly portfoliosReady = computed(() => this.portfoliosState().data !== null);
  readonly portfoliosError = computed(() => this.i18n.error(this.portfoliosState().error));
  readonly savingClient = computed(() => this.clientSave().saving);
  readonly clientSaveError = computed(() => this.i18n.errorWithDetails(this.clientSave().error));
  readonly savingPortfolio = computed(() => this.portfolioSave().saving);
  readonly portfolioSaveError = computed(() => this.i18n.errorWithDetails(this.portfolioSave().error));

  load(): void {
    this.clientsState.update(loading);
    this.portfoliosState.update(loading);
    this.directory.clients().subscribe({
      next: (clients) => this.clientsState.set(loaded(clients)),
      error: (error: unknown) => this.clientsState.update((state) => failed(state, toApiError(error))),
    });
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(loaded(portfolios)),
      error: (error: unknown) => this.portfoliosState.update((state) => failed(state, toApiError(error))),
    });
  }

  createClient(request: CreateClientRequest, done: (client: ClientResponse) => void): void {
    this.clientSave.set({ saving: true, error: null });
    this.directory.createClient(request).subscribe({
      next: (client) => {
        this.clientSave.set({ saving: false, error: null });
        this.clientsState.update((state) => ({ ...state, data: [...(state.data ?? []), client] }));
        done(client);
      },
      error: (error: unknown) => this.clientSave.set({ saving: false, error: toApiError(error) }),
    });
  }

  createPortfolio(request: CreatePortfolioRequest, done: (portfolio: PortfolioResponse) => void): void {
    this.portfolioSave.set({ saving: true, error: null });
    this.directory.createPortfolio(request).subscribe({
      next: (portfolio) => {
        this.portfolioSave.set({ saving: false, error: null });
        this.portfoliosState.update((state) => ({ ...state, data: [...(state.data ?? []), portfolio] }));
        done(portfolio);
      },
      error: (error: unknown) => this.portfolioSave.set({ saving: false, error: toApiError(error) }),
    });
  }
}
