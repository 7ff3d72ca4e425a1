import type { ChatMessageView, ChatQueue, ConversationRef } from '../contracts/conversations.type';
import type {
  WidgetAgreementView,
  WidgetChatRequest,
  WidgetSendRequest,
  WidgetSnapshot,
  WidgetTyping,
} from '../contracts/widget.type';
import type { Ack, AckResult } from './agent-events.type';

/** The debtor's widget: authenticated in the handshake by the session token the code opened. */
export const WIDGET_NAMESPACE = '/widget';

export interface WidgetServerToClientEvents {
  'widget.snapshot': (snapshot: WidgetSnapshot) => void;
  'widget.message': (message: ChatMessageView) => void;
  'widget.typing': (typing: WidgetTyping) => void;
  'widget.agent-joined': (joined: { conversationId: string; agentName: string; queue: ChatQueue }) => void;
  /** An agent made an agreement in the chat: the debtor sees its schedule at once. */
  'widget.agreement': (agreement: WidgetAgreementView) => void;
  'widget.closed': (closed: ConversationRef) => void;
}

export type WidgetChatAck = (result: AckResult | { ok: true; conversationId: string }) => void;
export type WidgetSendAck = (result: AckResult | { ok: true; messageId: string }) => void;

export interface WidgetClientToServerEvents {
  'widget.chat-requested': (request: WidgetChatRequest, ack: WidgetChatAck) => void;
  'widget.send-requested': (request: WidgetSendRequest, ack: WidgetSendAck) => void;
  'widget.typing': (typing: WidgetTyping, ack: Ack) => void;
  'widget.leave-requested': (request: Record<string, never>, ack: Ack) => void;
}

export function widgetSessionRoom(sessionId: string): string {
  return `widget:${sessionId}`;
}
