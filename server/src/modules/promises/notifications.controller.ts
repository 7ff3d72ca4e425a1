import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { NotificationsService } from './notifications.service';

/** Every role has a list of its own; nobody reads another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...ROLES)
  list(@CurrentUser() user: AuthUser) {
    return this.notifications.list(user);
  }

  @Post('read-all')
  @HttpCode(200)
  @Roles(...ROLES)
  readAll(@CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Roles(...ROLES)
  read(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.notifications.markRead(user, id);
  }
}
