import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { MessageTemplateDto, UpdateMessageTemplateDto } from './message-campaigns.dto';
import { MessageTemplatesService } from './message-templates.service';

/** Supervisors read templates (to run campaigns with them); managers and admins write them. */
@ApiTags('message-templates')
@ApiBearerAuth()
@Controller('message-templates')
export class MessageTemplatesController {
  constructor(private readonly templates: MessageTemplatesService) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list() {
    return this.templates.list();
  }

  @Post()
  @Roles('manager', 'admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: MessageTemplateDto, @ClientIp() ip: string | null) {
    return this.templates.create(actor, dto, ip);
  }

  @Patch(':id')
  @Roles('manager', 'admin')
  update(
    @CurrentUser() actor: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: UpdateMessageTemplateDto,
    @ClientIp() ip: string | null,
  ) {
    return this.templates.update(actor, id, dto, ip);
  }
}
