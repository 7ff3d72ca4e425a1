import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AgentSummaryState, CurrencyAmount } from '@recupera/shared';
import { Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { Account } from '../accounts/account.entity';
import { User } from '../users/user.entity';
import { Team } from './team.entity';

export interface TeamRow extends Team {
  supervisorName: string | null;
  agentCount: number;
}

@Injectable()
export class TeamsRepository {
  constructor(@InjectRepository(Team) private readonly teams: Repository<Team>) {}

  private repo(tx?: Tx): Repository<Team> {
    return tx ? tx.getRepository(Team) : this.teams;
  }

  findById(id: string, tx?: Tx): Promise<Team | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  findByName(name: string): Promise<Team | null> {
    return this.teams.findOne({ where: { name } });
  }

  list(): Promise<Team[]> {
    return this.teams.find({ order: { name: 'ASC' } });
  }

  async supervisedTeamIds(supervisorId: string): Promise<string[]> {
    const rows = await this.teams.find({ select: { id: true }, where: { supervisorId } });
    return rows.map((r) => r.id);
  }

  async listWithCounts(onlyIds?: string[]): Promise<TeamRow[]> {
    const qb = this.teams
      .createQueryBuilder('t')
      .leftJoin(User, 's', 's.id = t.supervisor_id')
      .addSelect('s.full_name', 'supervisor_name')
      .addSelect(
        (sub) => sub.select('COUNT(*)').from(User, 'a').where("a.team_id = t.id AND a.role = 'agent'"),
        'agent_count',
      )
      .orderBy('t.name', 'ASC');
    if (onlyIds) {
      if (onlyIds.length === 0) return [];
      qb.where('t.id IN (:...onlyIds)', { onlyIds });
    }
    const { entities, raw } = await qb.getRawAndEntities();
    return entities.map((team, i) => {
      const r = raw[i] as { supervisor_name: string | null; agent_count: string };
      return { ...team, supervisorName: r.supervisor_name, agentCount: Number(r.agent_count) };
    });
  }

  async save(team: Partial<Team>, tx?: Tx): Promise<Team> {
    return this.repo(tx).save(this.repo(tx).create(team));
  }

  async findUser(id: string): Promise<User | null> {
    return this.teams.manager.getRepository(User).findOne({ where: { id } });
  }

  async rosterAgents(teamId: string): Promise<AgentSummaryState[]> {
    const rows = await this.teams.manager
      .getRepository(User)
      .createQueryBuilder('u')
      .select([
        'u.id AS id',
        'u.full_name AS full_name',
        'u.email AS email',
        'u.active AS active',
        'u.last_login_at AS last_login_at',
      ])
      .addSelect(
        (sub) => sub.select('COUNT(*)').from(Account, 'a').where('a.assigned_agent_id = u.id'),
        'assigned',
      )
      .where("u.team_id = :teamId AND u.role = 'agent'", { teamId })
      .orderBy('u.full_name', 'ASC')
      .getRawMany<{
        id: string;
        full_name: string;
        email: string;
        active: number;
        last_login_at: Date | null;
        assigned: string;
      }>();
    return rows.map((r) => ({
      id: String(r.id),
      fullName: r.full_name,
      email: r.email,
      active: Boolean(r.active),
      assignedAccounts: Number(r.assigned),
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    }));
  }

  async teamBalance(teamId: string): Promise<{ accounts: number; balance: CurrencyAmount[] }> {
    const rows = await this.teams.manager
      .getRepository(Account)
      .createQueryBuilder('a')
      .select('a.currency', 'currency')
      .addSelect('COUNT(*)', 'accounts')
      .addSelect('SUM(a.balance_minor)', 'balance')
      .where('a.assigned_team_id = :teamId', { teamId })
      .groupBy('a.currency')
      .getRawMany<{ currency: string; accounts: string; balance: string }>();
    return {
      accounts: rows.reduce((n, r) => n + Number(r.accounts), 0),
      balance: rows.map((r) => ({ currency: r.currency, amountMinor: Number(r.balance) })),
    };
  }
}
