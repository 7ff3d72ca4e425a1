import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@recupera/shared';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ALL_ROLES, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { RequestLocale } from '../../common/http/request-locale.util';
import { AgreementDocumentService } from './agreement-document.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementDocumentController {
  constructor(private readonly documents: AgreementDocumentService) {}

  /** The agreement as a printable PDF (convenio de pago) in the caller's language. */
  @Get(':id/document.pdf')
  @Roles(...ALL_ROLES)
  async document(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParamDto,
    @RequestLocale() locale: Locale,
    @Res() response: Response,
  ): Promise<void> {
    const { fileName, pdf } = await this.documents.pdf(user, id, locale);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
    response.send(pdf);
  }
}
