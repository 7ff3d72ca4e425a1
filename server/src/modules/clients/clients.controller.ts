import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { CreateClientDto, CreatePortfolioDto } from './client.dto';
import { ClientsService } from './clients.service';

@ApiTags('clients')
@ApiBearerAuth()
@Controller()
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get('clients')
  @Roles('supervisor', 'manager', 'admin')
  listClients() {
    return this.clients.listClients();
  }

  @Post('clients')
  @Roles('admin')
  createClient(@CurrentUser() actor: AuthUser, @Body() dto: CreateClientDto, @ClientIp() ip: string | null) {
    return this.clients.createClient(actor, dto, ip);
  }

  @Get('portfolios')
  @Roles('supervisor', 'manager', 'admin')
  listPortfolios() {
    return this.clients.listPortfolios();
  }

  @Post('portfolios')
  @Roles('admin')
  createPortfolio(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreatePortfolioDto,
    @ClientIp() ip: string | null,
  ) {
    return this.clients.createPortfolio(actor, dto, ip);
  }
}
