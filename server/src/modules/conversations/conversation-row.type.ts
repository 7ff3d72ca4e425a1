import type {
  ChatCloseReason,
  ChatQueue,
  ConversationChannel,
  ConversationStatus,
  Direction,
  MessageAuthor,
  MessageMedia,
  MessageStatus,
} from '@recupera/shared';

/** A conversation as stored, with the account it is about (when known) for its header. */
export interface ConversationRow {
  id: string;
  channel: ConversationChannel;
  status: ConversationStatus;
  queue: ChatQueue;
  address: string;
  clientId: string | null;
  teamId: string | null;
  accountId: string | null;
  debtorId: string | null;
  contactPointId: string | null;
  widgetSessionId: string | null;
  agentId: string | null;
  agentName: string | null;
  interactionId: string | null;
  openedAt: Date;
  queuedAt: Date | null;
  assignedAt: Date | null;
  closedAt: Date | null;
  closeReason: ChatCloseReason | null;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  accountNumber: string | null;
  debtorName: string | null;
  balanceMinor: number | null;
  currency: string | null;
  daysPastDue: number | null;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  direction: Direction;
  author: MessageAuthor;
  agentId: string | null;
  agentName: string | null;
  body: string;
  media: MessageMedia[];
  status: MessageStatus;
  clientRef: string | null;
  createdAt: Date;
}

export interface NewMessage {
  conversationId: string;
  direction: Direction;
  author: MessageAuthor;
  agentId: string | null;
  body: string;
  media: MessageMedia[];
  status: MessageStatus;
  carrierSid: string | null;
  clientRef: string | null;
  templateId: string | null;
  messageCampaignId: string | null;
  at: Date;
}

export interface NewConversation {
  channel: ConversationChannel;
  status: ConversationStatus;
  queue: ChatQueue;
  address: string;
  clientId: string | null;
  teamId: string | null;
  accountId: string | null;
  debtorId: string | null;
  contactPointId: string | null;
  widgetSessionId: string | null;
  interactionId: string | null;
  at: Date;
}

/** The account a number or a widget session belongs to, as a conversation takes it on. */
export interface ConversationParty {
  accountId: string;
  debtorId: string;
  clientId: string;
  teamId: string | null;
  contactPointId: string | null;
}

/** A waiting conversation the router offers again. */
export interface WaitingConversation {
  id: string;
  teamId: string | null;
  queue: ChatQueue;
  status: ConversationStatus;
}
