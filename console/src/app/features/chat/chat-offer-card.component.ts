import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ChatOffer } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { channelIcon } from './chat-channel.util';

/** A waiting chat offered to the agent: who writes, what they wrote, and the time left to take it. */
@Component({
  selector: 'rc-chat-offer-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    @let o = offer();
    <article
      class="rc-chat-offer"
      role="alert"
      data-testid="chat-offer"
      [attr.data-conversation-id]="o.conversationId"
    >
      <rc-icon [name]="icon()" class="rc-chat-offer__icon" />
      <div class="rc-chat-offer__main">
        <span class="rc-overline"
          >{{ t('chat.offer.title') }} · {{ label('channel', o.channel) }} ·
          {{ label('chatQueue', o.queue) }}</span
        >
        <strong data-testid="chat-offer-debtor">{{
          o.account?.debtorName ?? t('chat.offer.unknown')
        }}</strong>
        @if (o.account; as account) {
          <span class="rc-muted rc-mono">{{ account.accountNumber }} · {{ money(account.balance) }}</span>
        }
        <q class="rc-chat-offer__preview" data-testid="chat-offer-preview">{{
          o.preview || t('chat.offer.noPreview')
        }}</q>
      </div>
      <div class="rc-chat-offer__side">
        <span
          class="rc-mono"
          data-testid="chat-offer-countdown"
          [class.rc-text--danger]="secondsLeft() <= 5"
          >{{ t('chat.offer.expires', { seconds: secondsLeft() }) }}</span
        >
        <div class="rc-chat-offer__actions">
          <button
            mat-stroked-button
            type="button"
            data-testid="chat-offer-decline"
            [disabled]="busy()"
            (click)="decline.emit()"
          >
            {{ t('chat.offer.decline') }}
          </button>
          <button
            mat-flat-button
            type="button"
            data-testid="chat-offer-accept"
            [disabled]="busy() || secondsLeft() === 0"
            (click)="accept.emit()"
          >
            {{ t('chat.offer.accept') }}
          </button>
        </div>
      </div>
    </article>
  `,
  styles: `
    .rc-chat-offer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 20px;
      padding: 12px 14px;
      border: 1px solid #c5d9f1;
      border-radius: 10px;
      background: #f1f6fd;
    }
    .rc-chat-offer__icon {
      color: var(--mat-sys-primary);
    }
    .rc-chat-offer__main {
      display: flex;
      flex: 1 1 260px;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .rc-chat-offer__preview {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .rc-chat-offer__side {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 6px;
    }
    .rc-chat-offer__actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class ChatOfferCardComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly money = this.i18n.money;

  readonly offer = input.required<ChatOffer>();
  readonly secondsLeft = input.required<number>();
  /** An answer to the offer is on its way. */
  readonly busy = input(false);
  readonly accept = output();
  readonly decline = output();

  protected readonly icon = computed(() => channelIcon(this.offer().channel));
}
