import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  MessageCampaignSendView,
  MessageCampaignView,
  MessageSendOutcome,
  Page,
} from '@recupera/shared';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { CampaignAction } from './message-campaigns.store';
import { MessagesService, type SendsQuery } from './messages.service';

export const SENDS_PAGE_SIZES = [25, 50, 100] as const;

/** One message campaign and its recipients, filterable by what happened to each. */
@Injectable()
export class MessageCampaignDetailStore {
  private readonly api = inject(MessagesService);
  private readonly i18n = inject(I18nService);
  private readonly campaignState = signal<RequestState<MessageCampaignView>>(idle());
  private readonly sendsState = signal<RequestState<Page<MessageCampaignSendView>>>(idle());
  private readonly queryState = signal<Required<Pick<SendsQuery, 'page' | 'pageSize'>> & SendsQuery>({
    page: 1,
    pageSize: SENDS_PAGE_SIZES[0],
  });
  private readonly pendingState = signal(false);
  private readonly actionErrorState = signal<ApiError | null>(null);
  private id: string | null = null;

  readonly campaign = computed(() => this.campaignState().data);
  readonly loading = computed(() => this.campaignState().loading);
  readonly error = computed(() => this.i18n.error(this.campaignState().error));
  readonly sends = computed(() => this.sendsState().data?.items ?? []);
  readonly sendsTotal = computed(() => this.sendsState().data?.total ?? 0);
  readonly sendsLoading = computed(() => this.sendsState().loading);
  readonly sendsError = computed(() => this.i18n.error(this.sendsState().error));
  readonly query = this.queryState.asReadonly();
  readonly pending = this.pendingState.asReadonly();
  readonly actionError = computed(() => this.i18n.errorWithDetails(this.actionErrorState()));

  load(id: string): void {
    this.id = id;
    this.campaignState.update((state) =>
      loading(state.data?.id === id ? state : idle<MessageCampaignView>()),
    );
    this.api.campaign(id).subscribe({
      next: (campaign) => {
        if (this.id === id) this.campaignState.set(loaded(campaign));
      },
      error: (error: unknown) => {
        if (this.id === id) this.campaignState.update((state) => failed(state, toApiError(error)));
      },
    });
    this.loadSends();
  }

  filter(outcome: MessageSendOutcome | null): void {
    this.queryState.update((query) => ({ ...query, outcome: outcome ?? undefined, page: 1 }));
    this.loadSends();
  }

  page(pageIndex: number, pageSize: number): void {
    this.queryState.update((query) => ({ ...query, page: pageIndex + 1, pageSize }));
    this.loadSends();
  }

  act(action: CampaignAction): void {
    const campaign = this.campaign();
    if (!campaign || this.pendingState()) return;
    this.pendingState.set(true);
    this.actionErrorState.set(null);
    this.api.actOnCampaign(campaign.id, action).subscribe({
      next: (updated) => {
        this.pendingState.set(false);
        this.campaignState.set(loaded(updated));
      },
      error: (error: unknown) => {
        this.pendingState.set(false);
        this.actionErrorState.set(toApiError(error));
      },
    });
  }

  refresh(): void {
    if (this.id) this.load(this.id);
  }

  private loadSends(): void {
    const id = this.id;
    if (!id) return;
    const query = this.queryState();
    this.sendsState.update(loading);
    this.api.sends(id, query).subscribe({
      next: (page) => {
        if (this.id === id && this.queryState() === query) this.sendsState.set(loaded(page));
      },
      error: (error: unknown) => {
        if (this.id === id && this.queryState() === query)
          this.sendsState.update((state) => failed(state, toApiError(error)));
      },
    });
  }
}
