import { Inject, Injectable } from '@nestjs/common';
import type { Locale } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { AccountsService } from '../accounts/accounts.service';
import { agreementDocumentPdf } from './agreement-document-pdf.util';
import { AgreementDocumentRepository } from './agreement-document.repository';
import { agreementDocument } from './agreement-document.util';

/** The printable convenio of an agreement, for whoever may open its account. */
@Injectable()
export class AgreementDocumentService {
  constructor(
    private readonly documents: AgreementDocumentRepository,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(user: AuthUser, agreementId: string, locale: Locale): Promise<{ fileName: string; pdf: Buffer }> {
    const stored = await this.documents.find(agreementId);
    if (!stored) throw AppException.notFound('Agreement');
    // An agreement of an account out of the caller's reach answers exactly like a missing one.
    await this.accounts.reachable(user, stored.accountId).catch(() => {
      throw AppException.notFound('Agreement');
    });
    const document = agreementDocument(
      { ...stored, agencyName: this.config.agencyName, timeZone: this.config.agencyTimeZone },
      locale,
    );
    const prefix = locale === 'es' ? 'convenio' : 'agreement';
    return { fileName: `${prefix}-${stored.agreementId}.pdf`, pdf: await agreementDocumentPdf(document) };
  }
}
