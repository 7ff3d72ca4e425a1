import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { PeriodMonthParamDto } from './periods.dto';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  /** Every month with figures, newest first, with whether it is open, closing or closed. */
  @Get()
  @Roles('manager', 'admin')
  list() {
    return this.periods.list();
  }

  /** A closed month's frozen snapshot, or an open month's live figures. */
  @Get(':month')
  @Roles('manager', 'admin')
  report(@CurrentUser() user: AuthUser, @Param() { month }: PeriodMonthParamDto) {
    return this.periods.report(user, month);
  }

  /** Freezes an ended month's figures; audited. 409 when it is closed already or not over yet. */
  @Post(':month/close')
  @Roles('manager', 'admin')
  close(
    @CurrentUser() user: AuthUser,
    @Param() { month }: PeriodMonthParamDto,
    @ClientIp() ip: string | null,
  ) {
    return this.periods.close(user, month, ip);
  }
}
