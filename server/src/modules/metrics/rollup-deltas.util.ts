import {
  KEPT_GRACE_DAYS,
  addDays,
  agencyDate,
  zonedInstant,
  type IsoDate,
  type MetricScope,
  type ScopeKeys,
} from '@recupera/shared';

/** What one source row adds to a scope's day. */
export interface DailyCounters {
  attempts: number;
  humanAnswered: number;
  rightParty: number;
  agreements: number;
  promisedMinor: number;
  payments: number;
  recoveredMinor: number;
  talkSeconds: number;
  wrapSeconds: number;
  installmentsDue: number;
  installmentsKept: number;
}

/** One cell of the daily cube: a day, where the account sat (0: no team / agent), a currency. */
export interface DailyDelta extends DailyCounters {
  day: IsoDate;
  clientId: string;
  portfolioId: string;
  teamId: string;
  agentId: string;
  currency: string;
}

const ZERO: DailyCounters = {
  attempts: 0,
  humanAnswered: 0,
  rightParty: 0,
  agreements: 0,
  promisedMinor: 0,
  payments: 0,
  recoveredMinor: 0,
  talkSeconds: 0,
  wrapSeconds: 0,
  installmentsDue: 0,
  installmentsKept: 0,
};

/** The scopes a fact counts for: its agent and team (when it has them), portfolio and client. */
export function scopesOf(keys: ScopeKeys): { scope: MetricScope; scopeId: string }[] {
  const scopes: { scope: MetricScope; scopeId: string }[] = [];
  if (keys.agentId) scopes.push({ scope: 'agent', scopeId: keys.agentId });
  if (keys.teamId) scopes.push({ scope: 'team', scopeId: keys.teamId });
  scopes.push({ scope: 'portfolio', scopeId: keys.portfolioId });
  scopes.push({ scope: 'client', scopeId: keys.clientId });
  return scopes;
}

/** Sums source rows into one delta per cube cell, the day in the agency's calendar. */
export class DailyDeltas {
  private readonly deltas = new Map<string, DailyDelta>();

  constructor(private readonly timeZone: string) {}

  add(keys: ScopeKeys, at: Date, currency: string, counters: Partial<DailyCounters>): void {
    this.addOnDay(keys, agencyDate(this.timeZone, at), currency, counters);
  }

  addOnDay(keys: ScopeKeys, day: IsoDate, currency: string, counters: Partial<DailyCounters>): void {
    const cell = {
      day,
      clientId: keys.clientId,
      portfolioId: keys.portfolioId,
      teamId: keys.teamId ?? '0',
      agentId: keys.agentId ?? '0',
      currency,
    };
    const key = `${day}|${cell.clientId}|${cell.portfolioId}|${cell.teamId}|${cell.agentId}|${currency}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = { ...cell, ...ZERO };
      this.deltas.set(key, delta);
    }
    for (const [name, value] of Object.entries(counters) as [keyof DailyCounters, number][])
      delta[name] += value;
  }

  rows(): DailyDelta[] {
    return [...this.deltas.values()];
  }
}

/** A scope's month membership of one account, and what the month's attempts did to it. */
export interface SweepHit {
  scope: MetricScope;
  scopeId: string;
  month: IsoDate;
  accountId: string;
  rightParty: boolean;
}

/** The first day of the agency-calendar month of an instant. */
export function monthOf(timeZone: string, at: Date): IsoDate {
  return `${agencyDate(timeZone, at).slice(0, 7)}-01`;
}

/** The months (first days) an assignment span touches, up to `until` (now, or when it ended). */
export function monthsTouched(timeZone: string, from: Date, until: Date): IsoDate[] {
  const months: IsoDate[] = [];
  const last = monthOf(timeZone, until);
  for (let month = monthOf(timeZone, from); month <= last; ) {
    months.push(month);
    const [y, m] = month.split('-').map(Number);
    month = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
  }
  return months;
}

/** Where an installment stands in the rollups (the `rolled_up` column of installments). */
export const INSTALLMENT_ROLLUP = { pending: 0, due: 1, kept: 2, late: 3, void: 9 } as const;

export interface InstallmentChange {
  state: number;
  due: number;
  kept: number;
}

/**
 * What an installment's current status does to the counts of its due day: counted as due once;
 * kept once paid in full by the end of its due date + KEPT_GRACE_DAYS in the agency's calendar;
 * taken back if its agreement is cancelled. `rolledUp` is what was counted before.
 */
export function installmentChange(
  row: { dueDate: IsoDate; status: string; paidAt: Date | null; rolledUp: number },
  timeZone: string,
): InstallmentChange {
  const s = INSTALLMENT_ROLLUP;
  if (row.status === 'cancelled') {
    const counted = row.rolledUp === s.due || row.rolledUp === s.kept || row.rolledUp === s.late;
    return { state: s.void, due: counted ? -1 : 0, kept: row.rolledUp === s.kept ? -1 : 0 };
  }
  const due = row.rolledUp === s.pending ? 1 : 0;
  if (row.status !== 'paid' || !row.paidAt) return { state: s.due, due, kept: 0 };
  const deadline = zonedInstant(addDays(row.dueDate, KEPT_GRACE_DAYS + 1), '00:00', timeZone);
  return row.paidAt < deadline ? { state: s.kept, due, kept: 1 } : { state: s.late, due, kept: 0 };
}
