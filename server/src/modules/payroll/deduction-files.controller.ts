import { Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { PAYMENT_FILE_MAX_BYTES, type Locale } from '@recupera/shared';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { RequestLocale } from '../../common/http/request-locale.util';
import type { UploadedMemoryFile } from '../payment-files/uploaded-text.util';
import { PayrollDeductionsService } from './payroll-deductions.service';

@ApiTags('payroll')
@ApiBearerAuth()
@Controller('deduction-files')
export class DeductionFilesController {
  constructor(private readonly deductions: PayrollDeductionsService) {}

  @Get(':id/file')
  @Roles('manager', 'admin')
  async file(@Param() { id }: IdParamDto, @Res() response: Response): Promise<void> {
    const file = await this.deductions.download(id);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.send(file.content);
  }

  @Post(':id/withheld')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PAYMENT_FILE_MAX_BYTES, files: 1 } }))
  withheld(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @UploadedFile() file: UploadedMemoryFile | undefined,
    @RequestLocale() locale: Locale,
    @ClientIp() ip: string | null,
  ) {
    return this.deductions.withheld(user, id, file, locale, ip);
  }

  @Get(':id/reconciliation')
  @Roles('supervisor', 'manager', 'admin')
  reconciliation(@Param() { id }: IdParamDto, @RequestLocale() locale: Locale) {
    return this.deductions.reconciliation(id, locale);
  }
}
