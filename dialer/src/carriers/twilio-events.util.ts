import type { CarrierCallEvent, CarrierEndReason } from './carrier.type';

/** Which of the carrier's webhooks Twilio called: the call's progress, or answering-machine detection. */
export type TwilioWebhookKind = 'status' | 'amd';

export const TWILIO_WEBHOOK_KINDS: readonly TwilioWebhookKind[] = ['status', 'amd'];

const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
type TwilioCallStatus = (typeof CALL_STATUSES)[number];

const ANSWERED_BY = [
  'human',
  'unknown',
  'machine_start',
  'machine_end_beep',
  'machine_end_silence',
  'machine_end_other',
  'fax',
] as const;
type TwilioAnsweredBy = (typeof ANSWERED_BY)[number];

function isCallStatus(value: string | undefined): value is TwilioCallStatus {
  return (CALL_STATUSES as readonly (string | undefined)[]).includes(value);
}

function isAnsweredBy(value: string | undefined): value is TwilioAnsweredBy {
  return (ANSWERED_BY as readonly (string | undefined)[]).includes(value);
}

/** Twilio stamps status callbacks in RFC 2822; when absent or unreadable the arrival time stands in. */
function eventTime(params: Record<string, string>, now: Date): Date {
  const raw = params['Timestamp'];
  if (!raw) return now;
  const parsed = new Date(raw);
  return Number.isNaN(parsed.getTime()) ? now : parsed;
}

function endReason(status: TwilioCallStatus): CarrierEndReason | 'ringing' | null {
  switch (status) {
    case 'ringing':
      return 'ringing';
    case 'completed':
      return 'completed';
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'no_answer';
    case 'failed':
      return 'failed';
    case 'canceled':
      return 'canceled';
    // Who picked up is told by the AMD callback, so "in-progress" carries nothing the dialer needs.
    case 'queued':
    case 'initiated':
    case 'in-progress':
      return null;
  }
}

function answeredBy(value: TwilioAnsweredBy): 'human' | 'machine' {
  switch (value) {
    // "unknown" means detection timed out on someone who kept talking: better an agent than a hang-up.
    case 'human':
    case 'unknown':
      return 'human';
    case 'machine_start':
    case 'machine_end_beep':
    case 'machine_end_silence':
    case 'machine_end_other':
    case 'fax':
      return 'machine';
  }
}

/**
 * Translates one Twilio webhook into the carrier event the dialer understands, or null when the
 * webhook reports nothing the dialer acts on (or a value Twilio may add in the future).
 */
export function twilioCallEvent(
  kind: TwilioWebhookKind,
  callId: string,
  params: Record<string, string>,
  now: Date,
): CarrierCallEvent | null {
  const carrierSid = params['CallSid'] ?? '';
  switch (kind) {
    case 'status': {
      const status = params['CallStatus'];
      if (!isCallStatus(status)) return null;
      const outcome = endReason(status);
      const at = eventTime(params, now);
      if (outcome === null) return null;
      if (outcome === 'ringing') return { kind: 'ringing', callId, carrierSid, at };
      return { kind: 'ended', callId, carrierSid, at, reason: outcome };
    }
    case 'amd': {
      const value = params['AnsweredBy'];
      if (!isAnsweredBy(value)) return null;
      return { kind: 'answered', callId, carrierSid, at: now, answeredBy: answeredBy(value) };
    }
  }
}

/** The parameter whose value tells one delivery of a webhook from another (for de-duplication). */
export function twilioWebhookOutcome(kind: TwilioWebhookKind, params: Record<string, string>): string {
  switch (kind) {
    case 'status':
      return params['CallStatus'] ?? '';
    case 'amd':
      return params['AnsweredBy'] ?? '';
  }
}
