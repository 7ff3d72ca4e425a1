import { isE164 } from '@recupera/shared';
import { mediaProblem, type MessageChannel, type MessageMedia } from '@recupera/shared';
import type { InboundMessage } from './messaging.type';

const SID = /^(SM|MM)[0-9a-f]{32}$/i;

/** Reads Twilio's inbound message webhook (form fields), or says what is wrong with it. */
export function parseInboundMessage(
  params: Record<string, unknown>,
  at: Date,
): { message: InboundMessage } | { problem: string } {
  const field = (name: string): string => (typeof params[name] === 'string' ? (params[name] as string) : '');
  const sid = field('MessageSid');
  if (!SID.test(sid)) return { problem: 'MessageSid is missing or malformed' };
  const rawFrom = field('From');
  const channel = rawFrom.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const from = rawFrom.replace(/^whatsapp:/, '');
  const to = field('To').replace(/^whatsapp:/, '');
  if (!isE164(from)) return { problem: `From must be an E.164 number (got "${rawFrom}")` };
  if (!isE164(to)) return { problem: `To must be an E.164 number (got "${field('To')}")` };
  const count = Number(field('NumMedia') || '0');
  if (!Number.isInteger(count) || count < 0 || count > 10) return { problem: 'NumMedia must be 0 to 10' };
  const media: MessageMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = field(`MediaUrl${i}`);
    const contentType = field(`MediaContentType${i}`);
    if (!/^https?:\/\//.test(url) || !contentType)
      return { problem: `MediaUrl${i} / MediaContentType${i} are incomplete` };
    // Twilio does not say a file's size in the webhook; the type is what can be checked here.
    media.push({ url, contentType, sizeBytes: null });
  }
  return { message: { channel, from, to, body: field('Body').slice(0, 1_600), media, carrierSid: sid, at } };
}

/**
 * Splits a debtor's attachments into what the channel carries and what it does not (kept out of the
 * thread; the debtor is told). Twilio sends no sizes, so only the type decides.
 */
export function splitInboundMedia(
  channel: MessageChannel,
  media: readonly MessageMedia[],
): { accepted: MessageMedia[]; refused: MessageMedia[] } {
  const accepted: MessageMedia[] = [];
  const refused: MessageMedia[] = [];
  for (const item of media) (mediaProblem(channel, [item]) === null ? accepted : refused).push(item);
  return { accepted, refused };
}
