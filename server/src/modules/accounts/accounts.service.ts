import { Injectable } from '@nestjs/common';
import type {
  AccountDetail,
  AccountListItem,
  AccountSearchQuery,
  AccountStatus,
  Locale,
  Page,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/page.util';
import { UnitOfWork, type Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { TeamsService } from '../teams/teams.service';
import type { AccountScope } from './account-scope.type';
import { toAccountDetail, toAccountListItem } from './account.mapper';
import type { AssignAccountsDto } from './accounts.dto';
import { AccountsRepository, type AccountRow } from './accounts.repository';
import type { Debtor } from './debtor.entity';

/** How long after a dialer call an agent may still open its account (wrap-up, a callback the same day). */
const CONNECTED_ACCESS_MS = 24 * 3_600_000;

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** An agent reaches their assigned accounts, a supervisor their teams', managers and admins all. */
  async scopeFor(user: AuthUser): Promise<AccountScope> {
    if (user.role === 'agent') return { kind: 'agent', agentId: user.id };
    const teams = await this.teams.visibleTeamIds(user);
    return teams === 'all' ? { kind: 'all' } : { kind: 'teams', teamIds: teams };
  }

  /** Besides their own accounts, an agent opens the accounts of calls bridged to them in the last day. */
  private async detailScopeFor(user: AuthUser): Promise<AccountScope> {
    const scope = await this.scopeFor(user);
    return scope.kind === 'agent'
      ? { ...scope, connectedSince: new Date(Date.now() - CONNECTED_ACCESS_MS) }
      : scope;
  }

  /** The account and its debtor if the caller may work it (as they may open it); 404 otherwise. */
  async reachable(user: AuthUser, id: string): Promise<{ account: AccountRow; debtor: Debtor }> {
    const account = await this.accounts.findInScope(await this.detailScopeFor(user), id);
    const debtor = account ? await this.accounts.findDebtor(account.debtorId) : null;
    if (!account || !debtor) throw AppException.notFound('Account');
    return { account, debtor };
  }

  /** An account's workflow status (in an agreement, back to active…), inside the caller's transaction. */
  async setStatus(id: string, status: AccountStatus, tx: Tx): Promise<void> {
    await this.accounts.setStatus(id, status, tx);
  }

  async search(user: AuthUser, query: AccountSearchQuery): Promise<Page<AccountListItem>> {
    const window = pageWindow(query);
    const [rows, total] = await this.accounts.search(await this.scopeFor(user), query, window);
    return toPage(rows.map(toAccountListItem), total, window);
  }

  async detail(user: AuthUser, id: string, locale: Locale): Promise<AccountDetail> {
    // Out of scope answers exactly like missing, so ids of other teams' accounts reveal nothing.
    const account = await this.accounts.findInScope(await this.detailScopeFor(user), id);
    if (!account) throw AppException.notFound('Account');
    const [debtor, contactPoints, channelConsents, interactions, { agreements, installments }, payments] =
      await Promise.all([
        this.accounts.findDebtor(account.debtorId),
        this.accounts.contactPoints(account.debtorId),
        this.accounts.channelConsents(account.debtorId),
        this.accounts.interactions(id),
        this.accounts.agreements(id),
        this.accounts.payments(id),
      ]);
    return toAccountDetail(
      {
        account,
        debtor: debtor!,
        contactPoints,
        channelConsents,
        interactions,
        agreements,
        installments,
        payments,
      },
      locale,
    );
  }

  async assign(actor: AuthUser, dto: AssignAccountsDto, ip: string | null): Promise<{ assigned: number }> {
    const visible = await this.teams.visibleTeamIds(actor);
    const allowed = (teamId: string | null) =>
      visible === 'all' || (teamId !== null && visible.includes(teamId));
    if (!allowed(dto.teamId)) throw AppException.notFound('Team');
    if (dto.agentId) {
      const agent = await this.accounts.findAgent(dto.agentId);
      if (!agent || agent.role !== 'agent' || agent.teamId !== dto.teamId)
        throw AppException.invalid('The agent is not in that team');
    }
    const ids = [...new Set(dto.accountIds)];
    const accounts = await this.accounts.findByIds(ids);
    const reachable = accounts.filter((a) => allowed(a.assignedTeamId));
    if (reachable.length !== ids.length) throw AppException.notFound('Account');
    await this.uow.run(async (tx) => {
      await this.accounts.assign(ids, dto.teamId, dto.agentId, actor.id, new Date(), tx);
      await this.audit.record(
        {
          actor,
          action: 'accounts.assigned',
          entityType: 'account',
          entityId: ids.length === 1 ? ids[0] : null,
          before: accounts.map((a) => ({ id: a.id, teamId: a.assignedTeamId, agentId: a.assignedAgentId })),
          after: { accountIds: ids, teamId: dto.teamId, agentId: dto.agentId },
          ip,
        },
        tx,
      );
    });
    return { assigned: ids.length };
  }
}
