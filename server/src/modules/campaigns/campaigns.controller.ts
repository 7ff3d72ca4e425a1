import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { CreateCampaignDto, SegmentPreviewDto, UpdateCampaignDto } from './campaigns.dto';
import { CampaignsService } from './campaigns.service';

/** Managers read campaigns; admins and supervisors (within their teams) also write them. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser) {
    return this.campaigns.list(user);
  }

  @Post('segment/count')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  previewSegment(@CurrentUser() user: AuthUser, @Body() dto: SegmentPreviewDto) {
    return this.campaigns.previewSegment(user, dto);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'admin')
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.campaigns.get(user, id);
  }

  @Get(':id/segment/count')
  @Roles('supervisor', 'manager', 'admin')
  segmentCount(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.campaigns.segmentCount(user, id);
  }

  @Post()
  @Roles('supervisor', 'admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateCampaignDto, @ClientIp() ip: string | null) {
    return this.campaigns.create(actor, dto, ip);
  }

  @Patch(':id')
  @Roles('supervisor', 'admin')
  update(
    @CurrentUser() actor: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: UpdateCampaignDto,
    @ClientIp() ip: string | null,
  ) {
    return this.campaigns.update(actor, id, dto, ip);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  start(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.campaigns.transition(actor, id, 'start', ip);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  pause(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.campaigns.transition(actor, id, 'pause', ip);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  resume(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.campaigns.transition(actor, id, 'resume', ip);
  }

  @Post(':id/finish')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  finish(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.campaigns.transition(actor, id, 'finish', ip);
  }
}
