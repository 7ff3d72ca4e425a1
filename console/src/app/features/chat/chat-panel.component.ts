import { formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ChatMessageView, ConversationDetail } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { IconName } from '../../ui/icons.constant';
import { IconComponent } from '../../ui/icon.component';
import { AgreementBuilderComponent } from '../agent/agreement-builder.component';
import { channelIcon } from './chat-channel.util';
import { ChatComposerComponent } from './chat-composer.component';
import { deliveryTicks, showsDelivery, type DeliveryTicks } from './chat-thread.util';
import { ChatToolsStore } from './chat-tools.store';
import { ChatWorkspaceStore } from './chat-workspace.store';
import { ChatWrapUpComponent } from './chat-wrap-up.component';

export type ChatTool = 'canned' | 'agreement' | 'match' | 'transfer' | 'wrap-up';

const TICK_ICONS: Readonly<Record<DeliveryTicks, IconName | null>> = {
  pending: 'schedule',
  sent: 'done',
  delivered: 'doneAll',
  read: 'doneAll',
  failed: 'error',
  none: null,
};

/** Typing in the match search waits this long before asking the server. */
const MATCH_DEBOUNCE_MS = 300;

/**
 * One chat: whose account it is, the thread with each message's delivery, the debtor typing, the
 * composer, and the tools (canned responses, the agreement builder, matching an unknown number,
 * a transfer, the wrap-up that closes it).
 */
@Component({
  selector: 'rc-chat-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    AgreementBuilderComponent,
    ChatComposerComponent,
    ChatWrapUpComponent,
    IconComponent,
  ],
  templateUrl: './chat-panel.component.html',
  styleUrl: './chat-panel.component.scss',
})
export class ChatPanelComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(ChatWorkspaceStore);
  protected readonly tools = inject(ChatToolsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly money = this.i18n.money;
  protected readonly number = this.i18n.number;

  readonly chat = input.required<ConversationDetail>();

  private readonly chatId = computed(() => this.chat().id);
  /** The tool open beside the thread; another chat starts with none. */
  protected readonly tool = linkedSignal<string, ChatTool | null>({
    source: this.chatId,
    computation: () => null,
  });
  protected readonly transferTo = linkedSignal<string, string | null>({
    source: this.chatId,
    computation: () => null,
  });
  protected readonly matchText = signal('');
  private matchTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly thread = viewChild<ElementRef<HTMLElement>>('thread');

  protected readonly icon = computed(() => channelIcon(this.chat().channel));
  protected readonly delivery = computed(() => showsDelivery(this.chat().channel));
  protected readonly templateRequired = computed(() => this.store.isTemplateRequired(this.chat()));
  protected readonly hasAccount = computed(() => this.chat().account !== null);

  constructor() {
    // New messages scroll into view (the thread is the only scrolling part of the panel).
    afterRenderEffect(() => {
      const count = this.chat().messages.length;
      const element = this.thread()?.nativeElement;
      if (element && count > 0) element.scrollTop = element.scrollHeight;
    });
    inject(DestroyRef).onDestroy(() => {
      if (this.matchTimer) clearTimeout(this.matchTimer);
    });
  }

  protected toggle(tool: ChatTool): void {
    const next = this.tool() === tool ? null : tool;
    this.tool.set(next);
    if (next === 'canned' && this.hasAccount()) this.tools.loadCanned(this.chatId());
    if (next === 'transfer') this.tools.loadTeam();
  }

  protected time(message: ChatMessageView): string {
    return formatDate(message.at, 'shortTime', this.i18n.locale());
  }

  protected author(message: ChatMessageView): string {
    switch (message.author) {
      case 'debtor':
        return this.chat().account?.debtorName ?? this.t('chat.author.debtor');
      case 'agent':
        return message.agentName ?? this.t('chat.author.you');
      case 'system':
        return this.t('chat.author.system');
    }
  }

  protected tickIcon(message: ChatMessageView): IconName | null {
    return TICK_ICONS[deliveryTicks(message.status)];
  }

  protected ticks(message: ChatMessageView): DeliveryTicks {
    return deliveryTicks(message.status);
  }

  protected edit(text: string): void {
    this.store.edit(this.chatId(), text);
  }

  protected send(): void {
    void this.store.send(this.chatId());
  }

  protected insert(text: string): void {
    this.store.insert(this.chatId(), text);
    this.tool.set(null);
  }

  protected searchAccounts(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.matchText.set(text);
    if (this.matchTimer) clearTimeout(this.matchTimer);
    this.matchTimer = setTimeout(() => this.tools.searchAccounts(text), MATCH_DEBOUNCE_MS);
  }

  protected async match(accountId: string): Promise<void> {
    if (await this.store.match(this.chatId(), accountId)) this.tool.set(null);
  }

  protected async transfer(): Promise<void> {
    const to = this.transferTo();
    if (to) await this.store.transfer(this.chatId(), to);
  }
}
