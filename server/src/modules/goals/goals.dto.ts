import {
  GOAL_METRICS,
  GOAL_SCOPES,
  PERIOD_KINDS,
  type GoalListQuery,
  type GoalMetric,
  type GoalScope,
  type PeriodKind,
  type SetGoalRequest,
} from '@recupera/shared';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class GoalListQueryDto implements GoalListQuery {
  @IsIn(PERIOD_KINDS) periodKind!: PeriodKind;
  @Matches(/^\d{4}-\d{2}-01$/, { message: 'periodStart must be the first day of the period (YYYY-MM-01)' })
  periodStart!: string;
}

export class SetGoalDto extends GoalListQueryDto implements SetGoalRequest {
  @IsIn(GOAL_SCOPES) scope!: GoalScope;
  @Matches(/^[1-9]\d{0,18}$/, { message: 'scopeId must be an id' }) scopeId!: string;
  @IsIn(GOAL_METRICS) metric!: GoalMetric;
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) target!: number;
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO code' }) currency?: string;
}
