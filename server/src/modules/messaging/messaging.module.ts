import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { MessagingCarrierModule } from './messaging-carrier.module';
import { MessagingSignatureGuard } from './messaging-signature.guard';
import { MessagingWebhooksController } from './messaging-webhooks.controller';
import { MessagingWebhooksService } from './messaging-webhooks.service';

/** SMS and WhatsApp in: signed webhooks, opt-out keywords as consent per channel, delivery reports. */
@Module({
  imports: [MessagingCarrierModule, ConversationsModule, ComplianceModule],
  controllers: [MessagingWebhooksController],
  providers: [MessagingSignatureGuard, MessagingWebhooksService],
  // The demo's simulated debtors text in through the same inbound path.
  exports: [MessagingWebhooksService],
})
export class MessagingModule {}
