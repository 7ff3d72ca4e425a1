import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CampaignSegment, CampaignTeamRef } from '@recupera/shared';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { Account } from '../accounts/account.entity';
import { Client } from '../clients/client.entity';
import { Portfolio } from '../clients/portfolio.entity';
import { DispositionSet } from '../dispositions/disposition-set.entity';
import { Disposition } from '../dispositions/disposition.entity';
import { Interaction } from '../interactions/interaction.entity';
import { Team } from '../teams/team.entity';
import type { CampaignScope } from './campaign-scope.type';
import { segmentWhere } from './campaign-segment.util';
import { Campaign } from './campaign.entity';

export interface CampaignRow extends Campaign {
  portfolioName: string;
  currency: string;
  clientId: string;
  clientCode: string;
  clientName: string;
  dispositionSetName: string | null;
  teams: CampaignTeamRef[];
  attempts: number;
  accountsAttempted: number;
}

export interface SegmentCount {
  matching: number;
  assignedToTeams: number;
}

export interface DispositionSetRow {
  set: DispositionSet;
  dispositions: Disposition[];
}

/** Only active accounts are dialled: paid, closed, legal and written-off ones never; agreements follow their own flow. */
export const WORKABLE_ACCOUNT_STATUS = 'active';

@Injectable()
export class CampaignsRepository {
  constructor(@InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>) {}

  private repo(tx?: Tx): Repository<Campaign> {
    return tx ? tx.getRepository(Campaign) : this.campaigns;
  }

  private applyScope(qb: SelectQueryBuilder<Campaign>, scope: CampaignScope): void {
    switch (scope.kind) {
      case 'all':
        return;
      case 'teams':
        if (scope.teamIds.length === 0) qb.andWhere('1 = 0');
        else
          qb.andWhere(
            'EXISTS (SELECT 1 FROM campaign_teams sct WHERE sct.campaign_id = c.id AND sct.team_id IN (:...scopeTeams))',
            { scopeTeams: scope.teamIds },
          );
        return;
    }
  }

  private listQuery(scope: CampaignScope): SelectQueryBuilder<Campaign> {
    const qb = this.campaigns
      .createQueryBuilder('c')
      .innerJoin(Portfolio, 'p', 'p.id = c.portfolio_id')
      .innerJoin(Client, 'cl', 'cl.id = p.client_id')
      .leftJoin(DispositionSet, 'ds', 'ds.id = c.disposition_set_id')
      .addSelect([
        'p.name AS portfolio_name',
        'p.currency AS portfolio_currency',
        'cl.id AS client_id',
        'cl.code AS client_code',
        'cl.name AS client_name',
        'ds.name AS disposition_set_name',
      ])
      // Live campaigns first, then drafts, finished last.
      .addSelect("FIELD(c.status, 'running', 'paused', 'draft', 'finished')", 'status_rank')
      .orderBy('status_rank', 'ASC')
      .addOrderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id', 'DESC');
    this.applyScope(qb, scope);
    return qb;
  }

  private async toRows(result: { entities: Campaign[]; raw: unknown[] }): Promise<CampaignRow[]> {
    const ids = result.entities.map((c) => c.id);
    const [teams, counts] = await Promise.all([this.teamsOf(ids), this.attemptCounts(ids)]);
    return result.entities.map((campaign, i) => {
      const r = result.raw[i] as {
        portfolio_name: string;
        portfolio_currency: string;
        client_id: string | number;
        client_code: string;
        client_name: string;
        disposition_set_name: string | null;
      };
      const count = counts.get(campaign.id);
      return {
        ...campaign,
        portfolioName: r.portfolio_name,
        currency: r.portfolio_currency,
        clientId: String(r.client_id),
        clientCode: r.client_code,
        clientName: r.client_name,
        dispositionSetName: r.disposition_set_name,
        teams: teams.get(campaign.id) ?? [],
        attempts: count?.attempts ?? 0,
        accountsAttempted: count?.accounts ?? 0,
      };
    });
  }

  async list(scope: CampaignScope): Promise<CampaignRow[]> {
    return this.toRows(await this.listQuery(scope).getRawAndEntities());
  }

  async findInScope(scope: CampaignScope, id: string): Promise<CampaignRow | null> {
    const result = await this.listQuery(scope).andWhere('c.id = :id', { id }).getRawAndEntities();
    return (await this.toRows(result))[0] ?? null;
  }

