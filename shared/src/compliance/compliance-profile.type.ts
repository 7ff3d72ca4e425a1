import type { CallOutcome, Channel } from '../domain/enums.constant';
import type { Jurisdiction } from '../domain/jurisdictions.constant';

/** Index = JavaScript's getUTCDay(), so a weekday number maps straight to its name. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A wall-clock time 'HH:MM' (24 h) in the debtor's zone; '24:00' closes a window at midnight. */
export type ClockTime = string;

/**
 * A contact window, half-open: an attempt may start at `from` and must start before `to`
 * (a 19:00 close refuses 19:00:00 sharp; laws say "until 19:00", and starting at the bell is not
 * "within" it).
 */
export interface ContactWindow {
  from: ClockTime;
  to: ClockTime;
}

/** Windows per weekday in the debtor's local time; an empty list closes the day. */
export type WeeklyWindows = Readonly<Record<Weekday, readonly ContactWindow[]>>;

/**
 * How "a week" is counted for weekly caps and the channel-mix rule, always in the debtor's local
 * calendar:
 * - `rolling_7_days`: the day being evaluated and the six local days before it (Reg F's "seven
 *   consecutive days"); also the safe reading of a bare "per week", because no calendar week can then
 *   hold more than the cap either.
 * - `calendar_week`: Monday to Sunday, the reading of a rule that says "the same week".
 */
export const WEEK_MODES = ['rolling_7_days', 'calendar_week'] as const;
export type WeekMode = (typeof WEEK_MODES)[number];

/** Who a contact point reaches. References are never contacted under any default profile. */
export const CONTACT_PARTIES = ['debtor', 'co_debtor', 'guarantor', 'reference'] as const;
export type ContactParty = (typeof CONTACT_PARTIES)[number];

/**
 * Whose history the frequency rules count. The gate counts whatever history it is given; this tells
 * the caller what to give it: Reg F counts per debt, while the Latin American laws protect the
 * person, so their caps should see the debtor's attempts across all of the debtor's accounts.
 */
export const FREQUENCY_SCOPES = ['debt', 'debtor'] as const;
export type FrequencyScope = (typeof FREQUENCY_SCOPES)[number];

/**
 * Limits shared by a group of channels: attempts on any channel of the group count together and an
 * attempt on any of them is checked against them. `null` means no limit. A "contact" is an attempt
 * that reached the right party (right-party contact / conversation).
 */
export interface FrequencyCap {
  channels: readonly Channel[];
  maxAttemptsPerDay: number | null;
  maxAttemptsPerWeek: number | null;
  maxContactsPerDay: number | null;
  maxContactsPerWeek: number | null;
  /** Minutes from the last counted attempt of the group to the next one. */
  minGapMinutes: number | null;
  /** Local calendar days between counted attempts (2 = Monday, then Wednesday at the earliest). */
  minDaysApart: number | null;
  /** Outcomes that do not count at all, e.g. Reg F leaves out calls not connected to the number. */
  uncountedOutcomes: readonly CallOutcome[];
}

/**
 * No attempt on `blocks` channels for `days` local calendar days after a right-party contact on a
 * `triggeredBy` channel; the day of the contact is day 1 (Reg F 1006.14(b)(2)(i)(B)).
 */
export interface ContactCoolDown {
  days: number;
  triggeredBy: readonly Channel[];
  blocks: readonly Channel[];
}

/**
 * One jurisdiction's contact rules as plain, editable data (DESIGN.md §5). Profiles are treated as
 * immutable values: the gate compiles each profile object once, so an edit must produce a new object.
 */
export interface ComplianceProfile {
  jurisdiction: Jurisdiction;
  /** The rule the numbers come from, shown to admins and auditors. */
  source: string;
  windows: WeeklyWindows;
  /** Public holidays close the whole day. */
  honourHolidays: boolean;
  week: WeekMode;
  frequencyScope: FrequencyScope;
  caps: readonly FrequencyCap[];
  coolDownAfterContact: ContactCoolDown | null;
  /** Hours a number stays blocked for voice after an abandoned call to it (DESIGN.md §4: 72). */
  abandonedBlockHours: number | null;
  /** After a right-party contact, other channels wait for the next week (CO Ley 2300). */
  channelMixAfterContact: boolean;
  /** Channels that need the debtor's explicit consent; elsewhere only a withdrawal blocks. */
  consentRequired: readonly Channel[];
  allowedParties: readonly ContactParty[];
  stopAfterLawsuitServed: boolean;
  stopAfterInsolvency: boolean;
}
