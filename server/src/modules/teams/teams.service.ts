import { Injectable } from '@nestjs/common';
import type { TeamResponse, TeamRoster } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { CreateTeamDto, UpdateTeamDto } from './team.dto';
import { TeamsRepository, type TeamRow } from './teams.repository';

function toTeamResponse(row: TeamRow): TeamResponse {
  return {
    id: row.id,
    name: row.name,
    supervisorId: row.supervisorId ?? '',
    supervisorName: row.supervisorName ?? '',
    agentCount: row.agentCount,
  };
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The teams a caller may look at: a supervisor only theirs, managers and admins all. */
  async visibleTeamIds(user: AuthUser): Promise<string[] | 'all'> {
    switch (user.role) {
      case 'manager':
      case 'admin':
        return 'all';
      case 'supervisor':
        return this.teams.supervisedTeamIds(user.id);
      case 'agent':
        return user.teamId ? [user.teamId] : [];
      case 'cashier':
      case 'field':
        return [];
    }
  }

  async list(user: AuthUser): Promise<TeamResponse[]> {
    const visible = await this.visibleTeamIds(user);
    const rows = await this.teams.listWithCounts(visible === 'all' ? undefined : visible);
    return rows.map(toTeamResponse);
  }

  async roster(user: AuthUser, teamId: string): Promise<TeamRoster> {
    const visible = await this.visibleTeamIds(user);
    const team = await this.teams.findById(teamId);
    if (!team || (visible !== 'all' && !visible.includes(teamId))) throw AppException.notFound('Team');
    const [agents, totals] = await Promise.all([
      this.teams.rosterAgents(teamId),
      this.teams.teamBalance(teamId),
    ]);
    return { teamId, teamName: team.name, agents, ...totals };
  }

  async create(actor: AuthUser, dto: CreateTeamDto, ip: string | null): Promise<TeamResponse> {
    await this.checkSupervisor(dto.supervisorId);
    if (await this.teams.findByName(dto.name))
      throw AppException.conflict(`A team named "${dto.name}" already exists`);
    const team = await this.uow.run(async (tx) => {
      const saved = await this.teams.save({ name: dto.name, supervisorId: dto.supervisorId }, tx);
      await this.audit.record(
        { actor, action: 'team.created', entityType: 'team', entityId: saved.id, after: saved, ip },
        tx,
      );
      return saved;
    });
    return toTeamResponse((await this.teams.listWithCounts([team.id]))[0]);
  }

  async update(actor: AuthUser, id: string, dto: UpdateTeamDto, ip: string | null): Promise<TeamResponse> {
    const before = await this.teams.findById(id);
    if (!before) throw AppException.notFound('Team');
    if (dto.supervisorId) await this.checkSupervisor(dto.supervisorId);
    if (dto.name && dto.name !== before.name && (await this.teams.findByName(dto.name))) {
      throw AppException.conflict(`A team named "${dto.name}" already exists`);
    }
    await this.uow.run(async (tx) => {
      const after = await this.teams.save({ ...before, ...dto }, tx);
      await this.audit.record(
        { actor, action: 'team.updated', entityType: 'team', entityId: id, before, after, ip },
        tx,
      );
    });
    return toTeamResponse((await this.teams.listWithCounts([id]))[0]);
  }

  private async checkSupervisor(userId: string): Promise<void> {
    const user = await this.teams.findUser(userId);
    if (!user || user.role !== 'supervisor') throw AppException.invalid(`User ${userId} is not a supervisor`);
  }
}
