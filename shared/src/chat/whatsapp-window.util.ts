/** WhatsApp lets a business write freely only within 24 hours of the customer's last message. */
export const WHATSAPP_SESSION_HOURS = 24;

export function freeFormUntil(lastInboundAt: Date | null): Date | null {
  return lastInboundAt ? new Date(lastInboundAt.getTime() + WHATSAPP_SESSION_HOURS * 3_600_000) : null;
}

/**
 * Whether a WhatsApp message may go: free text inside the session window, outside it only an
 * approved template (one with a content SID).
 */
export function whatsappSendAllowed(
  lastInboundAt: Date | null,
  now: Date,
  approvedTemplate: boolean,
): { allowed: true } | { allowed: false; reason: 'template_required' } {
  if (approvedTemplate) return { allowed: true };
  const until = freeFormUntil(lastInboundAt);
  return until && now.getTime() < until.getTime()
    ? { allowed: true }
    : { allowed: false, reason: 'template_required' };
}
