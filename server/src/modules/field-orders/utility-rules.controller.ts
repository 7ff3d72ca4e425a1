import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { ClientIdParamDto, ImportUtilityBillsDto, SetUtilityRulesDto } from './utility-rules.dto';
import { UtilityRulesService } from './utility-rules.service';

@ApiTags('field-orders')
@ApiBearerAuth()
@Controller()
export class UtilityRulesController {
  constructor(private readonly utility: UtilityRulesService) {}

  @Get('utility-rules/:clientId')
  @Roles('supervisor', 'manager', 'admin')
  get(@Param() { clientId }: ClientIdParamDto) {
    return this.utility.get(clientId);
  }

  @Put('utility-rules/:clientId')
  @Roles('manager', 'admin')
  set(
    @CurrentUser() user: AuthUser,
    @Param() { clientId }: ClientIdParamDto,
    @Body() dto: SetUtilityRulesDto,
    @ClientIp() ip: string | null,
  ) {
    return this.utility.set(user, clientId, dto, ip);
  }

  @Post('utility-bills')
  @HttpCode(200)
  @Roles('manager', 'admin')
  importBills(
    @CurrentUser() user: AuthUser,
    @Body() dto: ImportUtilityBillsDto,
    @ClientIp() ip: string | null,
  ) {
    return this.utility.importBills(user, dto, ip);
  }
}