  /** Reads the campaign row for writing: concurrent edits and transitions of one campaign queue up. */
  lockById(id: string, tx: Tx): Promise<Campaign | null> {
    return tx
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /** campaign_teams has no entity of its own: it is two ids, written only here. */
  private async teamsOf(campaignIds: string[]): Promise<Map<string, CampaignTeamRef[]>> {
    const byCampaign = new Map<string, CampaignTeamRef[]>();
    if (campaignIds.length === 0) return byCampaign;
    const rows = (await this.campaigns.manager.query(
      `SELECT ct.campaign_id, t.id, t.name FROM campaign_teams ct
       INNER JOIN teams t ON t.id = ct.team_id
       WHERE ct.campaign_id IN (?) ORDER BY t.name`,
      [campaignIds],
    )) as { campaign_id: string | number; id: string | number; name: string }[];
    for (const row of rows) {
      const key = String(row.campaign_id);
      byCampaign.set(key, [...(byCampaign.get(key) ?? []), { id: String(row.id), name: row.name }]);
    }
    return byCampaign;
  }

  private async attemptCounts(
    campaignIds: string[],
  ): Promise<Map<string, { attempts: number; accounts: number }>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await this.campaigns.manager
      .getRepository(Interaction)
      .createQueryBuilder('i')
      .select('i.campaign_id', 'campaign_id')
      .addSelect('COUNT(*)', 'attempts')
      .addSelect('COUNT(DISTINCT i.account_id)', 'accounts')
      .where('i.campaign_id IN (:...campaignIds)', { campaignIds })
      .groupBy('i.campaign_id')
      .getRawMany<{ campaign_id: string | number; attempts: string; accounts: string }>();
    return new Map(
      rows.map((r) => [
        String(r.campaign_id),
        { attempts: Number(r.attempts), accounts: Number(r.accounts) },
      ]),
    );
  }

  async insert(campaign: Partial<Campaign>, teamIds: string[], tx: Tx): Promise<Campaign> {
    const repo = this.repo(tx);
    const saved = await repo.save(repo.create(campaign));
    await this.replaceTeams(saved.id, teamIds, tx);
    return saved;
  }

  async update(campaign: Campaign, teamIds: string[] | undefined, tx: Tx): Promise<Campaign> {
    const saved = await this.repo(tx).save(campaign);
    if (teamIds) await this.replaceTeams(campaign.id, teamIds, tx);
    return saved;
  }

  async setStatus(
    id: string,
    changes: Pick<Campaign, 'status'> & Partial<Pick<Campaign, 'startedAt' | 'finishedAt'>>,
    tx: Tx,
  ): Promise<void> {
    await this.repo(tx).update({ id }, changes);
  }

  private async replaceTeams(campaignId: string, teamIds: string[], tx: Tx): Promise<void> {
    await tx.query('DELETE FROM campaign_teams WHERE campaign_id = ?', [campaignId]);
    if (teamIds.length === 0) return;
    await tx.query('INSERT INTO campaign_teams (campaign_id, team_id) VALUES ?', [
      teamIds.map((teamId) => [campaignId, teamId]),
    ]);
  }

  async teamIdsOf(campaignId: string, tx?: Tx): Promise<string[]> {
    const manager = tx ?? this.campaigns.manager;
    const rows = (await manager.query('SELECT team_id FROM campaign_teams WHERE campaign_id = ?', [
      campaignId,
    ])) as { team_id: string | number }[];
    return rows.map((r) => String(r.team_id));
  }

  findPortfolio(id: string): Promise<Portfolio | null> {
    return this.campaigns.manager.getRepository(Portfolio).findOne({ where: { id } });
  }

  async existingTeamIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.campaigns.manager
      .getRepository(Team)
      .find({ select: { id: true }, where: { id: In(ids) } });
    return rows.map((t) => t.id);
  }

  async dispositionSetExists(id: string): Promise<boolean> {
    return (await this.campaigns.manager.getRepository(DispositionSet).count({ where: { id } })) > 0;
  }

  async dispositionSets(): Promise<DispositionSetRow[]> {
    const sets = await this.campaigns.manager.getRepository(DispositionSet).find({ order: { name: 'ASC' } });
    if (sets.length === 0) return [];
    const dispositions = await this.campaigns.manager.getRepository(Disposition).find({
      where: { setId: In(sets.map((s) => s.id)), active: true },
      order: { category: 'ASC', code: 'ASC' },
    });
    return sets.map((set) => ({ set, dispositions: dispositions.filter((d) => d.setId === set.id) }));
  }

  /**
   * Accounts of the portfolio's segment that the caller may see, and how many of them the given
   * teams hold. One pass over the segment index's range.
   */
  async countSegment(
    scope: CampaignScope,
    portfolioId: string,
    segment: CampaignSegment,
    teamIds: string[],
  ): Promise<SegmentCount> {
    const where = segmentWhere(segment, 'a');
    const qb = this.campaigns.manager
      .getRepository(Account)
      .createQueryBuilder('a')
      .select('COUNT(*)', 'matching')
      .where('a.portfolio_id = :portfolioId', { portfolioId })
      .andWhere('a.status = :workable', { workable: WORKABLE_ACCOUNT_STATUS })
      .andWhere(where.sql, where.params);
    if (teamIds.length > 0)
      qb.addSelect('COALESCE(SUM(a.assigned_team_id IN (:...campaignTeams)), 0)', 'assigned').setParameter(
        'campaignTeams',
        teamIds,
      );
    else qb.addSelect('0', 'assigned');
    if (scope.kind === 'teams') {
      if (scope.teamIds.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere('a.assigned_team_id IN (:...scopeTeams)', { scopeTeams: scope.teamIds });
    }
    const row = await qb.getRawOne<{ matching: string; assigned: string }>();
    return { matching: Number(row?.matching ?? 0), assignedToTeams: Number(row?.assigned ?? 0) };
  }
}
