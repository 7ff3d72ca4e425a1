import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import {
  ComplianceCheckDto,
  ComplianceProfileDto,
  CreateHolidayDto,
  HolidayParamDto,
  HolidayQueryDto,
  ProfileCodeParamDto,
  RefusalSummaryQueryDto,
} from './compliance.dto';
import { ComplianceService } from './compliance.service';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('profiles')
  @Roles('supervisor', 'manager', 'admin')
  listProfiles() {
    return this.compliance.listProfiles();
  }

  @Put('profiles/:code')
  @Roles('admin')
  updateProfile(
    @CurrentUser() actor: AuthUser,
    @Param() { code }: ProfileCodeParamDto,
    @Body() dto: ComplianceProfileDto,
    @ClientIp() ip: string | null,
  ) {
    return this.compliance.updateProfile(actor, code, dto, ip);
  }

  @Get('holidays')
  @Roles('supervisor', 'manager', 'admin')
  listHolidays(@Query() query: HolidayQueryDto) {
    return this.compliance.listHolidays(query);
  }

  @Post('holidays')
  @Roles('admin')
  addHoliday(@CurrentUser() actor: AuthUser, @Body() dto: CreateHolidayDto, @ClientIp() ip: string | null) {
    return this.compliance.addHoliday(actor, dto, ip);
  }

  @Delete('holidays/:country/:date')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeHoliday(
    @CurrentUser() actor: AuthUser,
    @Param() { country, date }: HolidayParamDto,
    @ClientIp() ip: string | null,
  ) {
    return this.compliance.removeHoliday(actor, country, date, ip);
  }

  @Get('refusals/summary')
  @Roles('supervisor', 'manager', 'admin')
  refusalSummary(@CurrentUser() user: AuthUser, @Query() query: RefusalSummaryQueryDto) {
    return this.compliance.refusalSummary(user, query);
  }

  @Post('check')
  @Roles('supervisor', 'admin')
  @HttpCode(HttpStatus.OK)
  check(@CurrentUser() user: AuthUser, @Body() dto: ComplianceCheckDto) {
    return this.compliance.preview(user, dto);
  }
}
