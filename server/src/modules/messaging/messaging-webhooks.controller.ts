import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth-metadata.util';
import { MessagingSignatureGuard } from './messaging-signature.guard';
import { MessagingWebhooksService } from './messaging-webhooks.service';

/** Twilio Messaging's webhooks (inbound messages, delivery reports): admitted only when signed. */
@ApiExcludeController()
@Controller('webhooks/twilio/messages')
@UseGuards(MessagingSignatureGuard)
export class MessagingWebhooksController {
  constructor(private readonly webhooks: MessagingWebhooksService) {}

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @Public()
  async inbound(@Body() params: Record<string, unknown>): Promise<string> {
    await this.webhooks.inbound(params, new Date());
    // Replies go through the REST API (they pass the same checks), so the answer says nothing.
    return '<Response/>';
  }

  @Post('status')
  @HttpCode(204)
  @Public()
  status(@Body() params: Record<string, unknown>): Promise<void> {
    return this.webhooks.status(params, new Date());
  }
}
