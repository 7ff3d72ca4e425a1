import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@recupera/shared';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { AppException } from '../../common/errors/app.exception';
import { IdParamDto } from '../../common/http/id-param.dto';
import { RequestLocale } from '../../common/http/request-locale.util';
import { LayoutsQueryDto, SavePaymentFileLayoutDto, StartPaymentFileDto } from './payment-files.dto';
import { PaymentFilesService, type UploadedDiskFile } from './payment-files.service';

/** Cashiers and the back office load bank and cashier files; managers and admins keep the layouts. */
@ApiTags('payment-files')
@ApiBearerAuth()
@Controller('payment-files')
export class PaymentFilesController {
  constructor(private readonly files: PaymentFilesService) {}

  @Get('clients')
  @Roles('cashier', 'manager', 'admin')
  clients() {
    return this.files.clients();
  }

  @Get('layouts')
  @Roles('cashier', 'manager', 'admin')
  layouts(@Query() { clientId }: LayoutsQueryDto) {
    return this.files.layouts(clientId);
  }

  @Put('layouts')
  @Roles('manager', 'admin')
  saveLayout(
    @CurrentUser() user: AuthUser,
    @Body() dto: SavePaymentFileLayoutDto,
    @ClientIp() ip: string | null,
  ) {
    return this.files.saveLayout(user, dto, ip);
  }

  @Delete('layouts/:id')
  @HttpCode(204)
  @Roles('manager', 'admin')
  deleteLayout(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.files.deleteLayout(user, id, ip);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('cashier', 'manager', 'admin')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file'))
  preview(@UploadedFile() file: UploadedDiskFile | undefined) {
    if (!file) throw AppException.invalid('Send the file in the multipart field "file"');
    return this.files.preview(file);
  }

  @Post()
  @Roles('cashier', 'manager', 'admin')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file'))
  start(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedDiskFile | undefined,
    @Body() dto: StartPaymentFileDto,
    @ClientIp() ip: string | null,
  ) {
    if (!file) throw AppException.invalid('Send the file in the multipart field "file"');
    return this.files.start(user, file, dto, ip);
  }

  @Get()
  @Roles('cashier', 'manager', 'admin')
  list() {
    return this.files.list();
  }

  @Get(':id')
  @Roles('cashier', 'manager', 'admin')
  get(@Param() { id }: IdParamDto) {
    return this.files.get(id);
  }

  @Get(':id/rejects')
  @Roles('cashier', 'manager', 'admin')
  rejects(@Param() { id }: IdParamDto, @RequestLocale() locale: Locale) {
    return this.files.rejects(id, locale);
  }

  @Get(':id/rejects.csv')
  @Roles('cashier', 'manager', 'admin')
  async rejectReport(
    @Param() { id }: IdParamDto,
    @RequestLocale() locale: Locale,
    @Res() response: Response,
  ): Promise<void> {
    await this.files.get(id);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="pagos-${id}-rechazos.csv"`);
    Readable.from(this.files.rejectReport(id, locale)).pipe(response);
  }
}
