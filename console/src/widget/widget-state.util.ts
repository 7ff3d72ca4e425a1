import type {
  ChatMessageView,
  ChatQueue,
  ConversationStatus,
  WidgetAccountView,
  WidgetAgreementView,
  WidgetChallenge,
  WidgetSessionToken,
  WidgetSnapshot,
} from '@recupera/shared';
import type { WidgetTextKey } from './widget-i18n.constant';

/** identify → code → overview (balances, agreements) ⇄ chat. */
export type WidgetStep = 'identify' | 'code' | 'overview' | 'chat';

export interface WidgetChat {
  id: string;
  status: ConversationStatus;
  queue: ChatQueue;
  agentName: string | null;
}

export interface WidgetState {
  open: boolean;
  step: WidgetStep;
  busy: boolean;
  error: WidgetTextKey | null;
  challenge: WidgetChallenge | null;
  session: WidgetSessionToken | null;
  debtorName: string | null;
  accounts: WidgetAccountView[];
  agreements: WidgetAgreementView[];
  chat: WidgetChat | null;
  messages: ChatMessageView[];
  agentTyping: boolean;
  /** A conversation the debtor left while an agent still held it: shown as finished on this side. */
  leftConversationId: string | null;
}

export type WidgetAction =
  | { type: 'toggled'; open?: boolean }
  | { type: 'busy' }
  | { type: 'failed'; error: WidgetTextKey }
  | { type: 'challenged'; challenge: WidgetChallenge }
  | { type: 'restarted' }
  | { type: 'verified'; session: WidgetSessionToken }
  | { type: 'session-lost'; error: WidgetTextKey | null }
  | { type: 'snapshot'; snapshot: WidgetSnapshot }
  | { type: 'chat-opened'; conversationId: string; queue: ChatQueue }
  | { type: 'message'; message: ChatMessageView }
  | { type: 'message-failed'; clientRef: string; error: WidgetTextKey }
  | { type: 'typing'; typing: boolean }
  | { type: 'agent-joined'; conversationId: string; agentName: string; queue: ChatQueue }
  | { type: 'agreement'; agreement: WidgetAgreementView }
  | { type: 'closed'; conversationId: string }
  | { type: 'left'; conversationId: string }
  | { type: 'back-to-overview' };

export function initialState(
  saved: Partial<Pick<WidgetState, 'open' | 'session' | 'leftConversationId'>> = {},
): WidgetState {
  return {
    open: saved.open ?? false,
    step: saved.session ? 'overview' : 'identify',
    busy: false,
    error: null,
    challenge: null,
    session: saved.session ?? null,
    debtorName: null,
    accounts: [],
    agreements: [],
    chat: null,
    messages: [],
    agentTyping: false,
    leftConversationId: saved.leftConversationId ?? null,
  };
}

/** The id a message is shown under before the server has stored it. */
export function localMessageId(clientRef: string): string {
  return `local:${clientRef}`;
}

function byTime(a: ChatMessageView, b: ChatMessageView): number {
  return a.at === b.at ? 0 : a.at < b.at ? -1 : 1;
}

/**
 * Adds a message to the thread, once: the server's copy replaces the optimistic one that carries the
 * same clientRef, and a message pushed twice (the ack and the room both deliver it) stays single.
 */
export function mergeMessage(list: readonly ChatMessageView[], message: ChatMessageView): ChatMessageView[] {
  const index = list.findIndex(
    (m) =>
      m.id === message.id ||
      (message.clientRef !== null && m.clientRef === message.clientRef && m.id.startsWith('local:')),
  );
  const next = index === -1 ? [...list, message] : list.map((m, i) => (i === index ? message : m));
  return next.sort(byTime);
}

