import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MESSAGE_CAMPAIGNS_QUEUE } from '@recupera/shared';
import { ComplianceModule } from '../compliance/compliance.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { MessagingCarrierModule } from '../messaging/messaging-carrier.module';
import { ScriptsModule } from '../scripts/scripts.module';
import { TeamsModule } from '../teams/teams.module';
import { DirectMessagesRepository } from './direct-messages.repository';
import { DirectMessagesService } from './direct-messages.service';
import { MessageCampaignProcessor } from './message-campaign.processor';
import { MessageCampaignRunnerService } from './message-campaign-runner.service';
import { MessageCampaignsController } from './message-campaigns.controller';
import { MessageCampaignsRepository } from './message-campaigns.repository';
import { MessageCampaignsService } from './message-campaigns.service';
import { MessageDispatchRepository } from './message-dispatch.repository';
import { MessageDispatchService } from './message-dispatch.service';
import { MessagePacerService } from './message-pacer.service';
import { MessageTemplatesController } from './message-templates.controller';
import { MessageTemplatesRepository } from './message-templates.repository';
import { MessageTemplatesService } from './message-templates.service';
import { MessagesController } from './messages.controller';

/**
 * Outbound messages: templates with script fields, message campaigns (BullMQ, resumable), an agent's
 * single message, and the one dispatch path (gate, WhatsApp's rules, interaction, carrier, thread)
 * the payment reminders also take.
 */
@Module({
  imports: [
    ComplianceModule,
    ConversationsModule,
    MessagingCarrierModule,
    ScriptsModule,
    TeamsModule,
    BullModule.registerQueue({ name: MESSAGE_CAMPAIGNS_QUEUE }),
  ],
  controllers: [MessageTemplatesController, MessageCampaignsController, MessagesController],
  providers: [
    MessageTemplatesRepository,
    MessageTemplatesService,
    MessageCampaignsRepository,
    MessageCampaignsService,
    MessageCampaignRunnerService,
    MessageCampaignProcessor,
    MessageDispatchRepository,
    MessageDispatchService,
    MessagePacerService,
    DirectMessagesRepository,
    DirectMessagesService,
  ],
  exports: [MessageDispatchService, MessageTemplatesService],
})
export class MessageCampaignsModule {}
