import { isE164 } from '../domain/phone.util';
import { localParts } from '../compliance/local-time.util';
import type { MessageChannel } from '../contracts/conversations.type';
import type { MessageAudience } from '../contracts/messaging.type';
import { addDays, toIsoDate, type IsoDate } from '../domain/dates.util';
import type { ConsentStatus, ContactPointType } from '../domain/enums.constant';

/** One of the debtor's phones. */
export interface RecipientPoint {
  id: string;
  type: ContactPointType;
  value: string;
  valid: boolean;
  doNotContact: boolean;
  /** The point's own consent. */
  consent: ConsentStatus;
  /** Consent given or withdrawn for one channel (an SMS "BAJA"), which outranks the point's own. */
  channelConsent: Partial<Record<MessageChannel, ConsentStatus>>;
}

/** The consent the gate reads for a message on `channel` to this point. */
export function consentFor(point: RecipientPoint, channel: MessageChannel): ConsentStatus {
  return point.channelConsent[channel] ?? point.consent;
}

/** Whether the gate would refuse this point outright, whatever the hour. */
export function pointRefused(point: RecipientPoint, channel: MessageChannel): boolean {
  return point.doNotContact || consentFor(point, channel) === 'withdrawn';
}

/** Lower is better: a point the gate would pass before one it refuses, consent given before unknown. */
function rank(point: RecipientPoint, channel: MessageChannel): number[] {
  const consent = consentFor(point, channel);
  return [
    point.doNotContact ? 1 : 0,
    consent === 'granted' ? 0 : consent === 'withdrawn' ? 2 : 1,
    channel === 'whatsapp' && point.type !== 'whatsapp' ? 1 : 0,
  ];
}

/**
 * The phone a message on `channel` goes to: SMS a valid mobile, WhatsApp a WhatsApp number or else a
 * valid mobile. A point the gate would refuse (do-not-contact, consent withdrawn) is still chosen
 * when it is the only one, so the refusal is recorded with the gate's reason rather than lost.
 */
export function pickContactPoint(
  channel: MessageChannel,
  points: readonly RecipientPoint[],
): RecipientPoint | null {
  const fits = points.filter(
    (p) =>
      p.valid &&
      isE164(p.value) &&
      (p.type === 'mobile' || (channel === 'whatsapp' && p.type === 'whatsapp')),
  );
  let best: RecipientPoint | null = null;
  let bestRank: number[] = [];
  for (const point of fits) {
    const r = rank(point, channel);
    if (
      best === null ||
      lessThan(r, bestRank) ||
      (equal(r, bestRank) && Number(point.id) < Number(best.id))
    ) {
      best = point;
      bestRank = r;
    }
  }
  return best;
}

function lessThan(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function equal(a: number[], b: number[]): boolean {
  return !lessThan(a, b) && !lessThan(b, a);
}

/**
 * The due dates a query should read for an audience counted in days from today: every zone's today
 * is within a day of UTC's, so the exact date is settled per debtor by `dueDateMatches`.
 */
export function dueDateWindow(days: number, now: Date): { from: IsoDate; to: IsoDate } {
  const today = toIsoDate(now);
  return { from: addDays(today, days - 1), to: addDays(today, days + 1) };
}

/** Whether `dueDate` is `days` after the debtor's own today. */
export function dueDateMatches(dueDate: IsoDate, days: number, timeZone: string, now: Date): boolean {
  return addDays(localParts(now, timeZone).date, days) === dueDate;
}

const MAX_AUDIENCE_DAYS = 60;

const isWhole = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

/**
 * The audience a request names, keeping only the fields of its kind, or what is wrong with it (the
 * body arrives as JSON, so nothing about it is trusted).
 */
export function parseAudience(raw: unknown): { audience: MessageAudience } | { problem: string } {
  if (typeof raw !== 'object' || raw === null) return { problem: 'audience must be an object' };
  const input = raw as Record<string, unknown>;
  switch (input['kind']) {
    case 'due_in_days':
    case 'installment_due_in_days': {
      const days = input['days'];
      if (!isWhole(days, 0) || days > MAX_AUDIENCE_DAYS)
        return { problem: `audience.days must be a whole number of days from 0 to ${MAX_AUDIENCE_DAYS}` };
      return { audience: { kind: input['kind'], days } };
    }
    case 'broken_agreements':
      return { audience: { kind: 'broken_agreements' } };
    case 'past_due': {
      const min = input['minDaysPastDue'];
      const max = input['maxDaysPastDue'];
      if (!isWhole(min, 0)) return { problem: 'audience.minDaysPastDue must be a whole number >= 0' };
      if (max === undefined || max === null) return { audience: { kind: 'past_due', minDaysPastDue: min } };
      if (!isWhole(max, min))
        return { problem: 'audience.maxDaysPastDue must be a whole number >= minDaysPastDue' };
      return { audience: { kind: 'past_due', minDaysPastDue: min, maxDaysPastDue: max } };
    }
    default:
      return {
        problem: 'audience.kind must be due_in_days, installment_due_in_days, broken_agreements or past_due',
      };
  }
}

/** What picking a reminder's template needs to know of one. */
export interface RouteTemplate {
  clientId: string | null;
  channel: MessageChannel;
}

const CHANNEL_ORDER: readonly MessageChannel[] = ['sms', 'whatsapp'];

/**
 * The template and phone a reminder goes by: the client's own templates before the shared ones, SMS
 * before WhatsApp, and a pair whose phone the gate would pass before one it would refuse.
 */
export function pickReminderRoute<T extends RouteTemplate>(
  templates: readonly T[],
  points: readonly RecipientPoint[],
): { template: T; point: RecipientPoint } | { problem: 'no_template' | 'no_contact_point' } {
  if (templates.length === 0) return { problem: 'no_template' };
  const ordered = [...templates].sort(
    (a, b) =>
      Number(a.clientId === null) - Number(b.clientId === null) ||
      CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel),
  );
  let fallback: { template: T; point: RecipientPoint } | null = null;
  for (const template of ordered) {
    const point = pickContactPoint(template.channel, points);
    if (!point) continue;
    if (!pointRefused(point, template.channel)) return { template, point };
    fallback ??= { template, point };
  }
  return fallback ?? { problem: 'no_contact_point' };
}
