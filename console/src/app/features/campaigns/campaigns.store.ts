import { Injectable, computed, inject, signal } from '@angular/core';
import type { CampaignAction, CampaignResponse } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { campaignConflictKey } from './campaign-form.util';
import { CampaignsService } from './campaigns.service';

/** The campaign list and its lifecycle buttons. */
@Injectable()
export class CampaignsStore {
  private readonly api = inject(CampaignsService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<CampaignResponse[]>>(idle());
  private readonly pendingState = signal<string | null>(null);
  private readonly actionErrorState = signal<ApiError | null>(null);

  /** In the server's order: running, paused, drafts, finished; the latest change first within each. */
  readonly campaigns = computed(() => this.state().data ?? []);
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  /** The campaign whose lifecycle action is on its way (its buttons wait). */
  readonly pendingId = this.pendingState.asReadonly();
  readonly actionError = computed(() => {
    const error = this.actionErrorState();
    const key = campaignConflictKey(error);
    return key ? this.i18n.t(key) : this.i18n.errorWithDetails(error);
  });
  /** Managers read; admins and supervisors also create, edit and drive the lifecycle. */
  readonly canManage = computed(() => this.auth.hasRole(['admin', 'supervisor']));

  load(): void {
    this.state.update(loading);
    this.api.list().subscribe({
      next: (campaigns) => this.state.set(loaded(campaigns)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
  }

  act(campaign: CampaignResponse, action: CampaignAction, done?: (updated: CampaignResponse) => void): void {
    if (this.pendingState() !== null) return;
    this.pendingState.set(campaign.id);
    this.actionErrorState.set(null);
    this.api.act(campaign.id, action).subscribe({
      next: (updated) => {
        this.pendingState.set(null);
        this.replace(updated);
        done?.(updated);
      },
      error: (error: unknown) => {
        this.pendingState.set(null);
        this.actionErrorState.set(toApiError(error));
        // The campaign may have moved on elsewhere (another supervisor's click): show where it is now.
        this.refresh(campaign.id);
      },
    });
  }

  dismissActionError(): void {
    this.actionErrorState.set(null);
  }

  private refresh(id: string): void {
    this.api.get(id).subscribe({ next: (latest) => this.replace(latest), error: () => undefined });
  }

  private replace(campaign: CampaignResponse): void {
    this.state.update((state) => ({
      ...state,
      data: (state.data ?? []).map((existing) => (existing.id === campaign.id ? campaign : existing)),
    }));
  }
}
