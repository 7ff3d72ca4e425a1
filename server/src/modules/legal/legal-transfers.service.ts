import { Injectable } from '@nestjs/common';
import {
  MAX_TRANSFER_ACCOUNTS,
  caseChange,
  debtBreakdown,
  isLegalEligible,
  statusAfterTransfer,
  transferRefusal,
  transferStage,
  type AccountStatus,
  type LegalStage,
  type LegalSystemActionKind,
  type LegalTeamResponse,
  type StageTransferResponse,
  type TeamKind,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork, type Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { StageTransferDto } from './legal.dto';
import {
  LegalTransfersRepository,
  type OpenCaseRow,
  type SourceScope,
  type TeamKindRow,
  type TransferAccountRow,
} from './legal-transfers.repository';

function toTeamResponse(row: TeamKindRow): LegalTeamResponse {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    supervisorName: row.supervisorName,
    openCases: row.openCases,
  };
}

interface Target {
  team: TeamKindRow;
  agentId: string | null;
  legalStage: LegalStage | undefined;
}

/** What happens to each case, grouped for set-based writes. */
interface CasePlan {
  open: TransferAccountRow[];
  move: OpenCaseRow[];
  keep: OpenCaseRow[];
  close: OpenCaseRow[];
}

/**
 * Moves accounts between the agency's floor, external agencies and the legal stage (DESIGN.md §1),
 * keeping every assignment span and case, and one audit entry per transfer. An internal supervisor
 * hands over their own teams' accounts; managers and admins move any account anywhere.
 */
