import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { PAYMENT_FILE_MAX_BYTES, type Locale } from '@recupera/shared';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { RequestLocale } from '../../common/http/request-locale.util';
import type { UploadedMemoryFile } from '../payment-files/uploaded-text.util';
import { BatchesQueryDto, GenerateDebitBatchDto } from './direct-debits.dto';
import { DebitBatchesService } from './debit-batches.service';
import { DebitResponsesService } from './debit-responses.service';

/** Managers and admins generate batches, send them to the bank and load its answers. */
@ApiTags('direct-debits')
@ApiBearerAuth()
@Controller('debit-batches')
export class DebitBatchesController {
  constructor(
    private readonly batches: DebitBatchesService,
    private readonly responses: DebitResponsesService,
  ) {}

  @Get()
  @Roles('supervisor', 'manager', 'admin')
  list(@Query() { clientId }: BatchesQueryDto) {
    return this.batches.list(clientId);
  }

  @Post()
  @Roles('manager', 'admin')
  generate(@CurrentUser() user: AuthUser, @Body() dto: GenerateDebitBatchDto, @ClientIp() ip: string | null) {
    return this.batches.generate(user, dto, ip);
  }

  @Get(':id')
  @Roles('supervisor', 'manager', 'admin')
  get(@Param() { id }: IdParamDto) {
    return this.batches.get(id);
  }

  @Get(':id/items')
  @Roles('supervisor', 'manager', 'admin')
  items(@Param() { id }: IdParamDto, @RequestLocale() locale: Locale) {
    return this.batches.items(id, locale);
  }

  @Get(':id/file')
  @Roles('manager', 'admin')
  async file(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @ClientIp() ip: string | null,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.batches.file(user, id, ip);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.send(file.content);
  }

  @Post(':id/response')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PAYMENT_FILE_MAX_BYTES, files: 1 } }))
  response(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @UploadedFile() file: UploadedMemoryFile | undefined,
    @RequestLocale() locale: Locale,
    @ClientIp() ip: string | null,
  ) {
    return this.responses.apply(user, id, file, locale, ip);
  }
}
