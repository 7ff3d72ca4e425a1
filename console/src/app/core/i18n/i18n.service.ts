import { DOCUMENT, formatDate, formatNumber, formatPercent } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { formatMoney, type Locale, type Money } from '@recupera/shared';
import { readStorage, writeStorage } from '../browser-storage.util';
import { detailLines, errorMessageKey, type ApiError } from '../http/api-error.util';
import { MESSAGES_EN } from './messages-en.constant';
import { MESSAGES_ES, type MessageKey } from './messages-es.constant';
import {
  FALLBACK_LOCALE,
  durationParts,
  isLocale,
  translate,
  type Dictionaries,
  type LabelGroup,
  type LabelValue,
  type MessageParams,
} from './i18n.util';

export const LOCALE_STORAGE_KEY = 'recupera.locale';

const DICTIONARIES: Dictionaries = { es: MESSAGES_ES, en: MESSAGES_EN };
const EMPTY = '—';

/**
 * The console's runtime translation layer. Every reader of `t()` or a formatter reads the `locale`
 * signal, so templates re-render when the user switches language without reloading the page.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly stored = readStorage(LOCALE_STORAGE_KEY);
  private readonly current = signal<Locale>(isLocale(this.stored) ? this.stored : FALLBACK_LOCALE);

  readonly locale = this.current.asReadonly();
  /** Whether the user picked a language on this browser (then it wins over the profile's). */
  readonly hasPreference = signal(isLocale(this.stored));
  readonly otherLocale = computed<Locale>(() => (this.current() === 'es' ? 'en' : 'es'));

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLocale(locale: Locale, remember = true): void {
    this.current.set(locale);
    this.document.documentElement.lang = locale;
    if (remember) {
      writeStorage(LOCALE_STORAGE_KEY, locale);
      this.hasPreference.set(true);
    }
  }

  /** Adopts the profile's language at sign-in unless the user chose one on this browser. */
  adoptProfileLocale(locale: Locale): void {
    if (!this.hasPreference()) this.setLocale(locale, false);
  }

  readonly t = (key: MessageKey, params?: MessageParams): string =>
    translate(DICTIONARIES, this.current(), key, params);

  /** Label of an enum value: `label('accountStatus', 'paid')`, typed so every value has a text. */
  readonly label = <G extends LabelGroup>(group: G, value: LabelValue<G>): string =>
    translate(DICTIONARIES, this.current(), `${group}.${value}`);

  readonly money = (money: Money | null | undefined): string =>
    money ? formatMoney(money, this.current()) : EMPTY;

  readonly minor = (amountMinor: number | null | undefined, currency: string): string =>
    amountMinor === null || amountMinor === undefined
      ? EMPTY
      : formatMoney({ amountMinor, currency }, this.current());

  /** A civil date ('YYYY-MM-DD') or an instant, as a date. */
  readonly date = (value: string | null | undefined): string =>
    value ? formatDate(value, 'mediumDate', this.current()) : EMPTY;

  readonly dateTime = (value: string | null | undefined): string =>
    value ? formatDate(value, 'medium', this.current()) : EMPTY;

  /** A month given as 'YYYY-MM' (or any date in it), e.g. "noviembre 2025". */
  readonly month = (value: string): string => formatDate(`${value.slice(0, 7)}-01`, 'MMMM y', this.current());

  readonly number = (value: number | null | undefined): string =>
    value === null || value === undefined ? EMPTY : formatNumber(value, this.current(), '1.0-0');

  readonly percent = (ratio: number | null | undefined, maxDigits = 1): string =>
    ratio === null || ratio === undefined ? EMPTY : formatPercent(ratio, this.current(), `1.0-${maxDigits}`);

  readonly bytes = (value: number): string => {
    const units = ['B', 'KB', 'MB', 'GB'];
    let size = value;
    let unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
      size /= 1024;
      unit += 1;
    }
    return `${formatNumber(size, this.current(), unit === 0 ? '1.0-0' : '1.0-1')} ${units[unit]}`;
  };

  /** The translated text of an API error, or null when there is none (handy in templates). */
  readonly error = (error: ApiError | null | undefined): string | null =>
    error ? this.t(errorMessageKey(error.code)) : null;

  /**
   * For errors where the server's own words help (validation, a file's missing columns): the
   * translated headline followed by the server's details.
   */
  readonly errorWithDetails = (error: ApiError | null | undefined): string | null => {
    if (!error) return null;
    const lines = detailLines(error.details);
    const extra =
      lines.length > 0
        ? lines.join(' · ')
        : error.code === 'network' || error.code === 'unknown'
          ? ''
          : error.message;
    const headline = this.t(errorMessageKey(error.code));
    return extra && extra !== headline ? `${headline} ${extra}` : headline;
  };

  readonly duration = (seconds: number): string => {
    const { key, params } = durationParts(seconds);
    return this.t(key, params);
  };
}
