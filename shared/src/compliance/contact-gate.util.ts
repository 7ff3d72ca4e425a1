import { ComplianceError, isTimeBound } from './compliance-errors.constant';
import {
  CHANNEL_BITS,
  compileProfile,
  OUTCOME_BITS,
  type CompiledProfile,
  type MsWindow,
} from './compliance-profile.util';
import { WEEKDAYS } from './compliance-profile.type';
import type { AttemptInput, InconvenientTime, Verdict } from './contact-gate.type';
import {
  DAY_MS,
  instantOfLocal,
  isoOfDay,
  MINUTE_MS,
  mondayOfDay,
  offsetAt,
  parseClockTime,
  wallClockMs,
  weekdayOfDay,
  zoneClock,
  type ZoneClock,
} from './local-time.util';

/*
 * The contact gate (DESIGN.md §5): every attempt, on every channel, asks evaluateAttempt first. It is
 * a pure function of its input and `now`; days and weeks are the debtor's local calendar days.
 */

// How far ahead retryAt is searched; a profile that opens less than once a year gets none.
const HORIZON_DAYS = 400;
// Each step of the search jumps to the end of one rule's wait or to the next window, so a handful
// of steps settle it; the bound only stops a pathological profile from spinning.
const MAX_SEARCH_STEPS = 500;

const VOICE = CHANNEL_BITS.voice;
const ABANDONED = OUTCOME_BITS.abandoned;

interface HistoryItem {
  ms: number;
  day: number;
  channel: number;
  outcome: number;
  rpc: boolean;
  outbound: boolean;
  sameContactPoint: boolean;
}

interface Blocks {
  /** Index = weekday number; ms since local midnight. */
  byWeekday: MsWindow[][];
}

interface Gate {
  input: AttemptInput;
  profile: CompiledProfile;
  clock: ZoneClock;
  channel: number;
  blocks: Blocks | null;
  history: HistoryItem[] | null;
}

interface Violation {
  reason: ComplianceError;
  /** The earliest instant this rule could pass; +∞ when it never will. */
  notBefore: number;
}

/** Refusals that no amount of waiting lifts. */
function standingRefusal(input: AttemptInput, profile: CompiledProfile): ComplianceError | null {
  const { legal, contactPoint } = input;
  if (input.profile.stopAfterLawsuitServed && legal.lawsuitServed) return ComplianceError.LawsuitServed;
  if (input.profile.stopAfterInsolvency && legal.insolvencyOpened) {
    return ComplianceError.InsolvencyProceeding;
  }
  if (!contactPoint.valid) return ComplianceError.InvalidContactPoint;
  if (contactPoint.doNotContact) return ComplianceError.DoNotContact;
  if (!profile.allowedParties.has(contactPoint.party ?? 'debtor')) return ComplianceError.PartyNotAllowed;
  const consent = contactPoint.consent[input.channel] ?? 'unknown';
  if (consent === 'withdrawn') return ComplianceError.ConsentWithdrawn;
  if (consent !== 'granted' && (profile.consentRequired & CHANNEL_BITS[input.channel]) !== 0) {
    return ComplianceError.ConsentMissing;
  }
  return null;
}

function compileBlocks(times: readonly InconvenientTime[] | undefined): Blocks | null {
  if (!times || times.length === 0) return null;
  const byWeekday: MsWindow[][] = WEEKDAYS.map(() => []);
  for (const time of times) {
    const from = parseClockTime(time.from);
    const to = parseClockTime(time.to);
    if (from === null || to === null || from >= to) {
      throw new Error(`Invalid inconvenient time ${time.from}–${time.to}`);
    }
    for (const weekday of time.weekdays ?? WEEKDAYS) {
      byWeekday[WEEKDAYS.indexOf(weekday)].push({ from: from * MINUTE_MS, to: to * MINUTE_MS });
    }
  }
  return { byWeekday };
}

function openGate(input: AttemptInput, profile: CompiledProfile): Gate {
  return {
    input,
    profile,
    clock: zoneClock(input.timeZone),
    channel: CHANNEL_BITS[input.channel],
    blocks: compileBlocks(input.inconvenientTimes),
    history: null,
  };
}

function historyOf(gate: Gate): HistoryItem[] {
  if (!gate.history) {
    const { clock, input } = gate;
    gate.history = input.history.map((attempt) => {
      const ms = attempt.at.getTime();
      return {
        ms,
        day: Math.floor((ms + offsetAt(clock, ms)) / DAY_MS),
        channel: CHANNEL_BITS[attempt.channel],
        outcome: OUTCOME_BITS[attempt.outcome],
        rpc: attempt.rightPartyContact,
        outbound: attempt.direction !== 'inbound',
        sameContactPoint: attempt.contactPointId === input.contactPoint.id,
      };
    });
  }
  return gate.history;
}

function isHoliday(gate: Gate, day: number): boolean {
  return gate.input.profile.honourHolidays && gate.input.holidays.has(isoOfDay(day));
}

