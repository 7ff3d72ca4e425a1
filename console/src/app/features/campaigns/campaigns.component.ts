import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { CampaignAction, CampaignResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import {
  CampaignConfirmDialogComponent,
  type CampaignConfirmData,
} from './campaign-confirm-dialog.component';
import { availableActions, campaignStatusTone } from './campaign-form.util';
import { CampaignsStore } from './campaigns.store';

@Component({
  selector: 'rc-campaigns',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CampaignsStore],
  imports: [
    MatButtonModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './campaigns.component.html',
  styles: `
    .rc-campaign-actions {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class CampaignsComponent {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(CampaignsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly tone = campaignStatusTone;
  protected readonly actions = availableActions;
  protected readonly columns = ['name', 'portfolio', 'dialMode', 'teams', 'status', 'actions'];

  constructor() {
    this.store.load();
  }

  protected teamNames(campaign: CampaignResponse): string {
    return campaign.teams.map((team) => team.name).join(', ') || '—';
  }

  protected confirm(campaign: CampaignResponse, action: CampaignAction): void {
    const data: CampaignConfirmData = {
      title: this.t(`campaigns.confirm.${action}.title`, { name: campaign.name }),
      message: this.t(`campaigns.confirm.${action}.text`),
      confirmLabel: this.label('campaignAction', action),
      danger: action === 'finish',
    };
    this.dialog
      .open<CampaignConfirmDialogComponent, CampaignConfirmData, boolean>(CampaignConfirmDialogComponent, {
        data,
        width: '440px',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.store.act(campaign, action, (updated) =>
          this.snackBar.open(
            this.t('campaigns.statusChanged', {
              name: updated.name,
              status: this.label('campaignStatus', updated.status),
            }),
            undefined,
            { duration: 3000 },
          ),
        );
      });
  }
}
