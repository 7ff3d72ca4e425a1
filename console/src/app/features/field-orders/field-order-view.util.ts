import type { FieldOrderKind, FieldOrderOutcome, FieldOrderState } from '@recupera/shared';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import type { MessageParams } from '../../core/i18n/i18n.util';
import type { Tone } from '../../ui/tone.util';

const HOUR_MS = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight of the device's day, as an instant: "today" for a crew is its own local day. */
export function startOfLocalDay(now: Date): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

/** The value a `datetime-local` input shows for an instant, in the device's time zone. */
export function toLocalInputValue(instant: Date): string {
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
    `T${pad(instant.getHours())}:${pad(instant.getMinutes())}`
  );
}

/** The instant a `datetime-local` value means on this device; null when it is not one. */
export function fromLocalInputValue(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * What is wrong with a crew's report before it is sent (the server checks the same): a failed
 * order needs notes, and the time cannot be in the future (a minute's grace for the clock).
 */
export function reportProblem(
  outcome: FieldOrderOutcome,
  notes: string,
  occurredAt: Date | null,
  now: Date,
): MessageKey | null {
  if (occurredAt === null) return 'fieldOrders.invalidTime';
  if (occurredAt.getTime() > now.getTime() + 60_000) return 'fieldOrders.futureTime';
  if (outcome === 'failed' && notes.trim() === '') return 'fieldOrders.notesRequired';
  return null;
}

/** "5 h" under two days, "3 d" after. */
export function orderAge(createdAt: string, now: Date): { key: MessageKey; params: MessageParams } {
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / HOUR_MS));
  return hours < 48
    ? { key: 'fieldOrders.ageHours', params: { hours } }
    : { key: 'fieldOrders.ageDays', params: { days: Math.floor(hours / 24) } };
}

const KIND_TONES: Readonly<Record<FieldOrderKind, Tone>> = { suspension: 'danger', reconnection: 'success' };
const STATE_TONES: Readonly<Record<FieldOrderState, Tone>> = {
  pending: 'warning',
  assigned: 'info',
  executed: 'success',
  failed: 'danger',
  cancelled: 'muted',
};

export const fieldOrderKindTone = (kind: FieldOrderKind): Tone => KIND_TONES[kind];
export const fieldOrderStateTone = (state: FieldOrderState): Tone => STATE_TONES[state];
