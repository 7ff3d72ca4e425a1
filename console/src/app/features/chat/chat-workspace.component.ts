import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ConversationDetail } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { AGREEMENT_SUBJECT, AgreementBuilderStore } from '../agent/agreement-builder.store';
import { channelIcon } from './chat-channel.util';
import { ChatOfferCardComponent } from './chat-offer-card.component';
import { ChatPanelComponent } from './chat-panel.component';
import { ChatToolsStore } from './chat-tools.store';
import { ChatWorkspaceStore } from './chat-workspace.store';

/**
 * The agent's chats beside the softphone: the offer to accept or decline, one tab per chat with its
 * unread count, and the chat in focus. Ctrl+Alt+← / → moves between chats. The agreement builder
 * here is its own, made for the focused chat's account and interaction (the call keeps the other).
 */
@Component({
  selector: 'rc-chat-workspace',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    ChatToolsStore,
    AgreementBuilderStore,
    { provide: AGREEMENT_SUBJECT, useFactory: () => inject(ChatWorkspaceStore).agreementSubject },
  ],
  imports: [MatButtonModule, ChatOfferCardComponent, ChatPanelComponent, ChipComponent, IconComponent],
  host: { '(document:keydown)': 'onKeydown($event)' },
  template: `
    <section class="rc-card rc-chat-workspace" data-testid="chat-workspace">
      <div class="rc-chat-workspace__bar">
        <rc-icon name="forum" class="rc-chat-workspace__icon" />
        <h2>{{ t('chat.title') }}</h2>
        @if (store.totalUnread() > 0) {
          <rc-chip tone="warning" data-testid="chat-total-unread">{{
            t('chat.unread', { count: number(store.totalUnread()) })
          }}</rc-chip>
        }
        @if (store.chats().length > 1) {
          <span class="rc-muted rc-chat-workspace__hint">{{ t('chat.shortcutHint') }}</span>
        }
      </div>

      @if (store.closedNotice(); as notice) {
        <div class="rc-alert rc-alert--info" role="status" data-testid="chat-closed-notice">
          <rc-icon name="info" />
          <span class="rc-alert__text">{{ label('chatClosed', notice.reason) }}</span>
          <button
            mat-icon-button
            type="button"
            [attr.aria-label]="t('common.close')"
            (click)="store.dismissClosedNotice()"
          >
            <rc-icon name="close" />
          </button>
        </div>
      }

      @if (store.error(); as error) {
        <div class="rc-alert rc-alert--danger" role="alert" data-testid="chat-error">
          <rc-icon name="error" />
          <div class="rc-alert__text">
            <strong>{{ error.headline }}</strong>
            @if (error.detail) {
              <span>{{ error.detail }}</span>
            }
          </div>
          <button
            mat-icon-button
            type="button"
            [attr.aria-label]="t('common.close')"
            (click)="store.dismissError()"
          >
            <rc-icon name="close" />
          </button>
        </div>
      }

      @if (store.offer(); as offer) {
        <rc-chat-offer-card
          [offer]="offer"
          [secondsLeft]="store.offerSecondsLeft()"
          [busy]="offerBusy()"
          (accept)="accept()"
          (decline)="decline()"
        />
      }

      @if (store.chats().length > 0) {
        <div class="rc-chat-tabs" role="tablist" [attr.aria-label]="t('chat.tabs')">
          @for (chat of store.chats(); track chat.id) {
            @let unread = store.unread(chat.id);
            <button
              type="button"
              role="tab"
              class="rc-chat-tab"
              data-testid="chat-tab"
              [attr.data-conversation-id]="chat.id"
              [attr.aria-selected]="chat.id === store.focusedId()"
              [class.rc-chat-tab--active]="chat.id === store.focusedId()"
              (click)="store.focus(chat.id)"
            >
              <rc-icon [name]="icon(chat)" />
              <span class="rc-chat-tab__name">{{ tabName(chat) }}</span>
              @if (store.isDebtorTyping(chat.id)) {
                <span class="rc-muted rc-chat-tab__typing" aria-hidden="true">…</span>
              }
              @if (unread > 0) {
                <span
                  class="rc-chat-tab__unread"
                  data-testid="chat-unread"
                  [attr.aria-label]="t('chat.unread', { count: number(unread) })"
                  >{{ number(unread) }}</span
                >
              }
            </button>
          }
        </div>
        @if (store.focused(); as chat) {
          <rc-chat-panel [chat]="chat" />
        }
      } @else if (!store.offer()) {
        <p class="rc-muted rc-chat-workspace__empty" data-testid="chat-empty">{{ t('chat.empty') }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .rc-chat-workspace {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .rc-chat-workspace__bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 10px;
      h2 {
        margin: 0;
        font-size: 15px;
        font-weight: 600;
      }
    }
    .rc-chat-workspace__icon {
      color: var(--mat-sys-on-surface-variant);
    }
    .rc-chat-workspace__hint {
      font-size: 12.5px;
    }
    .rc-chat-workspace__empty {
      margin: 0;
    }
    .rc-chat-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .rc-chat-tab {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      max-width: 240px;
      padding: 6px 10px;
      border: 0;
      border-bottom: 2px solid transparent;
      background: none;
      color: var(--mat-sys-on-surface-variant);
      font: inherit;
      cursor: pointer;
    }
    .rc-chat-tab--active {
      border-bottom-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-surface);
      font-weight: 600;
    }
    .rc-chat-tab__name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .rc-chat-tab__unread {
      min-width: 18px;
      padding: 0 5px;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: #fff;
      font-size: 11.5px;
      font-weight: 600;
      line-height: 18px;
      text-align: center;
    }
  `,
})
export class ChatWorkspaceComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(ChatWorkspaceStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;

  protected readonly offerBusy = computed(() => {
    const offer = this.store.offer();
    return (
      offer !== null &&
      (this.store.isPending('accept', offer.conversationId) ||
        this.store.isPending('decline', offer.conversationId) ||
        !this.store.connected())
    );
  });

  constructor() {
    this.store.connect();
  }

  protected icon(chat: ConversationDetail) {
    return channelIcon(chat.channel);
  }

  protected tabName(chat: ConversationDetail): string {
    return chat.account?.debtorName ?? chat.address;
  }

  protected accept(): void {
    void this.store.accept();
  }

  protected decline(): void {
    void this.store.decline();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (!event.ctrlKey || !event.altKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    this.store.focusNext(event.key === 'ArrowRight' ? 1 : -1);
  }
}
