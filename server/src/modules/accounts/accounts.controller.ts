import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ALL_ROLES, ClientIp, CurrentUser, Roles } from '../../common/auth/auth.decorator';
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
  detail(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Headers('accept-language') language?: string) {
    return this.accounts.detail(user, id, language?.startsWith('en') ? 'en' : 'es');
  }

  @Post('assign')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  assign(@CurrentUser() actor: AuthUser, @Body() dto: AssignAccountsDto, @ClientIp() ip: string | null) {
    return this.accounts.assign(actor, dto, ip);
  }
}
