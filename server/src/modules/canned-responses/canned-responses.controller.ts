import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { CannedResponseDto } from './canned-responses.dto';
import { CannedResponsesService } from './canned-responses.service';

/** Agents read them; supervisors and up write them. */
@ApiTags('canned-responses')
@ApiBearerAuth()
@Controller('canned-responses')
export class CannedResponsesController {
  constructor(private readonly responses: CannedResponsesService) {}

  @Get()
  @Roles('agent', 'supervisor', 'manager', 'admin')
  list() {
    return this.responses.list();
  }

  @Post()
  @Roles('supervisor', 'manager', 'admin')
  create(@CurrentUser() actor: AuthUser, @Body() dto: CannedResponseDto, @ClientIp() ip: string | null) {
    return this.responses.create(actor, dto, ip);
  }

  @Patch(':id')
  @Roles('supervisor', 'manager', 'admin')
  update(
    @CurrentUser() actor: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: CannedResponseDto,
    @ClientIp() ip: string | null,
  ) {
    return this.responses.update(actor, id, dto, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('supervisor', 'manager', 'admin')
  remove(@CurrentUser() actor: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.responses.remove(actor, id, ip);
  }
}
