import type {
  PeriodAgingRow,
  PeriodCurrencyFigures,
  PeriodScope,
  PeriodScopeFigures,
} from '../contracts/periods.type';
import { AGING_BUCKETS, type AgingBucket } from '../domain/aging.util';
import { contactedSweepRate, delinquencyIndex, keptRate, sweepRate } from '../metrics/kpi.util';

/** A scope's sums of the month's rollups in one currency. */
export interface PeriodCubeCounts {
  attempts: number;
  rightPartyContacts: number;
  agreements: number;
  promisedMinor: number;
  recoveredMinor: number;
  installmentsDue: number;
  installmentsKept: number;
}

export interface PeriodSweepCounts {
  assigned: number;
  attempted: number;
  rightParty: number;
}

/** Receivable accounts counted by where they sit, their currency and aging bucket. */
export interface AgingGroup {
  clientId: string;
  portfolioId: string;
  teamId: string | null;
  currency: string;
  bucket: AgingBucket;
  accounts: number;
  balanceMinor: number;
  overdueMinor: number;
}

export interface PeriodScopeRef {
  scope: PeriodScope;
  scopeId: string | null;
  name: string;
  clientId?: string;
}

export const NO_SWEEP: PeriodSweepCounts = { assigned: 0, attempted: 0, rightParty: 0 };

/** Every bucket in order (empty ones as zeros), so closed months line up in a chart. */
export function agingRows(groups: readonly AgingGroup[]): PeriodAgingRow[] {
  return AGING_BUCKETS.map((bucket) => {
    const inBucket = groups.filter((g) => g.bucket === bucket);
    return {
      bucket,
      accounts: inBucket.reduce((sum, g) => sum + g.accounts, 0),
      balanceMinor: inBucket.reduce((sum, g) => sum + g.balanceMinor, 0),
      overdueMinor: inBucket.reduce((sum, g) => sum + g.overdueMinor, 0),
    };
  });
}

/** Sweep of a scope made of disjoint ones (a client's portfolios: an account is in one portfolio). */
export function sumSweep(rows: readonly PeriodSweepCounts[]): PeriodSweepCounts {
  return rows.reduce(
    (sum, r) => ({
      assigned: sum.assigned + r.assigned,
      attempted: sum.attempted + r.attempted,
      rightParty: sum.rightParty + r.rightParty,
    }),
    NO_SWEEP,
  );
}

function moneyOf(
  currency: string,
  cube: PeriodCubeCounts | undefined,
  aging: readonly AgingGroup[],
): PeriodCurrencyFigures {
  const rows = agingRows(aging.filter((g) => g.currency === currency));
  const balanceMinor = rows.reduce((sum, r) => sum + r.balanceMinor, 0);
  const overdueMinor = rows.reduce((sum, r) => sum + r.overdueMinor, 0);
  return {
    currency,
    recoveredMinor: cube?.recoveredMinor ?? 0,
    promisedMinor: cube?.promisedMinor ?? 0,
    balanceMinor,
    overdueMinor,
    delinquencyIndex: delinquencyIndex(overdueMinor, balanceMinor),
    aging: rows,
  };
}

/**
 * A scope's figures for the month: counts added over currencies (an attempt is an attempt in any
 * currency), money kept per currency, the largest first. `aging` holds only the scope's accounts.
 */
export function scopeFigures(
  ref: PeriodScopeRef,
  cube: ReadonlyMap<string, PeriodCubeCounts>,
  sweep: PeriodSweepCounts,
  aging: readonly AgingGroup[],
): PeriodScopeFigures {
  const cubes = [...cube.values()];
  const sum = (pick: (c: PeriodCubeCounts) => number) => cubes.reduce((total, c) => total + pick(c), 0);
  const currencies = new Set([...cube.keys(), ...aging.map((g) => g.currency)]);
  const money = [...currencies]
    .map((currency) => moneyOf(currency, cube.get(currency), aging))
    .sort(
      (a, b) =>
        b.recoveredMinor + b.balanceMinor - (a.recoveredMinor + a.balanceMinor) ||
        a.currency.localeCompare(b.currency),
    );
  const installmentsDue = sum((c) => c.installmentsDue);
  const installmentsKept = sum((c) => c.installmentsKept);
  return {
    scope: ref.scope,
    scopeId: ref.scopeId,
    name: ref.name,
    ...(ref.clientId === undefined ? {} : { clientId: ref.clientId }),
    attempts: sum((c) => c.attempts),
    rightPartyContacts: sum((c) => c.rightPartyContacts),
    agreements: sum((c) => c.agreements),
    installmentsDue,
    installmentsKept,
    keptRate: keptRate(installmentsKept, installmentsDue),
    assigned: sweep.assigned,
    attempted: sweep.attempted,
    rightParty: sweep.rightParty,
    sweepRate: sweepRate(sweep.attempted, sweep.assigned),
    contactedSweepRate: contactedSweepRate(sweep.rightParty, sweep.assigned),
    money,
  };
}

/** Whether a scope did or held anything in the month (idle clients and teams are left out). */
export function hasFigures(figures: PeriodScopeFigures): boolean {
  return (
    figures.attempts > 0 ||
    figures.agreements > 0 ||
    figures.installmentsDue > 0 ||
    figures.assigned > 0 ||
    figures.money.some((m) => m.recoveredMinor !== 0 || m.balanceMinor !== 0 || m.promisedMinor !== 0)
  );
}
