import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MESSAGE_SENDER_ROLES } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { DirectMessagesService } from './direct-messages.service';
import { OutboundMessageDto } from './message-campaigns.dto';

/** An SMS or WhatsApp to one debtor: agents to their own accounts, supervisors to their teams'. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: DirectMessagesService) {}

  @Post()
  @Roles(...MESSAGE_SENDER_ROLES)
  send(@CurrentUser() user: AuthUser, @Body() dto: OutboundMessageDto, @ClientIp() ip: string | null) {
    return this.messages.send(user, dto, ip);
  }
}
