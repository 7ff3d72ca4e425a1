import type {
  ChargeLedgerEntryResponse,
  ChargeRuleResponse,
  FeeScheduleResponse,
  InterestCapResponse,
} from '@recupera/shared';
import type { LedgerRow } from './charge-ledger.repository';
import type { ChargeRuleRow, FeeTrancheRow, InterestCapRow } from './charge-settings.repository';

export function toLedgerEntryResponse(row: LedgerRow): ChargeLedgerEntryResponse {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export function toChargeRuleResponse(row: ChargeRuleRow): ChargeRuleResponse {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

export function toInterestCapResponse(row: InterestCapRow): InterestCapResponse {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

/** Tranche rows grouped into one schedule per jurisdiction and currency (rows come ordered). */
export function toFeeSchedules(rows: readonly FeeTrancheRow[]): FeeScheduleResponse[] {
  const schedules = new Map<string, FeeScheduleResponse>();
  for (const { jurisdiction, currency, lowerMinor, upperMinor, ratePpm } of rows) {
    const key = `${jurisdiction}|${currency}`;
    const schedule = schedules.get(key) ?? { jurisdiction, currency, tranches: [] };
    schedule.tranches.push({ lowerMinor, upperMinor, ratePpm });
    schedules.set(key, schedule);
  }
  return [...schedules.values()];
}
