import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConsentRepository } from './consent.repository';
import { MessagingCarrierModule } from './messaging-carrier.module';
import { MessagingSignatureGuard } from './messaging-signature.guard';
import { MessagingWebhooksController } from './messaging-webhooks.controller';
import { MessagingWebhooksService } from './messaging-webhooks.service';

/** SMS and WhatsApp in: signed webhooks, opt-out keywords as consent per channel, delivery reports. */
@Module({
  imports: [MessagingCarrierModule, ConversationsModule],
  controllers: [MessagingWebhooksController],
  providers: [ConsentRepository, MessagingSignatureGuard, MessagingWebhooksService],
})
export class MessagingModule {}
