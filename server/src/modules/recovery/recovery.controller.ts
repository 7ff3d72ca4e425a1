import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@recupera/shared';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { toCsv, toXlsx } from '../../common/export/table-export.util';
import { RequestLocale } from '../../common/http/request-locale.util';
import { productivityReportPdf } from './productivity-report.util';
import { recoveryExportTable } from './recovery-export.util';
import {
  DelinquencyQueryDto,
  DrillQueryDto,
  ProductivityReportQueryDto,
  RecoveryExportDto,
  RecoveryQueryDto,
} from './recovery.dto';
import { RecoveryService } from './recovery.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('recovery')
@ApiBearerAuth()
@Controller('recovery')
export class RecoveryController {
  constructor(private readonly recovery: RecoveryService) {}

  /** The month's recovery dashboard; a supervisor's is limited to their teams. */
  @Get()
  @Roles('manager', 'admin', 'supervisor')
  dashboard(@CurrentUser() user: AuthUser, @Query() query: RecoveryQueryDto) {
    return this.recovery.dashboard(user, query);
  }

  @Get('delinquency')
  @Roles('manager', 'admin')
  delinquency(@Query() query: DelinquencyQueryDto) {
    return this.recovery.delinquency(query);
  }

  /** The accounts behind a sweep figure. */
  @Get('accounts')
  @Roles('manager', 'admin', 'supervisor')
  accounts(@CurrentUser() user: AuthUser, @Query() query: DrillQueryDto) {
    return this.recovery.drill(user, query);
  }

  /** A client's monthly productivity report as PDF, in the caller's language. */
  @Get('report.pdf')
  @Roles('manager', 'admin')
  async report(
    @CurrentUser() user: AuthUser,
    @Query() { clientId, month }: ProductivityReportQueryDto,
    @RequestLocale() locale: Locale,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.recovery.productivityReport(user, clientId, month, locale);
    const pdf = await productivityReportPdf(report, locale);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="productividad-${clientId}-${month}.pdf"`,
    );
    response.send(pdf);
  }

  /** One of the dashboard's tables as CSV or XLSX, in the caller's language. */
  @Get('export')
  @Roles('manager', 'admin', 'supervisor')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() { table, format, ...query }: RecoveryExportDto,
    @RequestLocale() locale: Locale,
    @Res() response: Response,
  ): Promise<void> {
    const sheet = recoveryExportTable(await this.recovery.dashboard(user, query), table, locale);
    const file = `${table}-${query.month}.${format}`;
    response.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    if (format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.send(toCsv(sheet));
    } else {
      response.setHeader('Content-Type', XLSX);
      response.send(await toXlsx(sheet));
    }
  }
}
