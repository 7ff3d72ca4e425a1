import type { MessageStatus } from '@recupera/shared';

/** Twilio's message statuses in ours; null for one that says nothing about delivery. */
export function toMessageStatus(twilioStatus: string): MessageStatus | null {
  switch (twilioStatus) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'failed':
    case 'canceled':
      return 'failed';
    case 'undelivered':
      return 'undelivered';
    case 'receiving':
    case 'received':
      return 'received';
    default:
      return null;
  }
}

/** WhatsApp numbers travel as `whatsapp:+E164` at Twilio; SMS as the bare number. */
export function twilioAddress(channel: 'sms' | 'whatsapp', e164: string): string {
  return channel === 'whatsapp' ? `whatsapp:${e164}` : e164;
}
