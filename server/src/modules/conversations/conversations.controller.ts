import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { CannedResponsesService } from '../canned-responses/canned-responses.service';
import { ChatDeskService } from './chat-desk.service';

/** A conversation's thread, for the account page and the chat workspace. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly desk: ChatDeskService,
    private readonly canned: CannedResponsesService,
  ) {}

  @Get(':id')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  detail(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.desk.detail(user, id);
  }

  /** The canned responses, filled in with this conversation's debtor and account. */
  @Get(':id/canned-responses')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  async cannedResponses(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    const detail = await this.desk.detail(user, id);
    if (!detail.account) return [];
    return this.canned.renderedFor(detail.account.accountId, await this.desk.clientOf(id), user.id);
  }
}
