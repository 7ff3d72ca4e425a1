import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { MESSAGE_SEND_OUTCOMES, type MessageAudience, type MessageSendOutcome } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import type { Tone } from '../../ui/tone.util';
import { MessageCampaignDetailStore, SENDS_PAGE_SIZES } from './message-campaign-detail.store';
import { audienceText, confirmCampaignAction } from './message-campaign-actions.util';
import type { CampaignAction } from './message-campaigns.store';
import { campaignActions, campaignProgress, messageCampaignTone, sendReasonText } from './messages-form.util';

const OUTCOME_TONES: Readonly<Record<MessageSendOutcome, Tone>> = {
  sent: 'success',
  blocked: 'warning',
  failed: 'danger',
};

/** One message campaign: its counts, and who it wrote to (or why not), filterable by outcome. */
@Component({
  selector: 'rc-message-campaign-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MessageCampaignDetailStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    ChipComponent,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
  ],
  templateUrl: './message-campaign-detail.component.html',
  styleUrl: './messages.component.scss',
})
export class MessageCampaignDetailComponent {
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  protected readonly store = inject(MessageCampaignDetailStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly percent = this.i18n.percent;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly outcomes = MESSAGE_SEND_OUTCOMES;
  protected readonly pageSizes = [...SENDS_PAGE_SIZES];
  protected readonly tone = messageCampaignTone;
  protected readonly actions = campaignActions;
  protected readonly progress = campaignProgress;
  protected readonly columns = ['account', 'to', 'outcome', 'reason', 'at'];

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected outcomeTone(outcome: MessageSendOutcome): Tone {
    return OUTCOME_TONES[outcome];
  }

  protected audience(audience: MessageAudience): string {
    return audienceText(audience, this.i18n);
  }

  protected reason(reason: string | null): string {
    return reason ? sendReasonText(reason, this.i18n) : '—';
  }

  protected pageChanged(event: PageEvent): void {
    this.store.page(event.pageIndex, event.pageSize);
  }

  protected confirm(action: CampaignAction): void {
    const campaign = this.store.campaign();
    if (!campaign) return;
    confirmCampaignAction(this.dialog, this.i18n, campaign, action).subscribe((confirmed) => {
      if (confirmed) this.store.act(action);
    });
  }
}
