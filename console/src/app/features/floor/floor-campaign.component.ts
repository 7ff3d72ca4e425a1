import { formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CAMPAIGN_LIMITS, type FloorCampaign } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import type { Tone } from '../../ui/tone.util';
import { formatClock } from './floor-alerts.util';
import { FloorCampaignsStore } from './floor-campaigns.store';
import {
  ABANDON_WINDOWS,
  bpToPercent,
  capLevel,
  capLevelTone,
  capShare,
  checkPacing,
  isComplianceReason,
  pacingDraftOf,
  worstCapLevel,
  type PacingDraft,
  type PacingProblem,
} from './floor-campaigns.util';

const STATUS_TONES: Readonly<Record<FloorCampaign['status'], Tone>> = {
  draft: 'muted',
  running: 'success',
  paused: 'warning',
  finished: 'muted',
};

const WINDOW_KEYS = {
  hour: 'floor.campaigns.window.hour',
  today: 'floor.campaigns.window.today',
  days30: 'floor.campaigns.window.days30',
} as const satisfies Record<(typeof ABANDON_WINDOWS)[number], MessageKey>;

/**
 * One campaign on the floor: its pacing and queue now, the abandon rates against the cap, the gate's
 * refusals today, and the supervisor's levers (pause or resume, confirmed; the cap and the ratio).
 */
@Component({
  selector: 'rc-floor-campaign',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ChipComponent, IconComponent],
  templateUrl: './floor-campaign.component.html',
  styleUrl: './floor-campaign.component.scss',
})
export class FloorCampaignComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(FloorCampaignsStore);
  readonly campaign = input.required<FloorCampaign>();

  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly percent = this.i18n.percent;
  protected readonly clock = formatClock;
  protected readonly limits = {
    capMin: bpToPercent(CAMPAIGN_LIMITS.abandonCapBp.min),
    capMax: bpToPercent(CAMPAIGN_LIMITS.abandonCapBp.max),
    ratioMin: CAMPAIGN_LIMITS.linesPerAgent.min,
    ratioMax: CAMPAIGN_LIMITS.linesPerAgent.max,
  };
  /** The action waiting for the supervisor's confirmation. */
  protected readonly confirming = signal<'pause' | 'resume' | null>(null);
  /** What the supervisor typed; null while the form shows the campaign's own values. */
  private readonly draftState = signal<PacingDraft | null>(null);

  protected readonly statusTone = computed(() => STATUS_TONES[this.campaign().status]);
  protected readonly capText = computed(() => this.percent(this.campaign().abandonCapBp / 10_000, 2));
  protected readonly abandon = computed(() => {
    const campaign = this.campaign();
    return ABANDON_WINDOWS.map((window) => {
      const rate = campaign.abandon[window];
      const level = capLevel(rate, campaign.abandonCapBp);
      return {
        window,
        label: this.t(WINDOW_KEYS[window]),
        rate,
        level,
        tone: capLevelTone(level),
        fill: Math.round(capShare(rate, campaign.abandonCapBp) * 100),
      };
    });
  });
  protected readonly abandonLevel = computed(() => worstCapLevel(this.abandon().map((row) => row.level)));
  protected readonly refusals = computed(() =>
    this.campaign().blockedByReason.map((refusal) => ({
      ...refusal,
      label: isComplianceReason(refusal.reason)
        ? this.label('complianceReason', refusal.reason)
        : refusal.reason,
    })),
  );
  protected readonly draft = computed(() => this.draftState() ?? pacingDraftOf(this.campaign()));
  protected readonly check = computed(() => checkPacing(this.campaign(), this.draft()));
  protected readonly canSave = computed(() => {
    const { problems, changes } = this.check();
    return (
      this.draftState() !== null &&
      !problems.capPercent &&
      !problems.linesPerAgent &&
      Object.keys(changes).length > 0 &&
      this.store.pendingOf(this.campaign().campaignId) === null
    );
  });
  protected readonly edited = computed(() => this.draftState() !== null);
  protected readonly editable = computed(() => this.campaign().status !== 'finished');

  protected dialLevel(value: number | null): string {
    return value === null ? '—' : formatNumber(value, this.i18n.locale(), '1.1-1');
  }

  protected problemText(problem: PacingProblem | null): string | null {
    switch (problem) {
      case null:
        return null;
      case 'required':
        return this.t('floor.campaigns.required');
      case 'capRange':
        return this.t('floor.campaigns.capRange', {
          min: formatNumber(this.limits.capMin, this.i18n.locale(), '1.0-2'),
          max: formatNumber(this.limits.capMax, this.i18n.locale(), '1.0-2'),
        });
      case 'capStep':
        return this.t('floor.campaigns.capStep');
      case 'ratioRange':
        return this.t('floor.campaigns.ratioRange', { min: this.limits.ratioMin, max: this.limits.ratioMax });
    }
  }

  protected ask(action: 'pause' | 'resume'): void {
    this.confirming.set(action);
  }

  protected confirm(): void {
    const action = this.confirming();
    if (!action) return;
    this.confirming.set(null);
    this.store.act(this.campaign().campaignId, action);
  }

  protected edit(field: keyof PacingDraft, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draftState.set({ ...this.draft(), [field]: value });
    this.store.editing(this.campaign().campaignId);
  }

  protected reset(): void {
    this.draftState.set(null);
  }

  protected save(): void {
    if (!this.canSave()) return;
    this.store.savePacing(this.campaign().campaignId, this.check().changes, () => this.draftState.set(null));
  }
}
