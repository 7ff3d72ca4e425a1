import { queuedCall } from '../live/campaign-live.store';
import { moveAgent } from './agent-moves.util';
import { claimEntry } from './claim-entry.util';
import type { DialerContext } from './dialer-context.type';
import type { CallbackTarget } from './dialer-ports.type';
import { PRIORITY } from './pacing-tick.service';

/** How long a callback due waits for the agent it was promised to before the team takes it. */
export const AGENT_CALLBACK_WAIT_MS = 15 * 60_000;

/**
 * Callbacks falling due. One the agent kept for themselves ("me") waits for that agent — dialled
 * for them the moment they are free, for up to 15 minutes — and goes to the team if they are not
 * logged in or stay busy; a team's callback goes to the front of its campaigns' hoppers.
 */
export class AgentCallbacksService {
  constructor(private readonly ctx: DialerContext) {}

  /** The `callback.due` job. Returns how many places (an agent, hoppers) the callback went to. */
  async due(callbackId: string): Promise<number> {
    const target = await this.ctx.store.callbackTarget(callbackId);
    if (!target) return 0;
    if (target.agentId && target.campaignIds.length > 0) {
      const agent = await this.ctx.agents.get(target.agentId);
      if (agent.state !== 'offline') {
        await this.ctx.agents.keepCallback(target.agentId, callbackId, this.ctx.clock.now().getTime());
        await this.ctx.jobs.add(
          'callback.fallback',
          { callbackId },
          { delayMs: AGENT_CALLBACK_WAIT_MS, jobId: `callback-fallback-${callbackId}` },
        );
        await this.deliver(target.agentId);
        return 1;
      }
    }
    return this.toTeam(callbackId, target);
  }

  /** The `callback.fallback` job: still waiting for its agent, so the team takes it. */
  async fallback(callbackId: string): Promise<number> {
    const target = await this.ctx.store.callbackTarget(callbackId);
    if (!target?.agentId || !(await this.ctx.agents.dropKeptCallback(target.agentId, callbackId))) return 0;
    return this.toTeam(callbackId, target);
  }

  /**
   * Dials the agent's oldest kept callback if they are free: the agent is reserved first, so no
   * campaign call is offered meanwhile, and a person who answers is theirs. True when one was placed.
   */
  async deliver(agentId: string): Promise<boolean> {
    for (;;) {
      const agent = await this.ctx.agents.get(agentId);
      if (agent.state !== 'available') return false;
      const callbackId = await this.ctx.agents.takeKeptCallback(agentId);
      if (!callbackId) return false;
      const target = await this.ctx.store.callbackTarget(callbackId);
      const campaign = target?.campaignIds[0] ? await this.ctx.store.campaign(target.campaignIds[0]) : null;
      if (!target || !campaign) continue;
      const now = this.ctx.clock.now();
      const reserved = await moveAgent(
        this.ctx,
        agentId,
        agent.teamId,
        ['available'],
        'reserved',
        now.getTime(),
      )
        .then(() => true)
        .catch(() => false);
      if (!reserved) {
        // Someone else took the agent first (a waiting caller): the callback waits for the next turn.
        await this.ctx.agents.keepCallback(agentId, callbackId, now.getTime());
        return false;
      }
      const claimed = await claimEntry(this.ctx, campaign, target.entry, now);
      if (!claimed) {
        await moveAgent(this.ctx, agentId, agent.teamId, ['reserved'], 'available', now.getTime());
        // The gate said not now (or the number is in use): the team's hoppers try again later.
        await this.toTeam(callbackId, target);
        continue;
      }
      await this.ctx.live.createCall(
        queuedCall(
          { ...claimed, campaignId: campaign.id, teamId: agent.teamId, ownerAgentId: agentId },
          target.entry,
          now.getTime(),
        ),
        now.getTime(),
      );
      await this.ctx.agents.move(agentId, agent.teamId, ['reserved'], 'reserved', now.getTime(), {
        callId: claimed.callId,
        campaignId: campaign.id,
      });
      await this.ctx.store.callbackQueued(callbackId);
      await this.ctx.jobs.add(
        'dial.place',
        { campaignId: campaign.id, callId: claimed.callId },
        { jobId: `dial-${claimed.callId}` },
      );
      return true;
    }
  }

  private async toTeam(callbackId: string, target: CallbackTarget): Promise<number> {
    for (const campaignId of target.campaignIds) {
      await this.ctx.live.pushHopper(campaignId, [target.entry], PRIORITY.callback);
    }
    if (target.campaignIds.length > 0) await this.ctx.store.callbackQueued(callbackId);
    return target.campaignIds.length;
  }
}