function contains(windows: readonly MsWindow[], msOfDay: number): boolean {
  for (const w of windows) if (msOfDay >= w.from && msOfDay < w.to) return true;
  return false;
}

/** The windows of a local day once holidays and the debtor's inconvenient times are taken out. */
function openWindows(gate: Gate, day: number): readonly MsWindow[] {
  const weekday = weekdayOfDay(day);
  const windows = gate.profile.windows[weekday];
  if (windows.length === 0 || isHoliday(gate, day)) return [];
  const blocks = gate.blocks?.byWeekday[weekday];
  if (!blocks || blocks.length === 0) return windows;
  let open: MsWindow[] = [...windows];
  for (const block of blocks) {
    const next: MsWindow[] = [];
    for (const w of open) {
      if (block.to <= w.from || block.from >= w.to) next.push(w);
      else {
        if (w.from < block.from) next.push({ from: w.from, to: block.from });
        if (block.to < w.to) next.push({ from: block.to, to: w.to });
      }
    }
    open = next;
  }
  return open;
}

/** Why the calendar refuses this local moment, most basic reason first. */
function calendarRefusal(gate: Gate, day: number, msOfDay: number): ComplianceError | null {
  const windows = gate.profile.windows[weekdayOfDay(day)];
  if (windows.length === 0) return ComplianceError.NoWindowToday;
  if (isHoliday(gate, day)) return ComplianceError.Holiday;
  if (!contains(windows, msOfDay)) return ComplianceError.OutsideWindow;
  if (gate.blocks && !contains(openWindows(gate, day), msOfDay)) return ComplianceError.InconvenientTime;
  return null;
}

/** The first instant at or after `ms` inside an open window, or NaN within the horizon. */
function nextOpening(gate: Gate, ms: number): number {
  const wall = wallClockMs(gate.clock, ms);
  const today = Math.floor(wall / DAY_MS);
  const msOfDay = wall - today * DAY_MS;
  for (let day = today; day <= today + HORIZON_DAYS; day++) {
    for (const w of openWindows(gate, day)) {
      if (day === today) {
        if (msOfDay >= w.to) continue;
        if (msOfDay >= w.from) return ms;
      }
      const opening = instantOfLocal(gate.clock, day, w.from);
      if (opening >= ms) return opening;
    }
  }
  return Number.NaN;
}

function startOfDay(gate: Gate, day: number): number {
  return instantOfLocal(gate.clock, day, 0);
}

/** The day a week-long limit frees up, given the days of the counted events and the limit. */
function weekRelease(gate: Gate, weekStart: number, days: number[], max: number): number {
  if (max <= 0) return Number.POSITIVE_INFINITY;
  if (gate.input.profile.week === 'calendar_week') return startOfDay(gate, weekStart + 7);
  // Rolling: the oldest (count − max + 1) events must leave the 7-day window.
  days.sort((a, b) => a - b);
  return startOfDay(gate, days[days.length - max] + 7);
}

