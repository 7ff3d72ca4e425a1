import { agencyDate, type IsoDate, type MetricScope, type ScopeKeys } from '@recupera/shared';

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
