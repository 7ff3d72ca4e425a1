import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@recupera/shared';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { RequestLocale } from '../../common/http/request-locale.util';
import { LegalCasesService } from './legal-cases.service';
import { LegalTransfersService } from './legal-transfers.service';
import { LegalCaseQueryDto, RecordLegalActionDto, SetTeamKindDto, StageTransferDto } from './legal.dto';

@ApiTags('legal')
@ApiBearerAuth()
@Controller('legal')
export class LegalController {
  constructor(
    private readonly cases: LegalCasesService,
    private readonly transfers: LegalTransfersService,
  ) {}

  /** Teams accounts may be transferred to, with their kind (internal, external agency, law firm). */
  @Get('teams')
  @Roles('supervisor', 'manager', 'admin')
  teams(@CurrentUser() user: AuthUser) {
    return this.transfers.targets(user);
  }

  @Patch('teams/:id')
  @Roles('admin')
  setTeamKind(
    @CurrentUser() actor: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: SetTeamKindDto,
    @ClientIp() ip: string | null,
  ) {
    return this.transfers.setTeamKind(actor, id, dto.kind, ip);
  }

  /** Moves accounts between the floor, external agencies and the legal stage, in one transaction. */
  @Post('transfers')
  @Roles('supervisor', 'manager', 'admin')
  transfer(@CurrentUser() actor: AuthUser, @Body() dto: StageTransferDto, @ClientIp() ip: string | null) {
    return this.transfers.transfer(actor, dto, ip);
  }

  /** Firm users are agents and supervisors of the firm's team: they see the cases of their accounts. */
  @Get('cases')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser, @Query() query: LegalCaseQueryDto) {
    return this.cases.list(user, query);
  }

  @Get('cases/:id')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  detail(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.cases.detail(user, id);
  }

  @Post('cases/:id/actions')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  recordAction(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: RecordLegalActionDto,
    @ClientIp() ip: string | null,
  ) {
    return this.cases.recordAction(user, id, dto, ip);
  }

  /** The determination document (debt, interest, payments, agreements, history) as PDF. */
  @Get('cases/:id/determination.pdf')
  @Roles('agent', 'supervisor', 'manager', 'admin')
  async determination(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @RequestLocale() locale: Locale,
    @Res() response: Response,
  ): Promise<void> {
    const { fileName, pdf } = await this.cases.determination(user, id, locale);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.send(pdf);
  }
}
