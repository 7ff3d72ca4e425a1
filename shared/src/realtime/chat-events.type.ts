import type {
  ChatClosed,
  ChatMatchRequest,
  ChatMessageStatusChanged,
  ChatMessageView,
  ChatOffer,
  ChatSendRequest,
  ChatTransferRequest,
  ChatTyping,
  ChatWrapUpRequest,
  ConversationDetail,
  ConversationRef,
} from '../contracts/conversations.type';
import type { Ack, AckResult } from './agent-events.type';

/** What the server pushes to an agent about their chats (numbered like every agent event). */
export interface ChatEventPayloads {
  /** A waiting conversation offered to this agent until `expiresAt`. */
  'chat.offered': ChatOffer;
  /** Another agent took it, the debtor left, or the offer lapsed. */
  'chat.offer-withdrawn': ConversationRef;
  /** The agent accepted a chat or one was transferred to them: the whole conversation so far. */
  'chat.assigned': ConversationDetail;
  /** The conversation changed around the agent (an account matched, the debtor's session ended). */
  'chat.updated': ConversationDetail;
  'chat.message': ChatMessageView;
  'chat.message-status': ChatMessageStatusChanged;
  'chat.typing': ChatTyping;
  'chat.closed': ChatClosed;
}

export type ChatSendAck = (result: AckResult | { ok: true; messageId: string }) => void;

export interface ChatClientToServerEvents {
  'chat.accept-requested': (request: ConversationRef, ack: Ack) => void;
  'chat.decline-requested': (request: ConversationRef, ack: Ack) => void;
  'chat.send-requested': (request: ChatSendRequest, ack: ChatSendAck) => void;
  'chat.typing': (request: ChatTyping, ack: Ack) => void;
  'chat.transfer-requested': (request: ChatTransferRequest, ack: Ack) => void;
  'chat.match-requested': (request: ChatMatchRequest, ack: Ack) => void;
  'chat.wrap-up-finished': (request: ChatWrapUpRequest, ack: Ack) => void;
}

export function conversationRoom(conversationId: string): string {
  return `conversation:${conversationId}`;
}
