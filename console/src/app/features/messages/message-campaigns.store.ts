import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  MessageCampaignRequest,
  MessageCampaignView,
  MessageTemplateView,
  PortfolioResponse,
} from '@recupera/shared';
import { DirectoryService } from '../../core/http/directory.service';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { toAudience, type AudienceDraft } from './messages-form.util';
import { MessagesService } from './messages.service';

export interface CampaignDraft {
  name: string;
  templateId: string;
  portfolioId: string;
  audience: AudienceDraft;
}

export const NEW_CAMPAIGN: CampaignDraft = {
  name: '',
  templateId: '',
  portfolioId: '',
  audience: { kind: 'due_in_days', days: '3', maxDays: '' },
};

export type CampaignAction = 'start' | 'cancel';

export function toCampaignRequest(draft: CampaignDraft): MessageCampaignRequest | null {
  const audience = toAudience(draft.audience);
  const name = draft.name.trim();
  if (!audience || !name || !draft.templateId || !draft.portfolioId) return null;
  return { name, templateId: draft.templateId, portfolioId: draft.portfolioId, audience };
}

/** Outbound message campaigns: the list with its progress, the one being created, start and cancel. */
@Injectable()
export class MessageCampaignsStore {
  private readonly api = inject(MessagesService);
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<MessageCampaignView[]>>(idle());
  private readonly templatesState = signal<MessageTemplateView[]>([]);
  private readonly portfoliosState = signal<PortfolioResponse[]>([]);
  private readonly creatingState = signal(false);
  private readonly draftState = signal<CampaignDraft>(NEW_CAMPAIGN);
  private readonly savingState = signal(false);
  private readonly pendingState = signal<string | null>(null);
  private readonly actionErrorState = signal<ApiError | null>(null);

  readonly campaigns = computed(() => this.state().data ?? []);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  /** Only active templates go out. */
  readonly templates = computed(() => this.templatesState().filter((t) => t.active));
  readonly portfolios = this.portfoliosState.asReadonly();
  readonly creating = this.creatingState.asReadonly();
  readonly draft = this.draftState.asReadonly();
  readonly saving = this.savingState.asReadonly();
  readonly pendingId = this.pendingState.asReadonly();
  readonly actionError = computed(() => this.i18n.errorWithDetails(this.actionErrorState()));
  readonly request = computed(() => toCampaignRequest(this.draftState()));
  readonly audienceInvalid = computed(() => toAudience(this.draftState().audience) === null);
  readonly canCreate = computed(() => this.request() !== null && !this.savingState());
  /** Some campaign is sending: its counts move, so the page asks again now and then. */
  readonly anyRunning = computed(() => this.campaigns().some((c) => c.status === 'running'));

  load(): void {
    this.state.update(loading);
    this.refresh();
    this.api.templates().subscribe({
      next: (templates) => this.templatesState.set(templates),
      error: () => this.templatesState.set([]),
    });
    this.directory.portfolios().subscribe({
      next: (portfolios) => this.portfoliosState.set(portfolios),
      error: () => this.portfoliosState.set([]),
    });
  }

  /** The list again, quietly (the progress of running campaigns). */
  refresh(): void {
    this.api.campaigns().subscribe({
      next: (campaigns) => this.state.set(loaded(campaigns)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
  }

  startNew(): void {
    this.draftState.set(NEW_CAMPAIGN);
    this.creatingState.set(true);
    this.actionErrorState.set(null);
  }

  closeNew(): void {
    this.creatingState.set(false);
  }

  patch(change: Partial<CampaignDraft>): void {
    this.draftState.update((draft) => ({ ...draft, ...change }));
  }

  patchAudience(change: Partial<AudienceDraft>): void {
    this.draftState.update((draft) => ({ ...draft, audience: { ...draft.audience, ...change } }));
  }

  /** Creates the campaign as a draft (it is started from the list); `done` runs once it is saved. */
  create(done?: (created: MessageCampaignView) => void): void {
    const request = this.request();
    if (!request || this.savingState()) return;
    this.savingState.set(true);
    this.actionErrorState.set(null);
    this.api.createCampaign(request).subscribe({
      next: (created) => {
        this.savingState.set(false);
        this.creatingState.set(false);
        this.state.update((state) => ({ ...state, data: [created, ...(state.data ?? [])] }));
        done?.(created);
      },
      error: (error: unknown) => {
        this.savingState.set(false);
        this.actionErrorState.set(toApiError(error));
      },
    });
  }

  act(campaign: MessageCampaignView, action: CampaignAction): void {
    if (this.pendingState() !== null) return;
    this.pendingState.set(campaign.id);
    this.actionErrorState.set(null);
    this.api.actOnCampaign(campaign.id, action).subscribe({
      next: (updated) => {
        this.pendingState.set(null);
        this.state.update((state) => ({
          ...state,
          data: (state.data ?? []).map((c) => (c.id === updated.id ? updated : c)),
        }));
      },
      error: (error: unknown) => {
        this.pendingState.set(null);
        this.actionErrorState.set(toApiError(error));
        this.refresh();
      },
    });
  }

  dismissActionError(): void {
    this.actionErrorState.set(null);
  }
}
