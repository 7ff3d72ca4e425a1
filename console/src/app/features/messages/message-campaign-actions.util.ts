import type { MatDialog } from '@angular/material/dialog';
import type { MessageAudience, MessageCampaignView } from '@recupera/shared';
import type { Observable } from 'rxjs';
import type { I18nService } from '../../core/i18n/i18n.service';
import {
  CampaignConfirmDialogComponent,
  type CampaignConfirmData,
} from '../campaigns/campaign-confirm-dialog.component';
import type { CampaignAction } from './message-campaigns.store';

/** Words an audience, e.g. "Vencen en 3 días". */
export function audienceText(audience: MessageAudience, i18n: Pick<I18nService, 't'>): string {
  switch (audience.kind) {
    case 'due_in_days':
      return i18n.t('messages.audience.text.due_in_days', { days: audience.days });
    case 'installment_due_in_days':
      return i18n.t('messages.audience.text.installment_due_in_days', { days: audience.days });
    case 'broken_agreements':
      return i18n.t('messages.audience.text.broken_agreements');
    case 'past_due':
      return audience.maxDaysPastDue === undefined
        ? i18n.t('messages.audience.text.past_due', { min: audience.minDaysPastDue })
        : i18n.t('messages.audience.text.past_due_range', {
            min: audience.minDaysPastDue,
            max: audience.maxDaysPastDue,
          });
  }
}

/** Starting writes to every debtor of the audience, cancelling stops it for good: both are asked first. */
export function confirmCampaignAction(
  dialog: MatDialog,
  i18n: Pick<I18nService, 't' | 'label'>,
  campaign: MessageCampaignView,
  action: CampaignAction,
): Observable<boolean | undefined> {
  const data: CampaignConfirmData = {
    title: i18n.t(`messages.campaigns.confirm.${action}.title`, { name: campaign.name }),
    message: i18n.t(`messages.campaigns.confirm.${action}.text`, { count: campaign.counts.selected }),
    confirmLabel: i18n.label('messageCampaignAction', action),
    danger: action === 'cancel',
  };
  return dialog
    .open<CampaignConfirmDialogComponent, CampaignConfirmData, boolean>(CampaignConfirmDialogComponent, {
      data,
      width: '440px',
    })
    .afterClosed();
}
