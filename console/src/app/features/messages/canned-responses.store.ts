import { Injectable, computed, inject, signal } from '@angular/core';
import type { CannedResponseRequest, CannedResponseView, ClientResponse } from '@recupera/shared';
import { DirectoryService } from '../../core/http/directory.service';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { templatePreview } from './messages-form.util';
import { MessagesService } from './messages.service';

export interface CannedDraft {
  clientId: string | null;
  title: string;
  body: string;
}

export const NEW_CANNED: CannedDraft = { clientId: null, title: '', body: '' };
export const CANNED_TITLE_MAX = 80;

/** The canned responses agents insert in a chat, and the one being written. */
@Injectable()
export class CannedResponsesStore {
  private readonly api = inject(MessagesService);
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<CannedResponseView[]>>(idle());
  private readonly clientsState = signal<ClientResponse[]>([]);
  private readonly editingState = signal<string | 'new' | null>(null);
  private readonly draftState = signal<CannedDraft>(NEW_CANNED);
  private readonly busyState = signal(false);
  private readonly errorState = signal<ApiError | null>(null);

  readonly responses = computed(() => this.state().data ?? []);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly clients = this.clientsState.asReadonly();
  readonly editing = this.editingState.asReadonly();
  readonly draft = this.draftState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  readonly actionError = computed(() => this.i18n.errorWithDetails(this.errorState()));
  readonly preview = computed(() => templatePreview(this.draftState().body, this.i18n.locale()));
  readonly canSave = computed(() => {
    const { title, body } = this.draftState();
    return (
      !this.busyState() &&
      title.trim().length > 0 &&
      title.trim().length <= CANNED_TITLE_MAX &&
      body.trim().length > 0 &&
      this.preview().problems.length === 0 &&
      !this.preview().tooLong
    );
  });

  load(): void {
    this.state.update(loading);
    this.api.cannedResponses().subscribe({
      next: (responses) => this.state.set(loaded(responses)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
    this.directory.clients().subscribe({
      next: (clients) => this.clientsState.set(clients),
      error: () => this.clientsState.set([]),
    });
  }

  startNew(): void {
    this.open('new', NEW_CANNED);
  }

  edit(response: CannedResponseView): void {
    this.open(response.id, { clientId: response.clientId, title: response.title, body: response.body });
  }

  close(): void {
    this.editingState.set(null);
    this.errorState.set(null);
  }

  patch(change: Partial<CannedDraft>): void {
    this.draftState.update((draft) => ({ ...draft, ...change }));
    this.errorState.set(null);
  }

  save(): void {
    const editing = this.editingState();
    if (!editing || !this.canSave()) return;
    const { clientId, title, body } = this.draftState();
    const request: CannedResponseRequest = { clientId, title: title.trim(), body };
    this.busyState.set(true);
    const call =
      editing === 'new'
        ? this.api.createCannedResponse(request)
        : this.api.updateCannedResponse(editing, request);
    call.subscribe({
      next: (saved) => {
        this.busyState.set(false);
        this.editingState.set(null);
        this.state.update((state) => ({
          ...state,
          data:
            editing === 'new'
              ? [...(state.data ?? []), saved]
              : (state.data ?? []).map((r) => (r.id === saved.id ? saved : r)),
        }));
      },
      error: (error: unknown) => {
        this.busyState.set(false);
        this.errorState.set(toApiError(error));
      },
    });
  }

  remove(response: CannedResponseView): void {
    if (this.busyState()) return;
    this.busyState.set(true);
    this.errorState.set(null);
    this.api.deleteCannedResponse(response.id).subscribe({
      next: () => {
        this.busyState.set(false);
        if (this.editingState() === response.id) this.editingState.set(null);
        this.state.update((state) => ({
          ...state,
          data: (state.data ?? []).filter((r) => r.id !== response.id),
        }));
      },
      error: (error: unknown) => {
        this.busyState.set(false);
        this.errorState.set(toApiError(error));
      },
    });
  }

  private open(editing: string | 'new', draft: CannedDraft): void {
    this.editingState.set(editing);
    this.draftState.set(draft);
    this.errorState.set(null);
  }
}
