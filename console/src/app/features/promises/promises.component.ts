import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { NotificationResponse, ReminderKind } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { ChipComponent } from '../../ui/chip.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { PromisesStore } from './promises.store';

const REMINDER_KIND_KEYS: Readonly<Record<ReminderKind, MessageKey>> = {
  before_due: 'promises.reminders.kind.before_due',
  broken_notice: 'promises.reminders.kind.broken_notice',
};

/** Avisos: the user's own notices; supervisors and managers also see the reminders due. */
@Component({
  selector: 'rc-promises',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PromisesStore],
  imports: [MatButtonModule, MatTableModule, RouterLink, ChipComponent, PageStateComponent],
  templateUrl: './promises.component.html',
})
export class PromisesComponent {
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(PromisesStore);
  protected readonly t = this.i18n.t;
  protected readonly minor = this.i18n.minor;
  protected readonly date = this.i18n.date;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly reminderColumns = ['sendAt', 'kind', 'account', 'installment'];
  protected readonly seesReminders = computed(() => this.auth.hasRole(['supervisor', 'manager', 'admin']));

  constructor() {
    void this.store.loadNotifications();
    if (this.seesReminders()) void this.store.loadReminders();
  }

  protected notificationText(notification: NotificationResponse): string {
    const p = notification.payload;
    return this.t('promises.notifications.broken', {
      account: p.accountNumber,
      seq: String(p.installmentSeq),
      amount: this.minor(p.amountMinor, p.currency),
      due: this.date(p.dueDate),
      paid: this.minor(p.paidMinor, p.currency),
    });
  }

  protected reminderKind(kind: ReminderKind): string {
    return this.t(REMINDER_KIND_KEYS[kind]);
  }
}
