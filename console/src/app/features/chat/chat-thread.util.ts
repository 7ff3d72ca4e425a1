import type {
  ChatMessageView,
  ConversationChannel,
  ConversationDetail,
  MessageStatus,
} from '@recupera/shared';

/** Local ids of messages the server has not numbered yet start with this. */
export const LOCAL_MESSAGE_PREFIX = 'local:';

/**
 * Adds a message to a thread once: the server echoes the agent's own messages (carrying the
 * `clientRef` the console gave them), so an echo replaces the optimistic copy instead of doubling it.
 */
export function addMessage(
  messages: readonly ChatMessageView[],
  message: ChatMessageView,
): ChatMessageView[] {
  const index = messages.findIndex(
    (m) => m.id === message.id || (message.clientRef !== null && m.clientRef === message.clientRef),
  );
  if (index < 0) return [...messages, message];
  const next = [...messages];
  next[index] = message;
  return next;
}

/** The server numbered an optimistic message (its ack): the local copy takes the real id. */
export function adoptMessageId(
  messages: readonly ChatMessageView[],
  clientRef: string,
  messageId: string,
): ChatMessageView[] {
  // The echo may have come first and replaced the local copy already.
  if (messages.some((m) => m.id === messageId)) return [...messages];
  return messages.map((m) => (m.clientRef === clientRef ? { ...m, id: messageId } : m));
}

export function setMessageStatus(
  messages: readonly ChatMessageView[],
  messageId: string,
  status: MessageStatus,
): ChatMessageView[] {
  return messages.map((m) => (m.id === messageId ? { ...m, status } : m));
}

/** Messages a refresh from the server would lose: optimistic ones it has not acknowledged yet. */
export function localMessages(messages: readonly ChatMessageView[]): ChatMessageView[] {
  return messages.filter((m) => m.id.startsWith(LOCAL_MESSAGE_PREFIX));
}

/** A fresh copy of the conversation from the server, with the agent's unacknowledged messages kept. */
export function withLocalMessages(fresh: ConversationDetail, known: ConversationDetail | undefined) {
  const pending = known ? localMessages(known.messages) : [];
  return pending.reduce<ConversationDetail>(
    (detail, message) => ({ ...detail, messages: addMessage(detail.messages, message) }),
    fresh,
  );
}

/**
 * WhatsApp lets an agent write freely only within 24 hours of the debtor's last message; after
 * that (or before the debtor ever wrote) only an approved template may go.
 */
export function templateRequired(
  chat: Pick<ConversationDetail, 'channel' | 'freeFormUntil'>,
  now: number,
): boolean {
  if (chat.channel !== 'whatsapp') return false;
  const until = chat.freeFormUntil ? Date.parse(chat.freeFormUntil) : Number.NaN;
  return Number.isNaN(until) || until <= now;
}

/** Carrier channels report delivery; web chat messages are there the moment they are sent. */
export function showsDelivery(channel: ConversationChannel): boolean {
  return channel !== 'webchat';
}

/** The ticks a delivery status draws: one sent, two delivered, two coloured read. */
export type DeliveryTicks = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'none';

export function deliveryTicks(status: MessageStatus): DeliveryTicks {
  switch (status) {
    case 'queued':
      return 'pending';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'failed':
    case 'undelivered':
      return 'failed';
    case 'received':
      return 'none';
  }
}

/** Seconds until an instant (0 once it passed), on the browser's clock. */
export function secondsUntil(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
