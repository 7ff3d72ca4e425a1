import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CannedResponsesModule } from '../canned-responses/canned-responses.module';
import { DialerModule } from '../dialer/dialer.module';
import { MessagingCarrierModule } from '../messaging/messaging-carrier.module';
import { TeamsModule } from '../teams/teams.module';
import { ChatDeskService } from './chat-desk.service';
import { ChatQueueService } from './chat-queue.service';
import { ChatRouterService } from './chat-router.service';
import { ConversationPartiesRepository } from './conversation-parties.repository';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { WidgetEventsService } from './widget-events.service';

/**
 * Conversations on web chat, SMS and WhatsApp: their threads, the chat queue that offers them to
 * agents with room (blending with the dialer), and the agent's and the debtor's side of each.
 */
@Module({
  imports: [AccountsModule, TeamsModule, DialerModule, MessagingCarrierModule, CannedResponsesModule],
  controllers: [ConversationsController],
  providers: [
    ConversationsRepository,
    ConversationPartiesRepository,
    ChatRouterService,
    ChatQueueService,
    ConversationsService,
    ChatDeskService,
    WidgetEventsService,
  ],
  exports: [ConversationsService, ChatDeskService, WidgetEventsService],
})
export class ConversationsModule {}
