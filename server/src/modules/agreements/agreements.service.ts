import { HttpStatus, Injectable } from '@nestjs/common';
import {
  DEFAULT_AGREEMENT_RULES,
  ErrorCode,
  WAIVER_LIMIT_BP,
  localParts,
  planAgreement,
  type AgreementDecision,
  type AgreementProblemsDetails,
  type AgreementResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { FloorEventsService } from '../realtime/floor-events.service';
import { TeamsService } from '../teams/teams.service';
import { toAgreementResponse } from './agreement.mapper';
import type { AgreementListQueryDto, CreateAgreementDto } from './agreements.dto';
import { AgreementsRepository } from './agreements.repository';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';

/**
 * Payment agreements (DESIGN.md §5.2): planned with the pure `planAgreement`, stored with their
 * installments in one transaction, and held for a supervisor's approval when the waiver is beyond
 * what the proposer may grant alone.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly agreements: AgreementsRepository,
    private readonly accounts: AccountsService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly events: FloorEventsService,
    private readonly uow: UnitOfWork,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  async create(
    user: AuthUser,
    accountId: string,
    dto: CreateAgreementDto,
    ip: string | null,
  ): Promise<AgreementResponse> {
    const { account, debtor } = await this.accounts.reachable(user, accountId);
    if (account.status !== 'active')
      throw AppException.conflict(`An account that is ${account.status} cannot take a new agreement`);
    if (dto.interactionId && !(await this.agreements.interactionOfAccount(dto.interactionId, accountId)))
      throw AppException.invalid(`Interaction ${dto.interactionId} is not one of this account's`);
    const result = planAgreement(
      { ...dto, balanceMinor: account.balanceMinor, startDate: localParts(new Date(), debtor.timeZone).date },
      { ...DEFAULT_AGREEMENT_RULES, waiverLimitBp: WAIVER_LIMIT_BP[user.role] },
    );
    if (!result.ok) {
      const details: AgreementProblemsDetails = { problems: result.problems };
      throw new AppException(
        ErrorCode.ValidationFailed,
        HttpStatus.BAD_REQUEST,
        `The plan breaks ${result.problems.length} rule(s): ${result.problems.join(', ')}`,
        details,
      );
    }
    const { plan } = result;
    const status = plan.requiresApproval ? 'pending_approval' : 'active';
    const id = await this.uow.run(async (tx) => {
      const saved = await this.agreements.insert(
        {
          accountId,
          agentId: user.role === 'agent' ? user.id : null,
          teamId: account.assignedTeamId,
          interactionId: dto.interactionId ?? null,
          status,
          currency: account.currency,
          totalMinor: plan.totalMinor,
          downPaymentMinor: plan.downPaymentMinor,
          waiverMinor: plan.waiverMinor,
          installmentsCount: plan.installments.filter((i) => i.seq > 0).length,
          settlesInFull: plan.settlesInFull,
        },
        plan.installments,
        tx,
      );
      if (status === 'active') await this.accounts.setStatus(accountId, 'in_agreement', tx);
      await this.audit.record(
        {
          actor: user,
          action: 'agreement.created',
          entityType: 'agreement',
          entityId: saved.id,
          after: { ...saved, plan },
          ip,
        },
        tx,
      );
      return saved.id;
    });
    const response = await this.get(id);
    if (status === 'active')
      await this.lifecycle.emit('agreement.activated', { accountId, agreementId: id, at: new Date() });
    if (status === 'pending_approval')
      this.events.toSupervisors(
        { teamIds: response.teamId ? [response.teamId] : [] },
        'agreement.approval-requested',
        response,
      );
    return response;
  }

  async list(user: AuthUser, query: AgreementListQueryDto): Promise<AgreementResponse[]> {
    const teams = await this.teams.visibleTeamIds(user);
    return (await this.agreements.list(teams, query.status)).map(toAgreementResponse);
  }

  /**
   * A supervisor decides for their teams, within their own waiver limit (beyond it, a manager); an
   * agreement already decided is a 409, one of another team a 404.
   */
  async decide(
    user: AuthUser,
    id: string,
    decision: AgreementDecision,
    ip: string | null,
  ): Promise<AgreementResponse> {
    const visible = await this.teams.visibleTeamIds(user);
    const found = await this.agreements.find(id);
    if (!found || (visible !== 'all' && !visible.includes(found.agreement.teamId ?? '')))
      throw AppException.notFound('Agreement');
    const { account } = await this.accounts.reachable(user, found.agreement.accountId);
    await this.uow.run(async (tx) => {
      const before = await this.agreements.lockById(id, tx);
      if (!before) throw AppException.notFound('Agreement');
      if (before.status !== 'pending_approval')
        throw AppException.conflict(`The agreement is already ${before.status}`);
      const limit = WAIVER_LIMIT_BP[user.role];
      if (decision === 'approve' && before.waiverMinor * 10_000 > limit * account.balanceMinor)
        throw AppException.forbidden('The waiver is beyond what your role may approve');
      if (decision === 'approve' && account.status !== 'active')
        throw AppException.conflict(`The account is ${account.status} now`);
      const changes = {
        status: decision === 'approve' ? ('active' as const) : ('rejected' as const),
        approvedBy: user.id,
        approvedAt: new Date(),
      };
      await this.agreements.update(id, changes, tx);
      if (decision === 'approve') await this.accounts.setStatus(before.accountId, 'in_agreement', tx);
      await this.audit.record(
        {
          actor: user,
          action: decision === 'approve' ? 'agreement.approved' : 'agreement.rejected',
          entityType: 'agreement',
          entityId: id,
          before: { status: before.status },
          after: changes,
          ip,
        },
        tx,
      );
    });
    const response = await this.get(id);
    if (response.status === 'active')
      await this.lifecycle.emit('agreement.activated', {
        accountId: response.accountId,
        agreementId: id,
        at: new Date(),
      });
    if (response.agentId) this.events.toAgent(response.agentId, 'agreement.decided', response);
    return response;
  }

  private async get(id: string): Promise<AgreementResponse> {
    const found = await this.agreements.find(id);
    if (!found) throw AppException.notFound('Agreement');
    return toAgreementResponse(found);
  }
}
