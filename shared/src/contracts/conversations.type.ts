import type { DispositionOption } from './campaigns.type';
import type { Money } from '../domain/money.util';

/** The channels a conversation (a chat, an SMS thread, a WhatsApp thread) runs on. */
export const CONVERSATION_CHANNELS = ['webchat', 'sms', 'whatsapp'] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

/** The carrier-backed message channels (web chat travels over our own socket). */
export const MESSAGE_CHANNELS = ['sms', 'whatsapp'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * queued: waiting for an agent with capacity; offered: shown to one agent who may accept it;
 * assigned: an agent works it; closed: the agent wrapped it up (or it lapsed). `idle` is a thread
 * with no agent asked for (an outbound reminder nobody answered, a widget that only looked).
 */
export const CONVERSATION_STATUSES = ['idle', 'queued', 'offered', 'assigned', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Chat queues, each a skill an agent has or not. */
export const CHAT_QUEUES = ['cobranza', 'convenios'] as const;
export type ChatQueue = (typeof CHAT_QUEUES)[number];

export const MESSAGE_AUTHORS = ['debtor', 'agent', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** A message's delivery, as the carrier reports it (inbound ones are `received`). */
export const MESSAGE_STATUSES = [
  'received',
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageMedia {
  url: string;
  contentType: string;
  sizeBytes: number | null;
}

export interface ChatMessageView {
  id: string;
  conversationId: string;
  author: MessageAuthor;
  /** The agent who wrote it (agent messages only). */
  agentName: string | null;
  body: string;
  media: MessageMedia[];
  status: MessageStatus;
  at: string;
  /** The sender's own id for the message, echoed so a sender can match its optimistic copy. */
  clientRef: string | null;
}

/** The account a conversation is about, as the chat header shows it. */
export interface ConversationAccount {
  accountId: string;
  accountNumber: string;
  debtorName: string | null;
  balance: Money;
  daysPastDue: number;
}

export interface ConversationView {
  id: string;
  channel: ConversationChannel;
  status: ConversationStatus;
  queue: ChatQueue;
  /** E.164 for SMS and WhatsApp; the widget's client code for web chat. */
  address: string;
  account: ConversationAccount | null;
  agentId: string | null;
  agentName: string | null;
  /** The interaction that stands for the conversation in the account's timeline. */
  interactionId: string | null;
  openedAt: string;
  lastMessageAt: string | null;
  /** WhatsApp only: free-form replies are allowed until this instant (24 h after the debtor wrote). */
  freeFormUntil: string | null;
}

export interface ConversationDetail extends ConversationView {
  messages: ChatMessageView[];
  /** The disposition codes the wrap-up offers. */
  dispositions: DispositionOption[];
}

/** A waiting conversation offered to one agent, who accepts it or lets it pass on. */
export interface ChatOffer {
  conversationId: string;
  channel: ConversationChannel;
  queue: ChatQueue;
  account: ConversationAccount | null;
  /** The last thing the debtor wrote. */
  preview: string;
  waitingSince: string;
  expiresAt: string;
}

export interface ConversationRef {
  conversationId: string;
}

export interface ChatSendRequest extends ConversationRef {
  body: string;
  /** The sender's id for the message, echoed back on it. */
  clientRef?: string;
  media?: MessageMedia[];
}

export interface ChatTyping extends ConversationRef {
  typing: boolean;
}

export interface ChatTransferRequest extends ConversationRef {
  toAgentId: string;
}

/** An unknown number matched by the agent to one of the accounts they may see. */
export interface ChatMatchRequest extends ConversationRef {
  accountId: string;
}

export interface ChatWrapUpRequest extends ConversationRef {
  dispositionCode: string;
  notes?: string;
  callback?: { at: string; assignTo: 'me' | 'team' };
}

export interface ChatMessageStatusChanged extends ConversationRef {
  messageId: string;
  status: MessageStatus;
}

export const CHAT_CLOSE_REASONS = ['wrapped_up', 'debtor_left', 'transferred', 'lapsed'] as const;
export type ChatCloseReason = (typeof CHAT_CLOSE_REASONS)[number];

export interface ChatClosed extends ConversationRef {
  reason: ChatCloseReason;
}

/** One chat queue on the supervisor's floor. */
export interface ChatQueueView {
  queue: ChatQueue;
  teamId: string | null;
  waiting: number;
  /** Seconds the oldest waiting conversation has waited; 0 when none waits. */
  longestWaitSeconds: number;
  assigned: number;
  /** Conversations answered within the service-level target ÷ those answered, today. */
  serviceLevel: number | null;
}

/** A canned response: text with script fields, rendered for the conversation's account. */
export interface CannedResponseView {
  id: string;
  clientId: string | null;
  title: string;
  body: string;
}

export interface CannedResponseRequest {
  clientId?: string | null;
  title: string;
  body: string;
}

export interface RenderedCannedResponse {
  id: string;
  title: string;
  text: string;
}
