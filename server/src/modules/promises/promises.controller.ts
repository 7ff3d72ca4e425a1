import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { ReminderListQueryDto } from './promises.dto';
import { RemindersService } from './reminders.service';

@ApiTags('promises')
@ApiBearerAuth()
@Controller('promises')
export class PromisesController {
  constructor(private readonly reminders: RemindersService) {}

  /** Payment reminders: due, sent, or blocked or failed with the reason. */
  @Get('reminders')
  @Roles('supervisor', 'manager', 'admin')
  listReminders(@CurrentUser() user: AuthUser, @Query() query: ReminderListQueryDto) {
    return this.reminders.list(user, query);
  }
}
