import type {
  ComplianceProfile,
  ContactWindow,
  FrequencyCap,
  Weekday,
  WeeklyWindows,
} from '@recupera/shared';
import { detailLines, type ApiError } from '../../core/http/api-error.util';

/** Monday first, the way a contact center reads its week. */
export const WEEK_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The numeric limits of a cap, in the order the tables show them. */
export const CAP_LIMITS = [
  'maxAttemptsPerDay',
  'maxAttemptsPerWeek',
  'maxContactsPerDay',
  'maxContactsPerWeek',
  'minGapMinutes',
  'minDaysApart',
] as const;
export type CapLimit = (typeof CAP_LIMITS)[number];

/** '07:00–19:00, 14:00–18:00'; an empty string for a closed day. */
export function windowsToText(windows: readonly ContactWindow[]): string {
  return windows.map((w) => `${w.from}–${w.to}`).join(', ');
}

/**
 * The editor's text back into windows. Deliberately lenient: whatever the admin typed goes to the
 * server, whose validation names each malformed or overlapping window in one list.
 */
export function textToWindows(text: string): ContactWindow[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [from = '', to = ''] = part.split(/\s*[-–—]\s*/);
      return { from: from.trim(), to: to.trim() };
    });
}

export type WeekTexts = Record<Weekday, string>;

/** One text field per weekday, as the editor shows them. */
export function weekToTexts(week: WeeklyWindows): WeekTexts {
  return {
    mon: windowsToText(week.mon),
    tue: windowsToText(week.tue),
    wed: windowsToText(week.wed),
    thu: windowsToText(week.thu),
    fri: windowsToText(week.fri),
    sat: windowsToText(week.sat),
    sun: windowsToText(week.sun),
  };
}

export function textsToWeek(texts: Readonly<WeekTexts>): WeeklyWindows {
  return {
    mon: textToWindows(texts.mon),
    tue: textToWindows(texts.tue),
    wed: textToWindows(texts.wed),
    thu: textToWindows(texts.thu),
    fri: textToWindows(texts.fri),
    sat: textToWindows(texts.sat),
    sun: textToWindows(texts.sun),
  };
}

/** A number input's value as a limit: empty means no limit. */
export function limitFromText(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

export function emptyCap(): FrequencyCap {
  return {
    channels: ['voice'],
    maxAttemptsPerDay: null,
    maxAttemptsPerWeek: null,
    maxContactsPerDay: null,
    maxContactsPerWeek: null,
    minGapMinutes: null,
    minDaysApart: null,
    uncountedOutcomes: [],
  };
}

/** A deep copy the editor can change freely: profiles from the server are shared, immutable values. */
export function cloneProfile(profile: ComplianceProfile): ComplianceProfile {
  return JSON.parse(JSON.stringify(profile)) as ComplianceProfile;
}

/**
 * The lines to show under a refused save: the rule problems the server listed for the profile, or
 * the field errors of a malformed request.
 */
export function problemsOf(error: ApiError | null): string[] {
  if (!error) return [];
  const details = error.details as { problems?: unknown } | undefined;
  if (details && Array.isArray(details.problems)) return details.problems.map(String);
  return detailLines(error.details);
}
