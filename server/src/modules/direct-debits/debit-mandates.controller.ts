import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { CreateDebitMandateDto, MandatesQueryDto, RevokeDebitMandateDto } from './direct-debits.dto';
import { DebitMandatesService } from './debit-mandates.service';

@ApiTags('direct-debits')
@ApiBearerAuth()
@Controller('debit-mandates')
export class DebitMandatesController {
  constructor(private readonly mandates: DebitMandatesService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list(@Query() query: MandatesQueryDto) {
    return this.mandates.list(query);
  }

  @Post()
  @Roles('manager', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDebitMandateDto, @ClientIp() ip: string | null) {
    return this.mandates.create(user, dto, ip);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('manager', 'admin')
  revoke(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: RevokeDebitMandateDto,
    @ClientIp() ip: string | null,
  ) {
    return this.mandates.revoke(user, id, dto.reason, ip);
  }
}
