import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ComplianceError } from '@recupera/shared';
import { Repository } from 'typeorm';
import { ComplianceRefusal } from './compliance-refusal.entity';
import type { TeamVisibility } from './compliance-gate.type';

export interface RefusalCountRow {
  reason: ComplianceError;
  count: number;
}

@Injectable()
export class ComplianceRefusalsRepository {
  constructor(
    @InjectRepository(ComplianceRefusal) private readonly refusals: Repository<ComplianceRefusal>,
  ) {}

  async insert(refusal: Omit<ComplianceRefusal, 'id'>): Promise<void> {
    await this.refusals.insert(refusal);
  }

  /** Refusals in [from, to) by reason, within the teams the caller sees. */
  async countByReason(
    visibility: TeamVisibility,
    from: Date,
    to: Date,
    campaignId: string | null,
  ): Promise<RefusalCountRow[]> {
    if (visibility !== 'all' && visibility.length === 0) return [];
    const qb = this.refusals
      .createQueryBuilder('r')
      .select('r.reason', 'reason')
      .addSelect('COUNT(*)', 'count')
      .where('r.at >= :from AND r.at < :to', { from, to })
      .groupBy('r.reason')
      .orderBy('count', 'DESC')
      .addOrderBy('r.reason', 'ASC');
    if (visibility !== 'all') qb.andWhere('r.team_id IN (:...teamIds)', { teamIds: visibility });
    if (campaignId) qb.andWhere('r.campaign_id = :campaignId', { campaignId });
    const rows = await qb.getRawMany<{ reason: ComplianceError; count: string }>();
    return rows.map((r) => ({ reason: r.reason, count: Number(r.count) }));
  }
}
