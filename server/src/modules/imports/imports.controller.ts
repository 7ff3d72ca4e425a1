import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { AppException } from '../../common/errors/app.exception';
import { IdParamDto } from '../../common/http/id-param.dto';
import { RequestLocale } from '../../common/http/request-locale.util';
import type { Locale } from '@recupera/shared';
import { MappingsQueryDto, StartImportDto } from './imports.dto';

/** What multer's disk storage hands over for the uploaded file. */
interface UploadedDiskFile {
  path: string;
  originalname: string;
  size: number;
}
import { ImportLauncher } from './import-launcher.service';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
@Roles('admin')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly launcher: ImportLauncher,
  ) {}

  @Post('uploads')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file'))
  upload(@CurrentUser() user: AuthUser, @UploadedFile() file: UploadedDiskFile | undefined) {
    if (!file) throw AppException.invalid('Send the file in the multipart field "file"');
    return this.imports.preview(user, file);
  }

  @Post()
  start(@CurrentUser() user: AuthUser, @Body() dto: StartImportDto, @ClientIp() ip: string | null) {
    return this.launcher.start(user, dto, ip);
  }

  @Get()
  list() {
    return this.imports.list();
  }

  @Get('mappings')
  mappings(@Query() { clientId }: MappingsQueryDto) {
    return this.imports.mappings(clientId);
  }

  @Get(':id')
  get(@Param() { id }: IdParamDto) {
    return this.imports.get(id);
  }

  @Get(':id/rejects')
  rejects(@Param() { id }: IdParamDto, @RequestLocale() locale: Locale) {
    return this.imports.rejects(id, locale);
  }

  @Get(':id/rejects.csv')
  async rejectReport(
    @Param() { id }: IdParamDto,
    @RequestLocale() locale: Locale,
    @Res() response: Response,
  ): Promise<void> {
    await this.imports.get(id);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="import-${id}-rechazos.csv"`);
    Readable.from(this.imports.rejectReport(id, locale)).pipe(response);
  }
}