function upsertAgreement(
  list: readonly WidgetAgreementView[],
  agreement: WidgetAgreementView,
): WidgetAgreementView[] {
  const others = list.filter((a) => a.id !== agreement.id);
  return [agreement, ...others].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

function stepAfterSnapshot(chat: WidgetChat | null, leftConversationId: string | null): WidgetStep {
  return chat && chat.status !== 'closed' && chat.id !== leftConversationId ? 'chat' : 'overview';
}

export function reduce(state: WidgetState, action: WidgetAction): WidgetState {
  switch (action.type) {
    case 'toggled':
      return { ...state, open: action.open ?? !state.open };
    case 'busy':
      return { ...state, busy: true, error: null };
    case 'failed':
      return { ...state, busy: false, error: action.error };
    case 'challenged':
      return { ...state, busy: false, error: null, step: 'code', challenge: action.challenge };
    case 'restarted':
      return { ...state, busy: false, error: null, step: 'identify', challenge: null };
    case 'verified':
      return {
        ...state,
        busy: false,
        error: null,
        step: 'overview',
        challenge: null,
        session: action.session,
      };
    case 'session-lost':
      return { ...initialState({ open: state.open }), error: action.error };
    case 'snapshot': {
      const { snapshot } = action;
      const chat: WidgetChat | null = snapshot.conversation
        ? {
            id: snapshot.conversation.id,
            status: snapshot.conversation.status,
            queue: snapshot.conversation.queue,
            agentName: snapshot.conversation.agentName,
          }
        : null;
      const step =
        state.step === 'identify' || state.step === 'code'
          ? state.step
          : stepAfterSnapshot(chat, state.leftConversationId);
      return {
        ...state,
        busy: false,
        step,
        debtorName: snapshot.debtorName,
        accounts: snapshot.accounts,
        agreements: snapshot.agreements,
        chat,
        messages: (snapshot.conversation?.messages ?? []).slice().sort(byTime),
      };
    }
    case 'chat-opened': {
      const same = state.chat?.id === action.conversationId && state.chat.status !== 'closed';
      return {
        ...state,
        busy: false,
        error: null,
        step: 'chat',
        leftConversationId: null,
        chat: same
          ? { ...state.chat!, queue: action.queue }
          : { id: action.conversationId, status: 'queued', queue: action.queue, agentName: null },
        messages: same ? state.messages : [],
        agentTyping: false,
      };
    }
    case 'message':
      if (
        state.chat &&
        action.message.conversationId !== state.chat.id &&
        !action.message.id.startsWith('local:')
      )
        return state;
      return {
        ...state,
        messages: mergeMessage(state.messages, action.message),
        agentTyping: action.message.author === 'agent' ? false : state.agentTyping,
      };
    case 'message-failed':
      return {
        ...state,
        error: action.error,
        messages: state.messages.map((m) =>
          m.clientRef === action.clientRef && m.id.startsWith('local:') ? { ...m, status: 'failed' } : m,
        ),
      };
    case 'typing':
      return { ...state, agentTyping: state.chat?.status === 'assigned' && action.typing };
    case 'agent-joined':
      if (state.chat && state.chat.id !== action.conversationId) return state;
      return {
        ...state,
        chat: {
          id: action.conversationId,
          status: 'assigned',
          queue: action.queue,
          agentName: action.agentName,
        },
      };
    case 'agreement':
      return { ...state, agreements: upsertAgreement(state.agreements, action.agreement) };
    case 'closed':
      if (!state.chat || state.chat.id !== action.conversationId) return state;
      return { ...state, agentTyping: false, chat: { ...state.chat, status: 'closed' } };
    case 'left':
      return {
        ...state,
        busy: false,
        agentTyping: false,
        step: 'overview',
        leftConversationId: action.conversationId,
      };
    case 'back-to-overview':
      return { ...state, step: 'overview', error: null, agentTyping: false };
  }
}

/** The chat has ended for the debtor: closed by the agent, or left by them. */
export function chatEnded(state: WidgetState): boolean {
  return !state.chat || state.chat.status === 'closed' || state.chat.id === state.leftConversationId;
}
