import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { ChargeSettingsService } from './charge-settings.service';
import {
  ChargeRuleListQueryDto,
  FeeScheduleParamDto,
  JurisdictionParamDto,
  SaveChargeRuleDto,
  SaveFeeScheduleDto,
  SaveInterestCapDto,
} from './charges.dto';

@ApiTags('charges')
@ApiBearerAuth()
@Controller('charges')
export class ChargeSettingsController {
  constructor(private readonly settings: ChargeSettingsService) {}

  @Get('rules')
  @Roles('admin', 'manager')
  rules(@Query() { clientId }: ChargeRuleListQueryDto) {
    return this.settings.rules(clientId ?? null);
  }

  @Put('rules')
  @Roles('admin')
  saveRule(@CurrentUser() user: AuthUser, @Body() dto: SaveChargeRuleDto, @ClientIp() ip: string | null) {
    return this.settings.saveRule(user, dto, ip);
  }

  @Delete('rules/:id')
  @HttpCode(204)
  @Roles('admin')
  deleteRule(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.settings.deleteRule(user, id, ip);
  }

  @Get('caps')
  @Roles('admin', 'manager')
  caps() {
    return this.settings.caps();
  }

  @Put('caps/:jurisdiction')
  @Roles('admin')
  saveCap(
    @CurrentUser() user: AuthUser,
    @Param() { jurisdiction }: JurisdictionParamDto,
    @Body() dto: SaveInterestCapDto,
    @ClientIp() ip: string | null,
  ) {
    return this.settings.saveCap(user, jurisdiction, dto, ip);
  }

  @Get('fee-schedules')
  @Roles('admin', 'manager')
  feeSchedules() {
    return this.settings.feeSchedules();
  }

  @Put('fee-schedules/:jurisdiction/:currency')
  @Roles('admin')
  saveFeeSchedule(
    @CurrentUser() user: AuthUser,
    @Param() { jurisdiction, currency }: FeeScheduleParamDto,
    @Body() dto: SaveFeeScheduleDto,
    @ClientIp() ip: string | null,
  ) {
    return this.settings.saveFeeSchedule(user, jurisdiction, currency, dto, ip);
  }
}
