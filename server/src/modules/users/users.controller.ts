import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto, @ClientIp() ip: string | null) {
    return this.users.create(actor, dto, ip);
  }

  @Patch(':id')
  update(
    @CurrentUser() actor: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: UpdateUserDto,
    @ClientIp() ip: string | null,
  ) {
    return this.users.update(actor, id, dto, ip);
  }
}
