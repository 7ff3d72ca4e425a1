import { Injectable } from '@nestjs/common';
import type {
  LegalActionResponse,
  LegalCaseDetail,
  LegalCaseListItem,
  LegalCaseQuery,
  Locale,
  Page,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/page.util';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { determinationDocument } from './determination-document.util';
import { determinationPdf } from './determination-pdf.util';
import { toLegalActionResponse, toLegalCaseDetail, toLegalCaseListItem } from './legal-case.mapper';
import { LegalCasesRepository, type CaseFacts, type LegalCaseRow } from './legal-cases.repository';
import type { RecordLegalActionDto } from './legal.dto';

/** A firm's clock may run a little ahead of ours; beyond this an action dated "later" is a typo. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Legal cases as their firm works them. A case is seen by whoever reaches its account — the firm's
 * supervisor their team's, the firm's agent the accounts assigned to them, managers and admins all —
 * and anything else answers 404, exactly like accounts.
 */
@Injectable()
export class LegalCasesService {
  constructor(
    private readonly cases: LegalCasesRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async list(user: AuthUser, query: LegalCaseQuery): Promise<Page<LegalCaseListItem>> {
    const window = pageWindow(query);
    const [rows, total] = await this.cases.list(await this.accounts.scopeFor(user), query, window);
    return toPage(rows.map(toLegalCaseListItem), total, window);
  }

  async detail(user: AuthUser, id: string): Promise<LegalCaseDetail> {
    const row = await this.reachable(user, id);
    return toLegalCaseDetail(row, await this.cases.actions(id));
  }

  /** Logs what the firm did; serving the lawsuit dates it on the case, which stops CL contact. */
  async recordAction(
    user: AuthUser,
    id: string,
    dto: RecordLegalActionDto,
    ip: string | null,
  ): Promise<LegalActionResponse> {
    const at = new Date(dto.at);
    if (at.getTime() > Date.now() + FUTURE_SLACK_MS)
      throw AppException.invalid('An action cannot be dated in the future');
    const scope = await this.accounts.scopeFor(user);
    const actionId = await this.uow.run(async (tx) => {
      await this.cases.lock(id, tx);
      const row = await this.cases.findInScope(scope, id, tx);
      if (!row) throw AppException.notFound('Legal case');
      if (row.status !== 'open') throw AppException.conflict('The case is closed');
      if (at < row.openedAt) throw AppException.invalid('An action cannot predate the case');
      const facts: CaseFacts = {};
      // The earliest service counts: a later notification does not move the date the law runs from.
      if (dto.kind === 'lawsuit_served' && (row.lawsuitServedAt === null || at < row.lawsuitServedAt))
        facts.lawsuitServedAt = at;
      if (dto.court) facts.court = dto.court.trim();
      if (dto.caseNumber) facts.caseNumber = dto.caseNumber.trim();
      await this.cases.setFacts(id, facts, tx);
      const notes = dto.notes?.trim() || null;
      const inserted = await this.cases.insertAction(
        id,
        { kind: dto.kind, at, byUserId: user.id, notes },
        tx,
      );
      await this.audit.record(
        {
          actor: user,
          action: 'legal.action-recorded',
          entityType: 'legal_case',
          entityId: id,
          before: { lawsuitServedAt: row.lawsuitServedAt, court: row.court, caseNumber: row.caseNumber },
          after: { actionId: inserted, kind: dto.kind, at, notes, ...facts },
          ip,
        },
        tx,
      );
      return inserted;
    });
    const action = (await this.cases.actions(id)).find((a) => a.id === actionId);
    if (!action) throw AppException.notFound('Legal action');
    return toLegalActionResponse(action);
  }

  /** The determination document of the case as PDF, in the caller's language, from today's data. */
  async determination(
    user: AuthUser,
    id: string,
    locale: Locale,
  ): Promise<{ fileName: string; pdf: Buffer }> {
    const legalCase = await this.reachable(user, id);
    const [payments, agreements, interactions, interactionTotal, actions, generatedBy] = await Promise.all([
      this.cases.payments(legalCase.accountId),
      this.cases.agreements(legalCase.accountId),
      this.cases.interactions(legalCase.accountId),
      this.cases.interactionCount(legalCase.accountId),
      this.cases.actions(id),
      this.cases.userName(user.id),
    ]);
    const document = determinationDocument(
      {
        legalCase,
        payments,
        agreements,
        interactions,
        interactionTotal,
        actions,
        generatedAt: new Date(),
        generatedBy,
      },
      locale,
    );
    const pdf = await determinationPdf(document, `${document.title} ${legalCase.accountNumber}`);
    const safeNumber = legalCase.accountNumber.replace(/[^\w.-]/g, '_');
    return { fileName: `${locale === 'es' ? 'determinacion' : 'determination'}-${safeNumber}.pdf`, pdf };
  }

  private async reachable(user: AuthUser, id: string): Promise<LegalCaseRow> {
    const row = await this.cases.findInScope(await this.accounts.scopeFor(user), id);
    if (!row) throw AppException.notFound('Legal case');
    return row;
  }
}
