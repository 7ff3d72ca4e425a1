import { Injectable, computed, inject, signal } from '@angular/core';
import type { CampaignResponse } from '@recupera/shared';
import type { Observable } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError, type ApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import {
  applyOverrides,
  pendingOverrides,
  type CampaignOverride,
  type PacingChanges,
} from './floor-campaigns.util';
import { FloorLiveStore } from './floor-live.store';
import { FloorService } from './floor.service';

export type CampaignFloorAction = 'pause' | 'resume' | 'save';

/**
 * The campaigns panel: the snapshot's campaigns with what this supervisor just changed laid over
 * them until a snapshot catches up, and the REST actions (pause, resume, the pacing knobs).
 */
@Injectable()
export class FloorCampaignsStore {
  private readonly api = inject(FloorService);
  private readonly live = inject(FloorLiveStore);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly overridesState = signal<ReadonlyMap<string, CampaignOverride>>(new Map());
  private readonly pendingState = signal<ReadonlyMap<string, CampaignFloorAction>>(new Map());
  private readonly errorsState = signal<ReadonlyMap<string, ApiError>>(new Map());
  private readonly savedState = signal<ReadonlySet<string>>(new Set());

  readonly campaigns = computed(() =>
    applyOverrides(this.live.campaigns(), this.overridesState(), this.live.snapshotAtMs()),
  );
  /** Managers watch; supervisors and admins drive the campaigns (the server enforces it too). */
  readonly canManage = computed(() => this.auth.hasRole(['admin', 'supervisor']));

  pendingOf(campaignId: string): CampaignFloorAction | null {
    return this.pendingState().get(campaignId) ?? null;
  }

  errorOf(campaignId: string): string | null {
    return this.i18n.errorWithDetails(this.errorsState().get(campaignId));
  }

  /** The pacing change was applied (until the supervisor edits again). */
  wasSaved(campaignId: string): boolean {
    return this.savedState().has(campaignId);
  }

  act(campaignId: string, action: 'pause' | 'resume'): void {
    this.run(campaignId, action, () => this.api.campaignAction(campaignId, action));
  }

  savePacing(campaignId: string, changes: PacingChanges, done?: () => void): void {
    if (changes.abandonCapBp === undefined && changes.linesPerAgent === undefined) return;
    this.run(
      campaignId,
      'save',
      () => this.api.updatePacing(campaignId, changes),
      () => {
        this.savedState.update((saved) => new Set(saved).add(campaignId));
        done?.();
      },
    );
  }

  /** The supervisor edits the pacing again: the "applied" note goes. */
  editing(campaignId: string): void {
    if (this.savedState().has(campaignId)) this.savedState.update((saved) => without(saved, campaignId));
    if (this.errorsState().has(campaignId))
      this.errorsState.update((errors) => withoutKey(errors, campaignId));
  }

  private run(
    campaignId: string,
    action: CampaignFloorAction,
    request: () => Observable<CampaignResponse>,
    done?: () => void,
  ): void {
    if (this.pendingState().has(campaignId)) return;
    this.pendingState.update((pending) => new Map(pending).set(campaignId, action));
    this.errorsState.update((errors) => withoutKey(errors, campaignId));
    this.savedState.update((saved) => without(saved, campaignId));
    request().subscribe({
      next: (campaign) => {
        this.pendingState.update((pending) => withoutKey(pending, campaignId));
        this.override(campaign);
        done?.();
      },
      error: (error: unknown) => {
        this.pendingState.update((pending) => withoutKey(pending, campaignId));
        this.errorsState.update((errors) => new Map(errors).set(campaignId, toApiError(error)));
      },
    });
  }

  private override(campaign: CampaignResponse): void {
    const override: CampaignOverride = {
      status: campaign.status,
      abandonCapBp: campaign.abandonCapBp,
      linesPerAgent: campaign.linesPerAgent,
      atMs: this.live.serverNow(),
    };
    this.overridesState.update((overrides) =>
      pendingOverrides(overrides, this.live.snapshotAtMs()).set(campaign.id, override),
    );
  }
}

function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

function withoutKey<T>(map: ReadonlyMap<string, T>, id: string): Map<string, T> {
  const next = new Map(map);
  next.delete(id);
  return next;
}
