import {
  CONTACT_POINT_TYPES_BY_CHANNEL,
  ErrorCode,
  type ConsentStatus,
  type ContactPointView,
  type MessageChannel,
} from '@recupera/shared';
import type { ApiError } from '../../core/http/api-error.util';

/** The debtor's numbers a message on this channel can go to (the gate still judges each one). */
export function messagePoints(
  points: readonly ContactPointView[],
  channel: MessageChannel,
): ContactPointView[] {
  const types = CONTACT_POINT_TYPES_BY_CHANNEL[channel];
  return points.filter((point) => types.includes(point.type));
}

/** A point's consent for one channel: what the debtor said on that channel, else the point's own. */
export function channelConsentOf(point: ContactPointView, channel: MessageChannel): ConsentStatus {
  return point.channelConsents.find((c) => c.channel === channel)?.status ?? point.consent;
}

/** A refusal by the contact gate (409 with its reason), as opposed to any other failure. */
export interface MessageRefusal {
  reason: string;
  retryAt: string | null;
}

export function messageRefusal(error: ApiError): MessageRefusal | null {
  if (error.code !== ErrorCode.Conflict || typeof error.details !== 'object' || error.details === null)
    return null;
  const details = error.details as Record<string, unknown>;
  if (typeof details['reason'] !== 'string') return null;
  return {
    reason: details['reason'],
    retryAt: typeof details['retryAt'] === 'string' ? details['retryAt'] : null,
  };
}
