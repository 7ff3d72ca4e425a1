import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth-metadata.util';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioAgentQueryDto, TwilioCallQueryDto } from './twilio-webhooks.dto';
import { TwilioWebhooksService } from './twilio-webhooks.service';

/** Twilio's voice webhooks: public to our users, admitted only with Twilio's signature. */
@ApiExcludeController()
@Controller('telephony/twilio/voice')
@UseGuards(TwilioSignatureGuard)
export class TwilioWebhooksController {
  constructor(private readonly webhooks: TwilioWebhooksService) {}

  @Post('answer')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @Public()
  answer(@Query() _query: TwilioCallQueryDto) {
    return this.webhooks.answer();
  }

  @Post('status')
  @HttpCode(204)
  @Public()
  status(@Query() { callId }: TwilioCallQueryDto, @Body() params: Record<string, string>) {
    return this.webhooks.receive('status', callId, params);
  }

  @Post('amd')
  @HttpCode(204)
  @Public()
  amd(@Query() { callId }: TwilioCallQueryDto, @Body() params: Record<string, string>) {
    return this.webhooks.receive('amd', callId, params);
  }

  @Post('agent')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @Public()
  agent(@Query() { agentId }: TwilioAgentQueryDto, @Body() params: Record<string, string>) {
    return this.webhooks.agent(agentId ?? null, params);
  }
}
