import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { MessageCampaignDto, MessageCampaignSendsQueryDto } from './message-campaigns.dto';
import { MessageCampaignsService } from './message-campaigns.service';

/** Supervisors (on their teams' portfolios), managers and admins run message campaigns. */
@ApiTags('message-campaigns')
@ApiBearerAuth()
@Controller('message-campaigns')
export class MessageCampaignsController {
  constructor(private readonly campaigns: MessageCampaignsService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser) {
    return this.campaigns.list(user);
  }

  @Post()
  @Roles('supervisor', 'manager', 'admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: MessageCampaignDto, @ClientIp() ip: string | null) {
    return this.campaigns.create(actor, dto, ip);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'admin')
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.campaigns.get(user, id);
  }

  @Get(':id/sends')
  @Roles('supervisor', 'manager', 'admin')
  sends(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Query() query: MessageCampaignSendsQueryDto,
  ) {
    return this.campaigns.sends(user, id, query);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  start(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.campaigns.start(actor, id, ip);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  cancel(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.campaigns.cancel(actor, id, ip);
  }
}
