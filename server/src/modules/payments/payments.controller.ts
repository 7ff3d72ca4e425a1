import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { DailyBalanceService } from './daily-balance.service';
import {
  AccountLookupQueryDto,
  DailyBalanceQueryDto,
  PostPaymentDto,
  ReversePaymentDto,
} from './payments.dto';
import { PaymentsService } from './payments.service';

/** Cashiers and the back office post and reverse payments; supervisors for their teams' accounts. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly balance: DailyBalanceService,
  ) {}

  @Get('payments/account-lookup')
  @Roles('cashier', 'supervisor', 'manager', 'admin')
  lookup(@CurrentUser() user: AuthUser, @Query() query: AccountLookupQueryDto) {
    return this.payments.lookup(user, query.accountNumber, query.clientId);
  }

  @Post('payments')
  @Roles('cashier', 'supervisor', 'manager', 'admin')
  post(@CurrentUser() user: AuthUser, @Body() dto: PostPaymentDto, @ClientIp() ip: string | null) {
    return this.payments.post(
      { user, ip },
      { ...dto, paidAt: dto.paidAt ? new Date(dto.paidAt) : new Date(), note: dto.note ?? null },
    );
  }

  @Post('payments/:id/reverse')
  @HttpCode(200)
  @Roles('cashier', 'supervisor', 'manager', 'admin')
  reverse(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: ReversePaymentDto,
    @ClientIp() ip: string | null,
  ) {
    return this.payments.reverse({ user, ip }, id, dto.reason);
  }

  @Get('accounts/:id/payments')
  @Roles('cashier', 'supervisor', 'manager', 'admin')
  forAccount(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.payments.forAccount(user, id);
  }

  @Get('payments/daily-balance')
  @Roles('cashier', 'supervisor', 'manager', 'admin')
  dailyBalance(@Query() query: DailyBalanceQueryDto) {
    return this.balance.day(query.date);
  }

  @Post('payments/daily-balance/sign-off')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  signOff(@CurrentUser() user: AuthUser, @Body() dto: DailyBalanceQueryDto, @ClientIp() ip: string | null) {
    return this.balance.signOff(user, dto.date, ip);
  }
}
