import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { CreateTeamDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser) {
    return this.teams.list(user);
  }

  /** Agents read their own team's (to hand a chat to a teammate); the service scopes every role. */
  @Get(':id/roster')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  roster(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.teams.roster(user, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateTeamDto, @ClientIp() ip: string | null) {
    return this.teams.create(actor, dto, ip);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @CurrentUser() actor: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: UpdateTeamDto,
    @ClientIp() ip: string | null,
  ) {
    return this.teams.update(actor, id, dto, ip);
  }
}
