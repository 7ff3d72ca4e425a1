import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { WidgetAccountView, WidgetSnapshot } from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import type { WidgetSessionRef } from '../conversations/conversation-ports.type';
import { ConversationsService } from '../conversations/conversations.service';
import { WidgetEventsService } from '../conversations/widget-events.service';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { WidgetSessionsRepository } from './widget-sessions.repository';

/** What a verified debtor sees in the widget: their accounts at that client, open agreements, the chat. */
@Injectable()
export class WidgetService implements OnModuleInit {
  constructor(
    private readonly sessions: WidgetSessionsRepository,
    private readonly conversations: ConversationsService,
    private readonly widgets: WidgetEventsService,
    private readonly lifecycle: LifecycleEvents,
    private readonly audit: AuditService,
  ) {}

  /** An agreement the agent made in the chat shows in the debtor's widget the moment it is active. */
  onModuleInit(): void {
    this.lifecycle.on('agreement.activated', async ({ accountId, agreementId }) => {
      const sessionId = await this.sessions.openWebchatSessionOf(accountId);
      if (!sessionId) return;
      const session = await this.sessions.sessionOf(sessionId);
      if (!session) return;
      const [agreement] = await this.sessions.agreements(session, agreementId);
      if (agreement) this.widgets.toSession(sessionId, 'widget.agreement', agreement);
    });
  }

  async snapshot(session: WidgetSessionRef): Promise<WidgetSnapshot> {
    const [debtorName, accounts, agreements, conversation] = await Promise.all([
      this.sessions.debtorName(session.debtorId),
      this.sessions.accounts(session),
      this.sessions.agreements(session),
      this.conversations.widgetConversation(session),
    ]);
    return { debtorName, accounts, agreements, conversation };
  }

  /** One of the debtor's accounts; another debtor's is refused, and the attempt audited. */
  async account(session: WidgetSessionRef, accountId: string, ip: string | null): Promise<WidgetAccountView> {
    const [account] = await this.sessions.accounts(session, accountId);
    if (account) return account;
    await this.audit.record({
      actor: null,
      action: 'widget.account_refused',
      entityType: 'account',
      entityId: accountId,
      after: { widgetSessionId: session.sessionId },
      ip,
    });
    throw AppException.forbidden('That account is not yours');
  }
}
