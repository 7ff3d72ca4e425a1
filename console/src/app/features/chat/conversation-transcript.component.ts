import { formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { ChatMessageView, ConversationDetail } from '@recupera/shared';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChatsService } from './chats.service';

/** A conversation's messages, read-only, as the account timeline shows them once asked. */
@Component({
  selector: 'rc-conversation-transcript',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().loading) {
      <p class="rc-muted" role="status">{{ t('common.loading') }}</p>
    } @else if (error(); as message) {
      <p class="rc-text--danger" role="alert">{{ message }}</p>
    } @else if (detail(); as conversation) {
      <ol class="rc-transcript" data-testid="conversation-transcript">
        @for (message of conversation.messages; track message.id) {
          <li
            class="rc-transcript__message"
            data-testid="conversation-message"
            [attr.data-author]="message.author"
            [class.rc-transcript__message--agent]="message.author === 'agent'"
            [class.rc-transcript__message--system]="message.author === 'system'"
          >
            <span class="rc-muted rc-transcript__meta"
              >{{ author(message) }} · {{ time(message) }}
              @if (message.author === 'agent' && conversation.channel !== 'webchat') {
                · {{ label('messageStatus', message.status) }}
              }
            </span>
            <span class="rc-transcript__body">{{ message.body }}</span>
          </li>
        } @empty {
          <li class="rc-muted">{{ t('chat.timeline.empty') }}</li>
        }
      </ol>
    }
  `,
  styles: `
    .rc-transcript {
      display: flex;
      flex-direction: column;
      gap: 6px;
      max-height: 320px;
      margin: 8px 0 0;
      padding: 8px;
      overflow-y: auto;
      border-radius: 8px;
      background: #fafbfc;
      list-style: none;
    }
    .rc-transcript__message {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .rc-transcript__message--agent {
      align-items: flex-end;
      text-align: right;
    }
    .rc-transcript__message--system {
      align-items: center;
      font-style: italic;
    }
    .rc-transcript__meta {
      font-size: 11.5px;
    }
    .rc-transcript__body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ConversationTranscriptComponent {
  private readonly api = inject(ChatsService);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;

  readonly conversationId = input.required<string>();
  /** The debtor's name, for their lines. */
  readonly debtorName = input<string | null>(null);

  protected readonly state = signal<RequestState<ConversationDetail>>(idle());
  protected readonly detail = computed(() => this.state().data);
  protected readonly error = computed(() => this.i18n.error(this.state().error));

  constructor() {
    effect(() => {
      const id = this.conversationId();
      untracked(() => this.load(id));
    });
  }

  protected author(message: ChatMessageView): string {
    switch (message.author) {
      case 'debtor':
        return this.debtorName() ?? this.t('chat.author.debtor');
      case 'agent':
        return message.agentName ?? this.t('chat.author.agent');
      case 'system':
        return this.t('chat.author.system');
    }
  }

  protected time(message: ChatMessageView): string {
    return formatDate(message.at, 'short', this.i18n.locale());
  }

  private load(id: string): void {
    this.state.set(loading(idle()));
    this.api.conversation(id).subscribe({
      next: (detail) => {
        if (this.conversationId() === id) this.state.set(loaded(detail));
      },
      error: (error: unknown) => {
        if (this.conversationId() === id) this.state.update((state) => failed(state, toApiError(error)));
      },
    });
  }
}
