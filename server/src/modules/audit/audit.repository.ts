import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditQuery } from '@recupera/shared';
import { Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import type { PageWindow } from '../../common/http/page.util';
import { User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';

export interface AuditRow extends AuditEvent {
  actorName: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async insert(event: Omit<AuditEvent, 'id'>, tx?: Tx): Promise<void> {
    const repo = tx ? tx.getRepository(AuditEvent) : this.events;
    await repo.insert(event);
  }

  async search(query: AuditQuery, window: PageWindow): Promise<[AuditRow[], number]> {
    const qb = this.events
      .createQueryBuilder('e')
      .leftJoin(User, 'u', 'u.id = e.actor_id')
      .addSelect('u.full_name', 'actor_name');
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('e.at < :to', { to: new Date(query.to) });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset(window.skip)
      .limit(window.pageSize)
      .getRawAndEntities();
    const rows = entities.map((entity, i) => ({
      ...entity,
      actorName: (raw[i] as { actor_name: string | null }).actor_name,
    }));
    return [rows, total];
  }
}
