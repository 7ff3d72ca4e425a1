import { Location } from '@angular/common';
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
import { MESSAGE_SENDER_ROLES } from '@recupera/shared';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { AgreementDocumentButtonComponent } from '../promises/agreement-document-button.component';
import { accountStatusTone, agingTone, agreementTone, installmentTone } from '../../ui/tone.util';
import { AccountDetailStore } from './account-detail.store';
import { AccountChargesComponent } from '../charges/account-charges.component';
import { interactionIcon } from '../chat/chat-channel.util';
import { ConversationTranscriptComponent } from '../chat/conversation-transcript.component';
import { AuthStore } from '../../core/auth/auth.store';
import { AccountMessageComponent } from './account-message.component';

@Component({
  selector: 'rc-account-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AccountDetailStore],
  imports: [
    AccountChargesComponent,
    AccountMessageComponent,
    MatButtonModule,
    MatExpansionModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    ChipComponent,
    IconComponent,
    PageStateComponent,
    AgreementDocumentButtonComponent,
    ConversationTranscriptComponent,
  ],
  templateUrl: './account-detail.component.html',
  styleUrl: './account-detail.component.scss',
})
export class AccountDetailComponent {
  private readonly location = inject(Location);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(AccountDetailStore);
  /** Who may write to the debtor from here (the server enforces the same roles). */
  protected readonly canMessage = computed(() => this.auth.hasRole(MESSAGE_SENDER_ROLES));
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly money = this.i18n.money;
  protected readonly date = this.i18n.date;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly number = this.i18n.number;
  protected readonly duration = this.i18n.duration;
  protected readonly agingTone = agingTone;
  protected readonly statusTone = accountStatusTone;
  protected readonly agreementTone = agreementTone;
  protected readonly installmentTone = installmentTone;
  protected readonly channelIcon = interactionIcon;
  /** Conversations of the timeline the reader opened (their transcript loads when opened). */
  private readonly openConversations = signal<ReadonlySet<string>>(new Set());

  protected readonly contactColumns = ['type', 'value', 'validity', 'consent', 'doNotContact'];
  protected readonly installmentColumns = ['seq', 'dueDate', 'amount', 'paid', 'status'];
  protected readonly paymentColumns = ['paidAt', 'amount', 'channel', 'reference', 'status'];

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected isOpen(conversationId: string): boolean {
    return this.openConversations().has(conversationId);
  }

  protected toggleConversation(conversationId: string): void {
    this.openConversations.update((open) => {
      const next = new Set(open);
      if (!next.delete(conversationId)) next.add(conversationId);
      return next;
    });
  }

  protected back(): void {
    this.location.back();
  }
}
