import { addDays, zonedInstant, type IsoDate } from '@recupera/shared';

const DAY_MS = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * The agency's days around the seeded window, computed once: where each local day starts (DST-safe,
 * through the shared zonedInstant), its ISO date, weekday and seeded month. The generator places
 * tens of millions of instants, so it never calls Intl per row.
 */
export class AgencyCalendar {
  private readonly starts: number[] = [];
  private readonly isos: IsoDate[] = [];
  private readonly weekdays: number[] = [];
  private readonly monthIndexes: number[] = [];
  private readonly utcPrefixes = new Map<number, string>();

  /** `months` are 'YYYY-MM', oldest first; days run from `padDays` before the first to `padDays` after the last. */
  constructor(
    readonly zone: string,
    readonly months: readonly string[],
    padDays: number,
  ) {
    const first = addDays(`${months[0]}-01`, -padDays);
    const lastMonth = months[months.length - 1];
    const [y, m] = lastMonth.split('-').map(Number);
    const endDay = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
    const last = addDays(endDay, padDays);
    for (let day = first; day <= last; day = addDays(day, 1)) {
      this.starts.push(zonedInstant(day, '00:00', zone).getTime());
      this.isos.push(day);
      this.weekdays.push(new Date(`${day}T12:00:00Z`).getUTCDay());
      this.monthIndexes.push(months.indexOf(day.slice(0, 7)));
    }
  }

  get firstMs(): number {
    return this.starts[0];
  }

  get lastMs(): number {
    return this.starts[this.starts.length - 1];
  }

  /** Index of the local day holding `ms` (clamped to the calendar). */
  dayIndex(ms: number): number {
    let k = Math.floor((ms - this.starts[0]) / DAY_MS);
    if (k < 0) return 0;
    if (k >= this.starts.length) return this.starts.length - 1;
    while (k > 0 && this.starts[k] > ms) k--;
    while (k + 1 < this.starts.length && this.starts[k + 1] <= ms) k++;
    return k;
  }

  dayStart(k: number): number {
    return this.starts[Math.max(0, Math.min(k, this.starts.length - 1))];
  }

  iso(k: number): IsoDate {
    return this.isos[Math.max(0, Math.min(k, this.isos.length - 1))];
  }

  weekday(k: number): number {
    return this.weekdays[k];
  }

  /** Index in `months` of the agency month holding `ms`, or −1 outside the seeded months. */
  monthIndexOf(ms: number): number {
    return this.monthIndexes[this.dayIndex(ms)];
  }

  /** `ms` as a MariaDB DATETIME(3) literal in UTC. */
  datetime(ms: number): string {
    const day = Math.floor(ms / DAY_MS);
    let prefix = this.utcPrefixes.get(day);
    if (prefix === undefined) {
      prefix = `${new Date(day * DAY_MS).toISOString().slice(0, 10)} `;
      this.utcPrefixes.set(day, prefix);
    }
    let rest = ms - day * DAY_MS;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1_000);
    return `${prefix}${TWO[h]}:${TWO[m]}:${TWO[s]}.${THREE[rest - s * 1_000]}`;
  }
}
