import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GoalScope } from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { Goal } from './goal.entity';

type Raw = Record<string, unknown>;

const NAME_OF: Record<GoalScope, string> = {
  team: 'SELECT name FROM teams WHERE id = ?',
  agent: "SELECT full_name AS name FROM users WHERE id = ? AND role = 'agent'",
  portfolio: 'SELECT name FROM portfolios WHERE id = ?',
  client: 'SELECT name FROM clients WHERE id = ?',
};

@Injectable()
export class GoalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(periodKind: string, periodStart: string): Promise<Goal[]> {
    return this.dataSource.getRepository(Goal).find({
      where: { periodKind: periodKind as Goal['periodKind'], periodStart },
      order: { scope: 'ASC', scopeId: 'ASC', metric: 'ASC' },
    });
  }

  findSame(
    goal: Pick<Goal, 'periodKind' | 'periodStart' | 'scope' | 'scopeId' | 'metric'>,
    tx: Tx,
  ): Promise<Goal | null> {
    return tx.getRepository(Goal).findOne({ where: goal, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string, tx: Tx): Promise<Goal | null> {
    return tx.getRepository(Goal).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(goal: Partial<Goal>, tx: Tx): Promise<Goal> {
    return tx.getRepository(Goal).save(goal);
  }

  async remove(id: string, tx: Tx): Promise<void> {
    await tx.getRepository(Goal).delete({ id });
  }

  /** The display name of a goal's scope; null when it does not exist. */
  async scopeName(scope: GoalScope, scopeId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(NAME_OF[scope], [scopeId])) as Raw[];
    return rows[0] ? String(rows[0]['name']) : null;
  }
}
