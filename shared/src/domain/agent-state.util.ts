import type { AgentState, RequestableAgentState } from '../realtime/agent-events.type';

/**
 * Which states each state may move to. The dialer moves agents into reserved, on_call and wrap_up;
 * agents ask for the rest. An agent on a call must end it before anything else.
 */
export const AGENT_TRANSITIONS: Readonly<Record<AgentState, readonly AgentState[]>> = {
  offline: ['available', 'break'],
  available: ['reserved', 'on_call', 'preview', 'break', 'offline'],
  reserved: ['on_call', 'preview', 'available', 'offline'],
  on_call: ['wrap_up'],
  wrap_up: ['available', 'break', 'offline'],
  break: ['available', 'offline'],
  preview: ['reserved', 'available', 'break', 'offline'],
};

export function canTransition(from: AgentState, to: AgentState): boolean {
  return from === to ? to !== 'on_call' && to !== 'reserved' : AGENT_TRANSITIONS[from].includes(to);
}

/**
 * The states an agent may ask for `to` from (asking for the state one is in is harmless). Wrap-up
 * ends with its disposition (the wrap-up form), not by asking to be available or on a break;
 * logging off still works, and leaves the call without one.
 */
export function statesAllowingRequest(to: RequestableAgentState): AgentState[] {
  return (Object.keys(AGENT_TRANSITIONS) as AgentState[]).filter(
    (from) => canTransition(from, to) && (from !== 'wrap_up' || to === 'offline'),
  );
}
