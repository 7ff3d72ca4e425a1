import { minorDigits, type Money } from '@recupera/shared';
import type { WidgetLocale, WidgetTextKey } from './widget-i18n.constant';

const TAGS: Record<WidgetLocale, string> = { es: 'es', en: 'en' };

/** In Spanish an amount is written as at home of its currency: $12,500.00 in Mexico, $12.500,00 in Colombia. */
const SPANISH_MONEY: Readonly<Record<string, string>> = {
  MXN: 'es-MX',
  COP: 'es-CO',
  CLP: 'es-CL',
  PEN: 'es-PE',
  USD: 'es-EC',
};

export function formatMoney(money: Money, locale: WidgetLocale): string {
  const digits = minorDigits(money.currency);
  const tag = locale === 'es' ? (SPANISH_MONEY[money.currency] ?? 'es') : TAGS[locale];
  return new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.amountMinor / 10 ** digits);
}

/** A calendar date (YYYY-MM-DD) as the debtor reads it; no time zone may shift its day. */
export function formatDate(isoDate: string, locale: WidgetLocale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatTime(instant: string, locale: WidgetLocale): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(TAGS[locale], { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** Only the last four characters of an account number show on a page others may be looking at. */
export function maskAccountNumber(accountNumber: string): string {
  const visible = accountNumber.slice(-4);
  return accountNumber.length <= 4 ? accountNumber : `•••• ${visible}`;
}

/** What the debtor typed as a code: digits only, at most six. */
export function cleanCode(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 6);
}

/** An API failure as the widget sees it: the HTTP status (0 when the network failed) and the code. */
export interface WidgetFailure {
  status: number;
  code: string | null;
}

/**
 * The message for a failed identify or verify. The server's wording never reaches the page: a
 * wrong national id and an unknown account read the same.
 */
export function failureText(step: 'identify' | 'verify' | 'session', failure: WidgetFailure): WidgetTextKey {
  const { status, code } = failure;
  if (status === 0) return 'errorNetwork';
  if (status === 429) return 'errorRateLimited';
  if (step === 'session' && (status === 401 || status === 403)) return 'errorSessionExpired';
  if (step === 'identify') {
    if (status === 404) return 'errorNotFound';
    if (status === 422) return 'errorNoMobile';
    if (status === 400) return 'errorInvalid';
  }
  if (step === 'verify') {
    if (status === 410 || code === 'code_expired' || code === 'token_expired') return 'errorCodeExpired';
    if (status === 409 || code === 'code_attempts') return 'errorCodeDead';
    if (status === 404) return 'errorCodeExpired';
    if (status === 400 || status === 422) return 'errorCodeWrong';
  }
  return 'errorGeneric';
}
