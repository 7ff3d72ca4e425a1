import type { Locale } from '@recupera/shared';
import type { MessageKey } from './messages-es.constant';

export type MessageParams = Readonly<Record<string, string | number>>;
export type Dictionary = Readonly<Partial<Record<string, string>>>;
export type Dictionaries = Readonly<Record<Locale, Dictionary>>;

export const FALLBACK_LOCALE: Locale = 'es';
export const LOCALES: readonly Locale[] = ['es', 'en'];

/** The groups of keys written `group.value`, e.g. `accountStatus` in `accountStatus.paid`. */
export type LabelGroup = MessageKey extends `${infer G}.${string}` ? G : never;
/** The values a group has keys for: `LabelValue<'aging'>` is `'0-30' | '31-60' | …`. */
export type LabelValue<G extends string, K extends string = MessageKey> = K extends `${G}.${infer V}`
  ? V
  : never;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Replaces `{name}` with params.name; a placeholder without a value stays visible so it gets noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Looks a key up in the locale's dictionary, then in Spanish (the reference), and finally returns
 * the key itself: a missing text shows up as `imports.title` on screen instead of an empty label.
 */
export function translate(
  dictionaries: Dictionaries,
  locale: Locale,
  key: string,
  params?: MessageParams,
): string {
  const own = dictionaries[locale];
  const fallback = dictionaries[FALLBACK_LOCALE];
  const template = Object.hasOwn(own, key)
    ? own[key]
    : Object.hasOwn(fallback, key)
      ? fallback[key]
      : undefined;
  return template === undefined ? key : interpolate(template, params);
}

/** "4 min 30 s" style parts of a number of seconds, for messages like the lock-out's retry time. */
export function durationParts(totalSeconds: number): { key: MessageKey; params: MessageParams } {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return { key: 'duration.seconds', params: { seconds: rest } };
  if (rest === 0) return { key: 'duration.minutes', params: { minutes } };
  return { key: 'duration.minutesSeconds', params: { minutes, seconds: rest } };
}
