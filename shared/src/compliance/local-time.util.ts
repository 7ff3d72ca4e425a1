import { isIsoDate, type IsoDate } from '../domain/dates.util';
import { WEEKDAYS, type ClockTime, type Weekday } from './compliance-profile.type';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/*
 * Time-zone arithmetic with nothing but Intl. The dialer asks for the local time of every candidate
 * and of every attempt in its history, and an Intl.DateTimeFormat call costs microseconds, so the
 * UTC offset is remembered per zone and quarter hour of UTC. Offsets are whole quarter hours and
 * clocks change at whole local hours or half hours, so a transition falls on a quarter-hour boundary;
 * a quarter hour whose two ends still disagree is marked mixed and always asked exactly, so the cache
 * stays right even for a zone that breaks the pattern.
 */

const BUCKET_MS = 15 * MINUTE_MS;
const MIXED = Number.NaN;
// About three years of quarter hours for one zone; past that the cache starts over.
const MAX_BUCKETS_PER_ZONE = 100_000;

export interface ZoneClock {
  readonly zone: string;
  readonly formatter: Intl.DateTimeFormat;
  readonly offsets: Map<number, number>;
}

const clocks = new Map<string, ZoneClock>();

/** The cached clock of a zone; throws RangeError for a zone Intl does not know. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clock = { zone, formatter, offsets: new Map() };
    clocks.set(zone, clock);
  }
  return clock;
}

const EN_US_PARTS = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Offset (local − UTC, ms) at an instant, asked of Intl. */
function exactOffset(clock: ZoneClock, ms: number): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const m = EN_US_PARTS.exec(clock.formatter.format(wholeSecond));
  if (!m) throw new Error(`Unexpected date format from Intl for ${clock.zone}`);
  // Some engines print midnight as 24 even with h23.
  const hour = Number(m[4]) % 24;
  const local = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), hour, Number(m[5]), Number(m[6]));
  return local - wholeSecond;
}

/** Offset (local − UTC, ms) at an instant, from the cache when the quarter hour has one offset. */
export function offsetAt(clock: ZoneClock, ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = clock.offsets.get(bucket);
  if (offset === undefined) {
    const start = bucket * BUCKET_MS;
    const first = exactOffset(clock, start);
    offset = first === exactOffset(clock, start + BUCKET_MS - 1) ? first : MIXED;
    if (clock.offsets.size >= MAX_BUCKETS_PER_ZONE) clock.offsets.clear();
    clock.offsets.set(bucket, offset);
  }
  return Number.isNaN(offset) ? exactOffset(clock, ms) : offset;
}

/** The wall clock at an instant, as milliseconds since 1970-01-01T00:00 local. */
export function wallClockMs(clock: ZoneClock, ms: number): number {
  return ms + offsetAt(clock, ms);
}

/** Days since 1970-01-01 of the local calendar date at an instant. */
export function localDayOf(clock: ZoneClock, ms: number): number {
  return Math.floor(wallClockMs(clock, ms) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, like getUTCDay(); day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The Monday that starts the calendar week of a day. */
export function mondayOfDay(day: number): number {
  return day - ((weekdayOfDay(day) + 6) % 7);
}

export function isoOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayOfIso(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * The earliest instant whose wall clock reads `msOfDay` on local day `day`. A wall time skipped by a
 * spring-forward change maps to the change itself (the first instant at or after it); a repeated one
 * maps to its first occurrence.
 */
export function instantOfLocal(clock: ZoneClock, day: number, msOfDay: number): number {
  const wall = day * DAY_MS + msOfDay;
  // Offsets span −12 h…+14 h, so the instant lies within a day of `wall`; any transition near it
  // shows up as a difference between these three samples.
  const candidates = [offsetAt(clock, wall - DAY_MS), offsetAt(clock, wall), offsetAt(clock, wall + DAY_MS)];
  let best = Number.POSITIVE_INFINITY;
  for (const offset of candidates) {
    const ms = wall - offset;
    if (ms < best && offsetAt(clock, ms) === offset) best = ms;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // Skipped: the wall clock jumps over `wall` between these two instants; find the jump.
  let lo = wall - Math.max(...candidates);
  let hi = wall - Math.min(...candidates);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClockMs(clock, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Minutes since midnight of 'HH:MM' ('24:00' allowed), or null when malformed. */
export function parseClockTime(time: ClockTime): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

export interface LocalParts {
  /** The local calendar date. */
  date: IsoDate;
  weekday: Weekday;
  /** Whole minutes since local midnight, by the wall clock. */
  minuteOfDay: number;
  /** Milliseconds since local midnight, by the wall clock. */
  msOfDay: number;
  /** Days since 1970-01-01 of the local date; handy for counting days. */
  day: number;
  /** Local time minus UTC, in minutes (−300 in Bogotá). */
  offsetMinutes: number;
}

/** What the debtor's clock and calendar say at an instant. */
export function localParts(instant: Date, zone: string): LocalParts {
  const clock = zoneClock(zone);
  const ms = instant.getTime();
  const offset = offsetAt(clock, ms);
  const wall = ms + offset;
  const day = Math.floor(wall / DAY_MS);
  const msOfDay = wall - day * DAY_MS;
  return {
    date: isoOfDay(day),
    weekday: WEEKDAYS[weekdayOfDay(day)],
    minuteOfDay: Math.floor(msOfDay / MINUTE_MS),
    msOfDay,
    day,
    offsetMinutes: offset / MINUTE_MS,
  };
}

/**
 * The instant at which the debtor's wall clock reads `time` on `date` (the first one when the time
 * repeats, the change itself when it is skipped). Throws on a malformed date or time.
 */
export function zonedInstant(date: IsoDate, time: ClockTime, zone: string): Date {
  const minutes = parseClockTime(time);
  if (minutes === null || !isIsoDate(date)) throw new Error(`Invalid local time ${date} ${time}`);
  return new Date(instantOfLocal(zoneClock(zone), dayOfIso(date), minutes * MINUTE_MS));
}
