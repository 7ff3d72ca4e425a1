import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ALL_ROLES, ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { AgreementListQueryDto, CreateAgreementDto } from './agreements.dto';
import { AgreementsService } from './agreements.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  /** Anyone who may work the account proposes; waivers beyond their role's limit wait for approval. */
  @Post('accounts/:id/agreements')
  @Roles(...ALL_ROLES)
  create(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: CreateAgreementDto,
    @ClientIp() ip: string | null,
  ) {
    return this.agreements.create(user, id, dto, ip);
  }

  @Get('agreements')
  @Roles('supervisor', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser, @Query() query: AgreementListQueryDto) {
    return this.agreements.list(user, query);
  }

  @Post('agreements/:id/approve')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  approve(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.agreements.decide(user, id, 'approve', ip);
  }

  @Post('agreements/:id/reject')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  reject(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.agreements.decide(user, id, 'reject', ip);
  }
}
