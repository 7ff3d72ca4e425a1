import type { ConversationChannel, MessageMedia } from '../contracts/conversations.type';

const MB = 1024 * 1024;

/**
 * What each channel carries (Twilio's documented limits): WhatsApp images up to 5 MB, audio, video
 * and documents up to 16 MB; MMS up to 5 MB in all; the web chat images and PDFs up to 5 MB.
 */
export const MEDIA_RULES: Readonly<Record<ConversationChannel, Readonly<Record<string, number>>>> = {
  whatsapp: {
    'image/jpeg': 5 * MB,
    'image/png': 5 * MB,
    'audio/ogg': 16 * MB,
    'audio/mpeg': 16 * MB,
    'audio/amr': 16 * MB,
    'video/mp4': 16 * MB,
    'application/pdf': 16 * MB,
  },
  sms: { 'image/jpeg': 5 * MB, 'image/png': 5 * MB, 'image/gif': 5 * MB },
  webchat: { 'image/jpeg': 5 * MB, 'image/png': 5 * MB, 'application/pdf': 5 * MB },
};

export const MAX_MEDIA_PER_MESSAGE = 10;
export const MESSAGE_BODY_MAX = 1_600;

export type MediaProblem =
  | { kind: 'unsupported_type'; contentType: string }
  | { kind: 'too_large'; contentType: string; sizeBytes: number; limitBytes: number }
  | { kind: 'too_many'; count: number; limit: number };

/** Why these attachments cannot go on this channel, or null when they can. */
export function mediaProblem(
  channel: ConversationChannel,
  media: readonly MessageMedia[],
): MediaProblem | null {
  if (media.length > MAX_MEDIA_PER_MESSAGE)
    return { kind: 'too_many', count: media.length, limit: MAX_MEDIA_PER_MESSAGE };
  const rules = MEDIA_RULES[channel];
  let total = 0;
  for (const item of media) {
    const type = item.contentType.split(';')[0]!.trim().toLowerCase();
    const limit = rules[type];
    if (limit === undefined) return { kind: 'unsupported_type', contentType: item.contentType };
    const size = item.sizeBytes ?? 0;
    total += size;
    // MMS limits the whole message, the others each attachment.
    const measured = channel === 'sms' ? total : size;
    if (measured > limit)
      return { kind: 'too_large', contentType: type, sizeBytes: measured, limitBytes: limit };
  }
  return null;
}

export function describeMediaProblem(problem: MediaProblem): string {
  switch (problem.kind) {
    case 'unsupported_type':
      return `Attachments of type ${problem.contentType} are not supported on this channel`;
    case 'too_large':
      return `The ${problem.contentType} attachment is ${problem.sizeBytes} bytes; the limit is ${problem.limitBytes}`;
    case 'too_many':
      return `${problem.count} attachments; at most ${problem.limit} per message`;
  }
}
