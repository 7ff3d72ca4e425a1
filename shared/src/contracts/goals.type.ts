import type { GoalMetric, GoalScope, PeriodKind } from '../domain/enums.constant';

/** GET /goals?periodKind&periodStart — a period's goals, with the names of their scopes. */
export interface GoalListQuery {
  periodKind: PeriodKind;
  /** 'YYYY-MM-01' for a month, 'YYYY-01-01' for a year. */
  periodStart: string;
}

/**
 * PUT /goals — sets one goal (a second PUT for the same period, scope and metric replaces it).
 * `target` is minor units of `currency` for `recovered`, basis points for `sweep_rate` (8 500 =
 * 85 %), a count for `promises`.
 */
export interface SetGoalRequest extends GoalListQuery {
  scope: GoalScope;
  scopeId: string;
  metric: GoalMetric;
  target: number;
  /** Required for `recovered`, absent otherwise. */
  currency?: string;
}

export interface GoalResponse extends SetGoalRequest {
  id: string;
  scopeName: string;
  currency?: string;
  updatedAt: string;
}

/** The first day of a goal period: the 1st of a month, or 1 January for a year. */
export function isGoalPeriodStart(periodKind: PeriodKind, periodStart: string): boolean {
  return periodKind === 'month'
    ? /^\d{4}-(0[1-9]|1[0-2])-01$/.test(periodStart)
    : /^\d{4}-01-01$/.test(periodStart);
}
