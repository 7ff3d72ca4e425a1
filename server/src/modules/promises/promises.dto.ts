import { REMINDER_STATUSES, type ReminderListQuery, type ReminderStatus } from '@recupera/shared';
import { IsIn, IsOptional } from 'class-validator';

export class ReminderListQueryDto implements ReminderListQuery {
  @IsOptional() @IsIn(REMINDER_STATUSES) status?: ReminderStatus;
}
