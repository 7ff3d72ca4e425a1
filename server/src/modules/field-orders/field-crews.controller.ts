import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { SetCrewRoutesDto } from './utility-rules.dto';
import { UtilityRulesService } from './utility-rules.service';

@ApiTags('field-orders')
@ApiBearerAuth()
@Controller('field-crews')
export class FieldCrewsController {
  constructor(private readonly utility: UtilityRulesService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list() {
    return this.utility.crews();
  }

  @Put(':id/routes')
  @Roles('supervisor', 'manager', 'admin')
  setRoutes(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: SetCrewRoutesDto,
    @ClientIp() ip: string | null,
  ) {
    return this.utility.setCrewRoutes(user, id, dto, ip);
  }
}
