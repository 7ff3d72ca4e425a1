import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { FieldOrderReconciler } from './field-order-reconciler.service';
import {
  AssignFieldOrdersDto,
  CrewOrdersQueryDto,
  FieldOrderListQueryDto,
  FieldOrderSummaryQueryDto,
  ReportFieldOrderDto,
} from './field-orders.dto';
import { FieldOrdersService } from './field-orders.service';

@ApiTags('field-orders')
@ApiBearerAuth()
@Controller('field-orders')
export class FieldOrdersController {
  constructor(
    private readonly orders: FieldOrdersService,
    private readonly reconciler: FieldOrderReconciler,
  ) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser, @Query() query: FieldOrderListQueryDto) {
    return this.orders.list(user, query);
  }

  @Get('summary')
  @Roles('supervisor', 'manager', 'admin')
  summary(@CurrentUser() user: AuthUser, @Query() query: FieldOrderSummaryQueryDto) {
    return this.orders.summary(user, query);
  }

  @Get('mine')
  @Roles('field')
  mine(@CurrentUser() user: AuthUser, @Query() query: CrewOrdersQueryDto) {
    return this.orders.mine(user, query);
  }

  @Post('assignments')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'admin')
  assign(@CurrentUser() user: AuthUser, @Body() dto: AssignFieldOrdersDto, @ClientIp() ip: string | null) {
    return this.orders.assign(user, dto, ip);
  }

  @Post('generate')
  @HttpCode(200)
  @Roles('manager', 'admin')
  generate(@CurrentUser() user: AuthUser) {
    return this.reconciler.reconcileAll(user);
  }

  @Get(':id')
  @Roles('field', 'supervisor', 'manager', 'admin')
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.orders.get(user, id);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles('field')
  report(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: ReportFieldOrderDto,
    @ClientIp() ip: string | null,
  ) {
    return this.orders.report(user, id, dto, ip);
  }
}
