import { CALL_OUTCOMES, CHANNELS, type CallOutcome, type Channel } from '../domain/enums.constant';
import { isJurisdiction } from '../domain/jurisdictions.constant';
import {
  CONTACT_PARTIES,
  WEEK_MODES,
  WEEKDAYS,
  type ComplianceProfile,
  type ContactParty,
  type ContactWindow,
  type FrequencyCap,
} from './compliance-profile.type';
import { HOUR_MS, MINUTE_MS, parseClockTime } from './local-time.util';

/** A window in milliseconds since local midnight, half-open. */
export interface MsWindow {
  from: number;
  to: number;
}

/** A cap with channel and outcome sets as bit masks; −1 where the profile says null. */
export interface CompiledCap {
  channels: number;
  uncounted: number;
  attemptsPerDay: number;
  attemptsPerWeek: number;
  contactsPerDay: number;
  contactsPerWeek: number;
  gapMs: number;
  daysApart: number;
}

/** A profile turned into the shapes the gate reads per attempt (parsed times, bit masks). */
export interface CompiledProfile {
  /** Index = weekday number (0 = Sunday); sorted, non-overlapping. */
  windows: readonly (readonly MsWindow[])[];
  caps: readonly CompiledCap[];
  coolDown: { days: number; triggeredBy: number; blocks: number } | null;
  abandonedBlockMs: number;
  consentRequired: number;
  allowedParties: ReadonlySet<ContactParty>;
}

export const CHANNEL_BITS = Object.fromEntries(CHANNELS.map((channel, i) => [channel, 1 << i])) as Readonly<
  Record<Channel, number>
>;
export const OUTCOME_BITS = Object.fromEntries(
  CALL_OUTCOMES.map((outcome, i) => [outcome, 1 << i]),
) as Readonly<Record<CallOutcome, number>>;

export function channelMask(channels: readonly Channel[]): number {
  let mask = 0;
  for (const channel of channels) mask |= CHANNEL_BITS[channel];
  return mask;
}

function outcomeMask(outcomes: readonly CallOutcome[]): number {
  let mask = 0;
  for (const outcome of outcomes) mask |= OUTCOME_BITS[outcome];
  return mask;
}

function isCount(value: number | null): boolean {
  return value === null || (Number.isInteger(value) && value >= 0);
}

function windowProblems(label: string, windows: readonly ContactWindow[] | undefined): string[] {
  if (!Array.isArray(windows)) return [`${label}: windows must be a list`];
  const problems: string[] = [];
  const parsed: MsWindow[] = [];
  for (const w of windows) {
    const from = parseClockTime(w.from);
    const to = parseClockTime(w.to);
    if (from === null || to === null) problems.push(`${label}: '${w.from}'–'${w.to}' is not HH:MM–HH:MM`);
    else if (from >= to) problems.push(`${label}: ${w.from}–${w.to} ends before it starts`);
    else parsed.push({ from, to });
  }
  parsed.sort((a, b) => a.from - b.from);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i].from < parsed[i - 1].to) problems.push(`${label}: windows overlap`);
  }
  return problems;
}

function capProblems(label: string, cap: FrequencyCap): string[] {
  const problems: string[] = [];
  if (cap.channels.length === 0) problems.push(`${label}: no channels`);
  for (const channel of cap.channels) {
    if (!CHANNELS.includes(channel)) problems.push(`${label}: unknown channel ${channel}`);
  }
  for (const outcome of cap.uncountedOutcomes) {
    if (!CALL_OUTCOMES.includes(outcome)) problems.push(`${label}: unknown outcome ${outcome}`);
  }
  const numbers = {
    maxAttemptsPerDay: cap.maxAttemptsPerDay,
    maxAttemptsPerWeek: cap.maxAttemptsPerWeek,
    maxContactsPerDay: cap.maxContactsPerDay,
    maxContactsPerWeek: cap.maxContactsPerWeek,
    minGapMinutes: cap.minGapMinutes,
    minDaysApart: cap.minDaysApart,
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (!isCount(value)) problems.push(`${label}: ${name} must be a whole number ≥ 0 or empty`);
  }
  return problems;
}

/** Everything wrong with a profile an admin edited, one line per problem; empty when usable. */
export function validateComplianceProfile(profile: ComplianceProfile): string[] {
  const problems: string[] = [];
  if (!isJurisdiction(profile.jurisdiction))
    problems.push(`unknown jurisdiction ${String(profile.jurisdiction)}`);
  for (const weekday of WEEKDAYS) problems.push(...windowProblems(weekday, profile.windows[weekday]));
  if (!WEEK_MODES.includes(profile.week)) problems.push(`unknown week mode ${String(profile.week)}`);
  profile.caps.forEach((cap, i) => problems.push(...capProblems(`cap ${i + 1}`, cap)));
  const coolDown = profile.coolDownAfterContact;
  if (coolDown && !(Number.isInteger(coolDown.days) && coolDown.days >= 1)) {
    problems.push('cool-down days must be a whole number ≥ 1');
  }
  if (profile.abandonedBlockHours !== null && !(profile.abandonedBlockHours >= 0)) {
    problems.push('abandoned block hours must be ≥ 0 or empty');
  }
  for (const party of profile.allowedParties) {
    if (!CONTACT_PARTIES.includes(party)) problems.push(`unknown party ${String(party)}`);
  }
  for (const channel of profile.consentRequired) {
    if (!CHANNELS.includes(channel)) problems.push(`unknown channel ${String(channel)}`);
  }
  return problems;
}

function limit(value: number | null): number {
  return value === null ? -1 : value;
}

function compileWindows(windows: readonly ContactWindow[]): MsWindow[] {
  return windows
    .map((w) => ({ from: parseClockTime(w.from)! * MINUTE_MS, to: parseClockTime(w.to)! * MINUTE_MS }))
    .sort((a, b) => a.from - b.from);
}

const compiled = new WeakMap<ComplianceProfile, CompiledProfile>();

/**
 * The compiled form of a profile, made once per profile object (profiles are values: an edit makes a
 * new object). Throws with every problem listed when the profile is not valid.
 */
export function compileProfile(profile: ComplianceProfile): CompiledProfile {
  let result = compiled.get(profile);
  if (!result) {
    const problems = validateComplianceProfile(profile);
    if (problems.length > 0)
      throw new Error(`Invalid compliance profile ${profile.jurisdiction}: ${problems.join('; ')}`);
    const coolDown = profile.coolDownAfterContact;
    result = {
      windows: WEEKDAYS.map((weekday) => compileWindows(profile.windows[weekday])),
      caps: profile.caps.map((cap) => ({
        channels: channelMask(cap.channels),
        uncounted: outcomeMask(cap.uncountedOutcomes),
        attemptsPerDay: limit(cap.maxAttemptsPerDay),
        attemptsPerWeek: limit(cap.maxAttemptsPerWeek),
        contactsPerDay: limit(cap.maxContactsPerDay),
        contactsPerWeek: limit(cap.maxContactsPerWeek),
        gapMs: cap.minGapMinutes === null ? -1 : cap.minGapMinutes * MINUTE_MS,
        daysApart: limit(cap.minDaysApart),
      })),
      coolDown: coolDown
        ? {
            days: coolDown.days,
            triggeredBy: channelMask(coolDown.triggeredBy),
            blocks: channelMask(coolDown.blocks),
          }
        : null,
      abandonedBlockMs: (profile.abandonedBlockHours ?? 0) * HOUR_MS,
      consentRequired: channelMask(profile.consentRequired),
      allowedParties: new Set(profile.allowedParties),
    };
    compiled.set(profile, result);
  }
  return result;
}
