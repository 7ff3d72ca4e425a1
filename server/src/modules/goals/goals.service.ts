import { Injectable } from '@nestjs/common';
import { isGoalPeriodStart, type GoalListQuery, type GoalResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { Goal } from './goal.entity';
import type { SetGoalDto } from './goals.dto';
import { GoalsRepository } from './goals.repository';

/** Managers' goals per period and scope: what the dashboards measure attainment against. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async list(query: GoalListQuery): Promise<GoalResponse[]> {
    this.assertPeriod(query);
    const goals = await this.goals.list(query.periodKind, query.periodStart);
    return Promise.all(goals.map((goal) => this.toResponse(goal)));
  }

  /** Sets the goal of a period, scope and metric, replacing the one there was; audited. */
  async set(actor: AuthUser, dto: SetGoalDto, ip: string | null): Promise<GoalResponse> {
    this.assertPeriod(dto);
    if (dto.metric === 'recovered' && !dto.currency)
      throw AppException.invalid('A recovery goal needs its currency');
    if (dto.metric !== 'recovered' && dto.currency)
      throw AppException.invalid('Only a recovery goal has a currency');
    if (dto.metric === 'sweep_rate' && dto.target > 10_000)
      throw AppException.invalid('A sweep-rate goal is in basis points, at most 10 000 (100 %)');
    if ((await this.goals.scopeName(dto.scope, dto.scopeId)) === null)
      throw AppException.notFound(`The ${dto.scope}`);
    const saved = await this.uow.run(async (tx) => {
      const key = {
        periodKind: dto.periodKind,
        periodStart: dto.periodStart,
        scope: dto.scope,
        scopeId: dto.scopeId,
        metric: dto.metric,
      };
      const before = await this.goals.findSame(key, tx);
      const goal = await this.goals.save(
        {
          ...(before ?? {}),
          ...key,
          target: dto.target,
          currency: dto.currency ?? null,
          createdBy: actor.id,
        },
        tx,
      );
      await this.audit.record(
        {
          actor,
          action: before ? 'goal.updated' : 'goal.created',
          entityType: 'goal',
          entityId: goal.id,
          before: before ? { target: before.target, currency: before.currency } : null,
          after: { ...key, target: goal.target, currency: goal.currency },
          ip,
        },
        tx,
      );
      return goal;
    });
    return this.toResponse(saved);
  }

  async remove(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.uow.run(async (tx) => {
      const goal = await this.goals.findById(id, tx);
      if (!goal) throw AppException.notFound('Goal');
      await this.goals.remove(id, tx);
      await this.audit.record(
        {
          actor,
          action: 'goal.deleted',
          entityType: 'goal',
          entityId: id,
          before: { ...goal },
          after: null,
          ip,
        },
        tx,
      );
    });
  }

  private assertPeriod(query: GoalListQuery): void {
    if (!isGoalPeriodStart(query.periodKind, query.periodStart))
      throw AppException.invalid(
        query.periodKind === 'month' ? 'A month goal starts on the 1st' : 'A year goal starts on 1 January',
      );
  }

  private async toResponse(goal: Goal): Promise<GoalResponse> {
    return {
      id: goal.id,
      periodKind: goal.periodKind,
      periodStart: goal.periodStart,
      scope: goal.scope,
      scopeId: goal.scopeId,
      scopeName: (await this.goals.scopeName(goal.scope, goal.scopeId)) ?? '',
      metric: goal.metric,
      target: goal.target,
      ...(goal.currency ? { currency: goal.currency } : {}),
      updatedAt: goal.updatedAt.toISOString(),
    };
  }
}
