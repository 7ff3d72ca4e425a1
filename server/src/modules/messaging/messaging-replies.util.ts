import type { MessageChannel } from '@recupera/shared';

const CHANNEL_NAMES: Record<MessageChannel, string> = { sms: 'SMS', whatsapp: 'WhatsApp' };

/** "Banco Andino", "Banco Andino y Crédito Sur", "A, B y C"; our own name when no client is known. */
function senders(clientNames: readonly string[]): string {
  const names = [...new Set(clientNames)];
  if (names.length === 0) return 'Recupera';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} y ${names.at(-1)!}`;
}

/** The one confirmation a debtor gets after an opt-out keyword (they are told how to come back). */
export function optOutConfirmation(channel: MessageChannel, clientNames: readonly string[]): string {
  return `Has sido dado de baja de los mensajes por ${CHANNEL_NAMES[channel]} de ${senders(clientNames)}. Responde ALTA para volver a recibirlos.`;
}

export function optInConfirmation(channel: MessageChannel, clientNames: readonly string[]): string {
  return `Volverás a recibir mensajes por ${CHANNEL_NAMES[channel]} de ${senders(clientNames)}. Responde BAJA para dejar de recibirlos.`;
}

/** Said back when a debtor's attachment is of a type the channel does not take (their text is kept). */
export function refusedMediaNotice(channel: MessageChannel, contentTypes: readonly string[]): string {
  return `No pudimos recibir tu archivo (${[...new Set(contentTypes)].join(', ')}): ese tipo de archivo no se acepta por ${CHANNEL_NAMES[channel]}. Tu mensaje sí nos llegó.`;
}
