import type { AgentState } from '../realtime/agent-events.type';

/**
 * How much an agent carries at once. An agent takes up to `maxChats` chats, and is still offered a
 * call while they hold at most `maxChatsForCall` of them (blending); during a call no new chat is
 * offered, though the chats they hold go on.
 */
export interface ChatCapacityRules {
  maxChats: number;
  maxChatsForCall: number;
}

export const DEFAULT_CHAT_CAPACITY: ChatCapacityRules = { maxChats: 3, maxChatsForCall: 1 };
export const CHAT_CAPACITY_LIMIT = 10;

export function canTakeChat(state: AgentState, chats: number, rules: ChatCapacityRules): boolean {
  return state === 'available' && chats < rules.maxChats;
}

export function canTakeCall(state: AgentState, chats: number, rules: ChatCapacityRules): boolean {
  return state === 'available' && chats <= rules.maxChatsForCall;
}

/** One agent as the chat router sees them. */
export interface ChatCandidate {
  agentId: string;
  state: AgentState;
  chats: number;
  skills: readonly string[];
  /** When the agent last had nothing more to do (ms): the longest idle is offered first. */
  idleSince: number;
  /** The agent declined this conversation or let its offer lapse: it is not offered to them again. */
  declined: boolean;
}

/**
 * The agent to offer a conversation of `queue` to: one with the skill and room for it, the fewest
 * chats first (an empty agent before a busy one), then the longest idle.
 */
export function pickChatAgent(
  candidates: readonly ChatCandidate[],
  queue: string,
  rules: ChatCapacityRules,
): ChatCandidate | null {
  let best: ChatCandidate | null = null;
  for (const candidate of candidates) {
    if (!canTakeChat(candidate.state, candidate.chats, rules)) continue;
    if (!candidate.skills.includes(queue)) continue;
    if (candidate.declined) continue;
    if (
      !best ||
      candidate.chats < best.chats ||
      (candidate.chats === best.chats && candidate.idleSince < best.idleSince)
    )
      best = candidate;
  }
  return best;
}
