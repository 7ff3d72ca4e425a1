import {
  freeFormUntil,
  type ChatMessageView,
  type ChatOffer,
  type ConversationAccount,
  type ConversationView,
  type WidgetConversationView,
} from '@recupera/shared';
import type { ConversationRow, MessageRow } from './conversation-row.type';

export function toMessageView(row: MessageRow): ChatMessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    author: row.author,
    agentName: row.author === 'agent' ? row.agentName : null,
    body: row.body,
    media: row.media,
    status: row.status,
    at: row.createdAt.toISOString(),
    clientRef: row.clientRef,
  };
}

function toAccount(row: ConversationRow): ConversationAccount | null {
  if (!row.accountId || row.accountNumber === null) return null;
  return {
    accountId: row.accountId,
    accountNumber: row.accountNumber,
    debtorName: row.debtorName,
    balance: { amountMinor: row.balanceMinor ?? 0, currency: row.currency ?? 'USD' },
    daysPastDue: row.daysPastDue ?? 0,
  };
}

export function toConversationView(row: ConversationRow): ConversationView {
  const until = row.channel === 'whatsapp' ? freeFormUntil(row.lastInboundAt) : null;
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    queue: row.queue,
    address: row.address,
    account: toAccount(row),
    agentId: row.agentId,
    agentName: row.agentName,
    interactionId: row.interactionId,
    openedAt: row.openedAt.toISOString(),
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    freeFormUntil: until?.toISOString() ?? null,
  };
}

/** What the debtor sees of the conversation: who answers, never the agent's internal ids. */
export function toWidgetConversation(row: ConversationRow, messages: MessageRow[]): WidgetConversationView {
  return {
    id: row.id,
    status: row.status,
    queue: row.queue,
    agentName: row.agentName,
    messages: messages.map(toMessageView),
  };
}

/** The offer an agent sees: who waits, since when, what they last wrote, until when it is theirs. */
export function toChatOffer(row: ConversationRow, last: MessageRow | undefined, expiresAt: Date): ChatOffer {
  return {
    conversationId: row.id,
    channel: row.channel,
    queue: row.queue,
    account: toAccount(row),
    preview: last?.author === 'debtor' ? last.body.slice(0, 200) : '',
    waitingSince: (row.queuedAt ?? row.openedAt).toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}
