import type { AgentState, AgentStateView } from '@recupera/shared';
import { AgentStateConflict, type AgentMove } from '../live/agent-pool.store';
import type { DialerContext } from './dialer-context.type';

export class AgentDeskError extends Error {
  constructor(
    readonly reason: 'state_conflict' | 'not_your_call' | 'invalid_wrap_up' | 'dial_refused',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Moves an agent between states the way every part of the desk does: atomically in Redis, stored
 * for the productivity metrics, and published to the agent and their team's supervisors.
 */
export async function moveAgent(
  ctx: DialerContext,
  agentId: string,
  teamId: string | null,
  from: readonly AgentState[],
  to: AgentState,
  now: number,
  extras: AgentMove = {},
): Promise<AgentStateView> {
  try {
    const { view } = await ctx.agents.move(agentId, teamId, from, to, now, extras);
    await ctx.store.recordAgentState(view);
    publishAgentState(ctx, view);
    return view;
  } catch (error) {
    if (error instanceof AgentStateConflict)
      throw new AgentDeskError('state_conflict', `You cannot go ${to} while ${error.current}`);
    throw error;
  }
}

export function publishAgentState(ctx: DialerContext, view: AgentStateView): void {
  ctx.events.toAgent(view.agentId, 'agent.state-changed', view);
  ctx.events.toSupervisors({ teamIds: view.teamId ? [view.teamId] : [] }, 'agent.state-changed', view);
}
