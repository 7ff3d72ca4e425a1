import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { MessageAudience, MessageCampaignView } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { audienceText, confirmCampaignAction } from './message-campaign-actions.util';
import { MessageCampaignsStore, type CampaignAction } from './message-campaigns.store';
import { AUDIENCE_KINDS, campaignActions, campaignProgress, messageCampaignTone } from './messages-form.util';

/** A running campaign's counts move while it sends: the list asks again this often. */
export const CAMPAIGN_POLL_MS = 5_000;

@Component({
  selector: 'rc-message-campaigns',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MessageCampaignsStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './message-campaigns.component.html',
  styleUrl: './messages.component.scss',
})
export class MessageCampaignsComponent {
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  protected readonly store = inject(MessageCampaignsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly percent = this.i18n.percent;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly kinds = AUDIENCE_KINDS;
  protected readonly tone = messageCampaignTone;
  protected readonly actions = campaignActions;
  protected readonly progress = campaignProgress;
  protected readonly columns = ['name', 'template', 'audience', 'status', 'progress', 'actions'];

  constructor() {
    this.store.load();
    let timer: ReturnType<typeof setInterval> | null = null;
    effect(() => {
      const running = this.store.anyRunning();
      if (running && !timer) timer = setInterval(() => this.store.refresh(), CAMPAIGN_POLL_MS);
      if (!running && timer) {
        clearInterval(timer);
        timer = null;
      }
    });
    inject(DestroyRef).onDestroy(() => {
      if (timer) clearInterval(timer);
    });
  }

  protected audience(audience: MessageAudience): string {
    return audienceText(audience, this.i18n);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected confirm(campaign: MessageCampaignView, action: CampaignAction): void {
    confirmCampaignAction(this.dialog, this.i18n, campaign, action).subscribe((confirmed) => {
      if (confirmed) this.store.act(campaign, action);
    });
  }

  protected create(): void {
    this.store.create((created) => void this.router.navigate(['/messages/campaigns', created.id]));
  }
}
