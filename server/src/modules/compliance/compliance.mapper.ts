import type {
  ComplianceCheckResponse,
  ComplianceProfileResponse,
  HolidayResponse,
  RefusalSummaryResponse,
} from '@recupera/shared';
import type { GateEvaluation } from './compliance-gate.service';
import type { RefusalCountRow } from './compliance-refusals.repository';
import type { ProfileRow } from './compliance-rules.repository';
import type { Holiday } from './holiday.entity';

export function toProfileResponse(row: ProfileRow): ComplianceProfileResponse {
  return {
    code: row.code,
    definition: row.definition,
    updatedBy: row.updatedBy,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toHolidayResponse(holiday: Holiday): HolidayResponse {
  return { country: holiday.country, date: holiday.date, name: holiday.name };
}

export function toRefusalSummary(
  from: Date,
  to: Date,
  campaignId: string | null,
  rows: RefusalCountRow[],
): RefusalSummaryResponse {
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    campaignId,
    total: rows.reduce((sum, row) => sum + row.count, 0),
    byReason: rows,
  };
}

export function toCheckResponse(evaluation: GateEvaluation, checkedAt: Date): ComplianceCheckResponse {
  const { verdict } = evaluation;
  return {
    allowed: verdict.allowed,
    reason: verdict.allowed ? null : verdict.reason,
    retryAt: verdict.allowed ? null : (verdict.retryAt?.toISOString() ?? null),
    profile: evaluation.profile,
    timeZone: evaluation.timeZone,
    checkedAt: checkedAt.toISOString(),
  };
}
