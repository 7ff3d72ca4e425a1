import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { EmployersService } from './employers.service';
import { EmployeeLinkParamDto, EmployerDto, GenerateDeductionFileDto, LinkEmployeeDto } from './payroll.dto';
import { PayrollDeductionsService } from './payroll-deductions.service';

@ApiTags('payroll')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly employers: EmployersService,
    private readonly deductions: PayrollDeductionsService,
  ) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list() {
    return this.employers.list();
  }

  @Post()
  @Roles('manager', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: EmployerDto, @ClientIp() ip: string | null) {
    return this.employers.create(user, dto, ip);
  }

  @Put(':id')
  @Roles('manager', 'admin')
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: EmployerDto,
    @ClientIp() ip: string | null,
  ) {
    return this.employers.update(user, id, dto, ip);
  }

  @Get(':id/employees')
  @Roles('supervisor', 'manager', 'admin')
  employees(@Param() { id }: IdParamDto) {
    return this.employers.employees(id);
  }

  @Post(':id/employees')
  @Roles('manager', 'admin')
  link(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: LinkEmployeeDto,
    @ClientIp() ip: string | null,
  ) {
    return this.employers.link(user, id, dto, ip);
  }

  @Delete(':id/employees/:linkId')
  @HttpCode(204)
  @Roles('manager', 'admin')
  unlink(
    @CurrentUser() user: AuthUser,
    @Param() { id, linkId }: EmployeeLinkParamDto,
    @ClientIp() ip: string | null,
  ) {
    return this.employers.unlink(user, id, linkId, ip);
  }

  @Get(':id/deduction-files')
  @Roles('supervisor', 'manager', 'admin')
  files(@Param() { id }: IdParamDto) {
    return this.deductions.list(id);
  }

  @Post(':id/deduction-files')
  @Roles('manager', 'admin')
  generate(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: GenerateDeductionFileDto,
    @ClientIp() ip: string | null,
  ) {
    return this.deductions.generate(user, id, dto.period, ip);
  }
}
