import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { VoiceTokenResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { VoiceTokenService } from './voice-token.service';

@ApiTags('telephony')
@ApiBearerAuth()
@Controller('telephony')
export class VoiceTokenController {
  constructor(private readonly tokens: VoiceTokenService) {}

  /** How this user's softphone carries audio; with Twilio, a token for the browser SDK. */
  @Get('voice-token')
  @Roles('agent', 'supervisor')
  voiceToken(@CurrentUser() user: AuthUser): VoiceTokenResponse {
    return this.tokens.issue(user.id);
  }
}
