import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { ScriptDraftDto, ScriptPreviewDto } from './scripts.dto';
import { ScriptsService } from './scripts.service';

/** Admins and supervisors write scripts; managers read them. */
@ApiTags('scripts')
@ApiBearerAuth()
@Controller('scripts')
export class ScriptsController {
  constructor(private readonly scripts: ScriptsService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list() {
    return this.scripts.list();
  }

  @Post()
  @Roles('supervisor', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: ScriptDraftDto, @ClientIp() ip: string | null) {
    return this.scripts.create(user, dto, ip);
  }

  @Put(':id/draft')
  @Roles('supervisor', 'admin')
  saveDraft(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: ScriptDraftDto,
    @ClientIp() ip: string | null,
  ) {
    return this.scripts.saveDraft(user, id, dto, ip);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  publish(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.scripts.publish(user, id, ip);
  }

  @Post('versions/:id/preview')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  preview(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Body() dto: ScriptPreviewDto) {
    return this.scripts.preview(user, id, dto.accountId);
  }
}
