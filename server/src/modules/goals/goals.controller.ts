import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { GoalListQueryDto, SetGoalDto } from './goals.dto';
import { GoalsService } from './goals.service';

@ApiTags('goals')
@ApiBearerAuth()
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @Roles('manager', 'admin', 'supervisor')
  list(@Query() query: GoalListQueryDto) {
    return this.goals.list(query);
  }

  @Put()
  @Roles('manager', 'admin')
  set(@CurrentUser() user: AuthUser, @Body() dto: SetGoalDto, @ClientIp() ip: string | null) {
    return this.goals.set(user, dto, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('manager', 'admin')
  remove(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.goals.remove(user, id, ip);
  }
}
