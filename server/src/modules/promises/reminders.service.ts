import { Injectable } from '@nestjs/common';
import type { ReminderResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { TeamsService } from '../teams/teams.service';
import type { ReminderListQueryDto } from './promises.dto';
import { RemindersRepository } from './reminders.repository';

const LIMIT = 500;

/** The reminders a supervisor's teams owe their debtors (every team's for managers and admins). */
@Injectable()
export class RemindersService {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly teams: TeamsService,
  ) {}

  async list(user: AuthUser, query: ReminderListQueryDto): Promise<ReminderResponse[]> {
    return this.reminders.list(await this.teams.visibleTeamIds(user), query.status, LIMIT);
  }
}
