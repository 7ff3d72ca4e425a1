import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { MessagingCarrierModule } from '../messaging/messaging-carrier.module';
import { WidgetAuthService } from './widget-auth.service';
import { WidgetSessionGuard } from './widget-session.guard';
import { WidgetSessionsRepository } from './widget-sessions.repository';
import { WidgetController } from './widget.controller';
import { WidgetGateway } from './widget.gateway';
import { WidgetService } from './widget.service';

/** The debtor's web chat widget: identification by one-time code, its session, the /widget socket. */
@Module({
  imports: [ConversationsModule, MessagingCarrierModule],
  controllers: [WidgetController],
  providers: [WidgetSessionsRepository, WidgetAuthService, WidgetSessionGuard, WidgetService, WidgetGateway],
})
export class WidgetModule {}