@Injectable()
export class LegalTransfersService {
  constructor(
    private readonly transfers: LegalTransfersRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The teams the caller may transfer to: a supervisor their own and every external one. */
  async targets(user: AuthUser): Promise<LegalTeamResponse[]> {
    const teams = await this.transfers.teams();
    if (user.role !== 'supervisor') return teams.map(toTeamResponse);
    return teams.filter((t) => t.kind !== 'internal' || t.supervisorId === user.id).map(toTeamResponse);
  }

  async setTeamKind(
    actor: AuthUser,
    id: string,
    kind: TeamKind,
    ip: string | null,
  ): Promise<LegalTeamResponse> {
    const before = await this.transfers.team(id);
    if (!before) throw AppException.notFound('Team');
    if (kind === 'internal' && before.openCases > 0)
      throw AppException.conflict('The team holds open legal cases; transfer them before making it internal');
    await this.uow.run(async (tx) => {
      await this.transfers.setTeamKind(id, kind, tx);
      await this.audit.record(
        {
          actor,
          action: 'team.kind-changed',
          entityType: 'team',
          entityId: id,
          before: { kind: before.kind },
          after: { kind },
          ip,
        },
        tx,
      );
    });
    return toTeamResponse({ ...before, kind });
  }

  async transfer(actor: AuthUser, dto: StageTransferDto, ip: string | null): Promise<StageTransferResponse> {
    if (Boolean(dto.accountIds) === Boolean(dto.filter))
      throw AppException.invalid('Name the accounts either by accountIds or by a filter');
    if (dto.filter && !dto.filter.portfolioId && !dto.filter.fromTeamId)
      throw AppException.invalid('A transfer filter needs a portfolioId or a fromTeamId');
    const source = await this.sourceOf(actor);
    const target = await this.targetOf(actor, dto);
    const now = new Date();
    return this.uow.run(async (tx) => {
      const accounts = await this.selectAccounts(source, dto, target, tx);
      const openCases = await this.transfers.openCases(
        accounts.map((a) => a.id),
        tx,
      );
      const plan = this.planCases(accounts, openCases, target);
      await this.moveAccounts(actor, accounts, target, now, tx);
      const caseIds = await this.applyCases(actor, plan, target, dto.note ?? null, now, tx);
      const stage = transferStage(target.team.kind, target.legalStage);
      await this.audit.record(
        {
          actor,
          action: 'legal.transferred',
          entityType: 'account',
          entityId: accounts.length === 1 ? accounts[0].id : null,
          before: accounts.map((a) => ({
            id: a.id,
            teamId: a.teamId,
            agentId: a.agentId,
            status: a.status,
            caseId: openCases.find((c) => c.accountId === a.id)?.id ?? null,
          })),
          after: {
            stage,
            teamId: target.team.id,
            agentId: target.agentId,
            legalStage: target.legalStage ?? null,
            accountIds: accounts.map((a) => a.id),
            casesOpened: plan.open.length,
            casesMoved: plan.move.map((c) => c.id),
            casesClosed: plan.close.map((c) => c.id),
            note: dto.note ?? null,
          },
          ip,
        },
        tx,
      );
      return {
        stage,
        transferred: accounts.length,
        casesOpened: plan.open.length,
        casesMoved: plan.move.length,
        casesClosed: plan.close.length,
        caseIds,
      };
    });
  }

  private async sourceOf(actor: AuthUser): Promise<SourceScope> {
    if (actor.role === 'manager' || actor.role === 'admin') return 'all';
    if (actor.role === 'supervisor') return this.transfers.internalTeamsSupervisedBy(actor.id);
    return [];
  }

  private async targetOf(actor: AuthUser, dto: StageTransferDto): Promise<Target> {
    const team = await this.transfers.team(dto.toTeamId);
    // A supervisor may hand accounts to any external team, but among internal ones only to their own.
    if (!team || (actor.role === 'supervisor' && team.kind === 'internal' && team.supervisorId !== actor.id))
      throw AppException.notFound('Team');
    const refusal = transferRefusal(team.kind, dto.legalStage);
    if (refusal) throw AppException.invalid(refusal);
    if (dto.toAgentId) {
      const agent = await this.transfers.user(dto.toAgentId);
      if (!agent || agent.role !== 'agent' || agent.teamId !== team.id)
        throw AppException.invalid('The agent is not in that team');
    }
    return { team, agentId: dto.toAgentId ?? null, legalStage: dto.legalStage };
  }

  private async selectAccounts(
    source: SourceScope,
    dto: StageTransferDto,
    target: Target,
    tx: Tx,
  ): Promise<TransferAccountRow[]> {
    const toLegal = target.legalStage !== undefined;
    if (dto.filter) {
      const rows = await this.transfers.lockByFilter(
        source,
        dto.filter,
        toLegal,
        MAX_TRANSFER_ACCOUNTS + 1,
        tx,
      );
      if (rows.length === 0) throw AppException.invalid('No account matches the filter');
      if (rows.length > MAX_TRANSFER_ACCOUNTS)
        throw AppException.invalid(`More than ${MAX_TRANSFER_ACCOUNTS} accounts match; narrow the filter`);
      return rows;
    }
    const ids = [...new Set(dto.accountIds)];
    const rows = await this.transfers.lockByIds(source, ids, tx);
    // Out of reach answers like missing, so ids of other teams' accounts reveal nothing.
    if (rows.length !== ids.length) throw AppException.notFound('Account');
    const ineligible = toLegal ? rows.filter((a) => !isLegalEligible(a.status, a.balanceMinor)) : [];
    if (ineligible.length > 0)
      throw AppException.invalid('Only accounts still owed can enter the legal stage', {
        accountIds: ineligible.map((a) => a.id),
      });
    return rows;
  }

  private planCases(accounts: TransferAccountRow[], openCases: OpenCaseRow[], target: Target): CasePlan {
    const byAccount = new Map(openCases.map((c) => [c.accountId, c]));
    const plan: CasePlan = { open: [], move: [], keep: [], close: [] };
    for (const account of accounts) {
      const open = byAccount.get(account.id) ?? null;
      const change = caseChange(open, { teamId: target.team.id, legalStage: target.legalStage });
      if (change === 'open') plan.open.push(account);
      else if (open && change !== 'none') plan[change].push(open);
    }
    return plan;
  }

  /** New assignment spans for the accounts whose team or agent changes, and their new status. */
  private async moveAccounts(
    actor: AuthUser,
    accounts: TransferAccountRow[],
    target: Target,
    now: Date,
    tx: Tx,
  ): Promise<void> {
    const moving = accounts.filter((a) => a.teamId !== target.team.id || a.agentId !== target.agentId);
    if (moving.length > 0)
      await this.transfers.reassign(
        moving.map((a) => a.id),
        target.team.id,
        target.agentId,
        actor.id,
        now,
        tx,
      );
    const byStatus = new Map<AccountStatus, string[]>();
    for (const account of accounts) {
      const next = statusAfterTransfer(
        account.status,
        target.legalStage !== undefined,
        account.hasActiveAgreement,
      );
      if (next === account.status) continue;
      const ids = byStatus.get(next) ?? [];
      ids.push(account.id);
      byStatus.set(next, ids);
    }
    for (const [status, ids] of byStatus) await this.transfers.setStatus(ids, status, tx);
  }

  /** Opens, moves and closes cases, logs each change in its case, and returns the cases concerned. */
  private async applyCases(
    actor: AuthUser,
    plan: CasePlan,
    target: Target,
    note: string | null,
    now: Date,
    tx: Tx,
  ): Promise<string[]> {
    const log: { caseId: string; kind: LegalSystemActionKind; notes: string | null }[] = [];
    const opened = target.legalStage
      ? await this.transfers.openNewCases(
          plan.open.map((a) => ({ accountId: a.id, debt: debtBreakdown(a) })),
          { stage: target.legalStage, firmTeamId: target.team.id, by: actor.id, at: now },
          tx,
        )
      : [];
    for (const c of opened) log.push({ caseId: c.id, kind: 'case_opened', notes: note });
    if (target.legalStage && plan.move.length > 0) {
      await this.transfers.moveCases(
        plan.move.map((c) => c.id),
        target.team.id,
        target.legalStage,
        tx,
      );
      const names = new Map(
        (await this.transfers.teams([...new Set(plan.move.map((c) => c.firmTeamId))])).map((t) => [
          t.id,
          t.name,
        ]),
      );
      for (const c of plan.move) {
        const change = `${names.get(c.firmTeamId) ?? c.firmTeamId} (${c.stage}) → ${target.team.name} (${target.legalStage})`;
        log.push({ caseId: c.id, kind: 'firm_changed', notes: note ? `${change}. ${note}` : change });
      }
    }
    if (plan.close.length > 0) {
      await this.transfers.closeCases(
        plan.close.map((c) => c.id),
        actor.id,
        now,
        tx,
      );
      for (const c of plan.close) log.push({ caseId: c.id, kind: 'case_closed', notes: note });
    }
    if (log.length > 0) await this.transfers.logSystemActions(log, actor.id, now, tx);
    return target.legalStage
      ? [...opened, ...plan.move, ...plan.keep].map((c) => c.id)
      : plan.close.map((c) => c.id);
  }
}
