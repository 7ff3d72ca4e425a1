import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { Locale } from '@recupera/shared';
import { RequestLocale } from '../../common/http/request-locale.util';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ALL_ROLES, ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { AccountSearchDto, AssignAccountsDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  search(@CurrentUser() user: AuthUser, @Query() query: AccountSearchDto) {
    return this.accounts.search(user, query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  detail(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @RequestLocale() locale: Locale) {
    return this.accounts.detail(user, id, locale);
  }

  @Post('assign')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  assign(@CurrentUser() actor: AuthUser, @Body() dto: AssignAccountsDto, @ClientIp() ip: string | null) {
    return this.accounts.assign(actor, dto, ip);
  }
}
