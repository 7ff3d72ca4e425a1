import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ALL_ROLES, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { ChargesService } from './charges.service';

@ApiTags('charges')
@ApiBearerAuth()
@Controller('accounts')
export class ChargesController {
  constructor(private readonly charges: ChargesService) {}

  /** Interest, fees and principal now, the terms behind them and the ledger's history. */
  @Get(':id/charges')
  @Roles(...ALL_ROLES)
  accountCharges(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.charges.accountCharges(user, id);
  }
}
