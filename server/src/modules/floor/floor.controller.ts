import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { FloorService } from './floor.service';

@ApiTags('floor')
@ApiBearerAuth()
@Controller('campaigns')
export class FloorController {
  constructor(private readonly floor: FloorService) {}

  /** The campaign's hopper, lines, answer and abandon rates and the pacer's last decision. */
  @Get(':id/live')
  @Roles('supervisor', 'manager', 'admin')
  live(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.floor.campaignLive(user, id);
  }
}