/** The first history rule that refuses an attempt at `ms` (local day `day`), with when it lifts. */
function historyViolation(gate: Gate, ms: number, day: number): Violation | null {
  const { profile, channel } = gate;
  const history = historyOf(gate);
  const calendarWeek = gate.input.profile.week === 'calendar_week';
  const weekStart = calendarWeek ? mondayOfDay(day) : day - 6;

  // DESIGN.md §4: an abandoned call's number is not redialled for 72 h.
  if (channel === VOICE && profile.abandonedBlockMs > 0) {
    let until = Number.NEGATIVE_INFINITY;
    for (const h of history) {
      if (h.outcome === ABANDONED && h.outbound && h.sameContactPoint) {
        until = Math.max(until, h.ms + profile.abandonedBlockMs);
      }
    }
    if (ms < until) return { reason: ComplianceError.AbandonedRecently, notBefore: until };
  }

  const coolDown = profile.coolDown;
  if (coolDown && coolDown.blocks & channel) {
    let lastContactDay = Number.NEGATIVE_INFINITY;
    for (const h of history) {
      if (h.rpc && h.channel & coolDown.triggeredBy) lastContactDay = Math.max(lastContactDay, h.day);
    }
    if (day < lastContactDay + coolDown.days) {
      return {
        reason: ComplianceError.CoolDownAfterContact,
        notBefore: startOfDay(gate, lastContactDay + coolDown.days),
      };
    }
  }

  if (gate.input.profile.channelMixAfterContact) {
    let lastOtherChannelContact = Number.NEGATIVE_INFINITY;
    for (const h of history) {
      if (h.rpc && h.channel !== channel && h.day >= weekStart && h.day <= day) {
        lastOtherChannelContact = Math.max(lastOtherChannelContact, h.day);
      }
    }
    if (lastOtherChannelContact !== Number.NEGATIVE_INFINITY) {
      const release = calendarWeek ? weekStart + 7 : lastOtherChannelContact + 7;
      return { reason: ComplianceError.ChannelMix, notBefore: startOfDay(gate, release) };
    }
  }

  for (const cap of profile.caps) {
    if (!(cap.channels & channel)) continue;
    let attemptsToday = 0;
    let contactsToday = 0;
    const attemptDays: number[] = [];
    const contactDays: number[] = [];
    let lastMs = Number.NEGATIVE_INFINITY;
    let lastDay = Number.NEGATIVE_INFINITY;
    for (const h of history) {
      if (!(h.channel & cap.channels) || h.outcome & cap.uncounted) continue;
      const thisWeek = h.day >= weekStart && h.day <= day;
      if (h.rpc) {
        if (h.day === day) contactsToday++;
        if (thisWeek) contactDays.push(h.day);
      }
      if (!h.outbound) continue;
      if (h.day === day) attemptsToday++;
      if (thisWeek) attemptDays.push(h.day);
      if (h.ms > lastMs) lastMs = h.ms;
      if (h.day > lastDay) lastDay = h.day;
    }
    // A daily limit of 0 closes the channel for good; otherwise it lifts at local midnight.
    if (cap.contactsPerDay >= 0 && contactsToday >= cap.contactsPerDay) {
      const notBefore = cap.contactsPerDay === 0 ? Number.POSITIVE_INFINITY : startOfDay(gate, day + 1);
      return { reason: ComplianceError.DailyContactCap, notBefore };
    }
    if (cap.attemptsPerDay >= 0 && attemptsToday >= cap.attemptsPerDay) {
      const notBefore = cap.attemptsPerDay === 0 ? Number.POSITIVE_INFINITY : startOfDay(gate, day + 1);
      return { reason: ComplianceError.DailyCap, notBefore };
    }
    if (cap.contactsPerWeek >= 0 && contactDays.length >= cap.contactsPerWeek) {
      return {
        reason: ComplianceError.WeeklyContactCap,
        notBefore: weekRelease(gate, weekStart, contactDays, cap.contactsPerWeek),
      };
    }
    if (cap.attemptsPerWeek >= 0 && attemptDays.length >= cap.attemptsPerWeek) {
      return {
        reason: ComplianceError.WeeklyCap,
        notBefore: weekRelease(gate, weekStart, attemptDays, cap.attemptsPerWeek),
      };
    }
    if (cap.daysApart > 0 && day < lastDay + cap.daysApart) {
      return { reason: ComplianceError.MinDaysApart, notBefore: startOfDay(gate, lastDay + cap.daysApart) };
    }
    if (cap.gapMs > 0 && ms < lastMs + cap.gapMs) {
      return { reason: ComplianceError.MinGap, notBefore: lastMs + cap.gapMs };
    }
  }
  return null;
}

/** The first instant at or after `fromMs` that every time-bound rule allows, or null. */
function earliestAllowed(gate: Gate, fromMs: number): number | null {
  let ms = fromMs;
  for (let step = 0; step < MAX_SEARCH_STEPS; step++) {
    ms = nextOpening(gate, ms);
    if (Number.isNaN(ms)) return null;
    const violation = historyViolation(gate, ms, Math.floor(wallClockMs(gate.clock, ms) / DAY_MS));
    if (!violation) return ms;
    if (violation.notBefore === Number.POSITIVE_INFINITY) return null;
    ms = Math.max(ms + 1, violation.notBefore);
  }
  return null;
}

/**
 * May this attempt happen at `now`? Refusals name the first rule that blocks it, checked in the
 * order: legal stage, contact point, calendar, then history; `retryAt` is the first instant every
 * rule allows it (skipping closed days, holidays, gaps and cool-downs), given no other attempt is
 * made meanwhile — absent when waiting cannot help or nothing opens within about a year.
 * Throws on an invalid profile, time zone or inconvenient time: bad data must not read as "allowed".
 */
export function evaluateAttempt(input: AttemptInput, now: Date): Verdict {
  const profile = compileProfile(input.profile);
  const standing = standingRefusal(input, profile);
  if (standing) return { allowed: false, reason: standing };
  const gate = openGate(input, profile);
  const nowMs = now.getTime();
  const wall = wallClockMs(gate.clock, nowMs);
  const day = Math.floor(wall / DAY_MS);
  const reason =
    calendarRefusal(gate, day, wall - day * DAY_MS) ?? historyViolation(gate, nowMs, day)?.reason;
  if (!reason) return { allowed: true };
  const retryAt = isTimeBound(reason) ? earliestAllowed(gate, nowMs) : null;
  return retryAt === null
    ? { allowed: false, reason }
    : { allowed: false, reason, retryAt: new Date(retryAt) };
}

/**
 * The first instant at or after `from` at which evaluateAttempt would allow the attempt, assuming
 * no other attempt happens meanwhile; null when a standing refusal (consent, do-not-contact, legal
 * stage…) blocks it or nothing opens within about a year. This is what retryAt reports.
 */
export function nextAllowedInstant(input: AttemptInput, from: Date): Date | null {
  const profile = compileProfile(input.profile);
  if (standingRefusal(input, profile)) return null;
  const ms = earliestAllowed(openGate(input, profile), from.getTime());
  return ms === null ? null : new Date(ms);
}
