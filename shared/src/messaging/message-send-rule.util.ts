import { whatsappSendAllowed } from '../chat/whatsapp-window.util';
import type { MessageChannel } from '../contracts/conversations.type';

/**
 * Why a message was not sent, besides the compliance gate's reasons (ComplianceError values), as
 * campaign sends and reminders record them.
 */
export const MESSAGE_SEND_REASONS = [
  /** WhatsApp outside the 24-hour window with a template WhatsApp has not approved (no content SID). */
  'template_required',
  /** The debtor has no phone the channel can carry. */
  'no_contact_point',
  /** No active template of the purpose for the client (reminders). */
  'no_template',
  /** The carrier refused the message. */
  'carrier_error',
  /** The process stopped between claiming the send and hearing from the carrier. */
  'interrupted',
  /** Something of ours failed (logged); the message was not sent. */
  'internal_error',
] as const;
export type MessageSendReason = (typeof MESSAGE_SEND_REASONS)[number];

/**
 * WhatsApp's rule for a business-initiated message: free text within 24 hours of the debtor's last
 * message, otherwise only an approved template. SMS has no such rule.
 */
export function channelSendProblem(
  channel: MessageChannel,
  contentSid: string | null,
  lastInboundAt: Date | null,
  now: Date,
): 'template_required' | null {
  if (channel !== 'whatsapp') return null;
  const verdict = whatsappSendAllowed(lastInboundAt, now, contentSid !== null);
  return verdict.allowed ? null : verdict.reason;
}

/**
 * Evenly spaced sending at `perSecond`: the slot for a message asked for at `now` when the next free
 * slot is `nextFree`, and the slot after it.
 */
export function paceSlot(nextFree: number, now: number, perSecond: number): { at: number; nextFree: number } {
  const at = Math.max(nextFree, now);
  return { at, nextFree: at + 1000 / perSecond };
}
