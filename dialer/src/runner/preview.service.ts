import { SKIPPED_STAGE, type PreviewSkipRequest, type PreviewView } from '@recupera/shared';
import { queuedCall, type LiveCall } from '../live/campaign-live.store';
import { AgentDeskError, moveAgent } from './agent-moves.util';
import { previewView } from './call-view.util';
import { claimNext } from './claim-entry.util';
import type { DialerContext } from './dialer-context.type';
import type { CampaignPlan } from './dialer-ports.type';

/** Accounts popped per offer before giving up on a hopper whose head the gate keeps refusing. */
const CLAIM_TRIES = 10;

/**
 * Preview mode: a free agent is reserved an account (locked, gate-approved, stored), sees it and
 * its script, and then dials it or skips it with a reason. Nothing rings before the agent decides,
 * so a preview holds no line and counts against no calls-per-second limit.
 */
export class PreviewService {
  constructor(private readonly ctx: DialerContext) {}

  /** Offers an account to each free agent of the campaign's teams, up to `max`. */
  async offer(campaign: CampaignPlan, now: Date, max: number): Promise<number> {
    let offered = 0;
    while (offered < max && (await this.ctx.live.hopperSize(campaign.id)) > 0) {
      const agentId = await this.ctx.agents.reserveLongestIdle(
        campaign.teamIds,
        '',
        campaign.id,
        now.getTime(),
      );
      if (!agentId) break;
      const { teamId } = await this.ctx.agents.get(agentId);
      const claimed = await claimNext(this.ctx, campaign, now, CLAIM_TRIES);
      if (!claimed) {
        await moveAgent(this.ctx, agentId, teamId, ['reserved'], 'available', now.getTime());
        break;
      }
      const call = queuedCall(
        {
          callId: claimed.callId,
          campaignId: campaign.id,
          lockId: claimed.lockId,
          teamId,
          ownerAgentId: agentId,
        },
        claimed.entry,
        now.getTime(),
      );
      await this.ctx.live.holdPreview(call);
      await this.ctx.store.updateAttempt(call.callId, { stage: 'preview', agentId, teamId });
      await moveAgent(this.ctx, agentId, teamId, ['reserved'], 'preview', now.getTime(), {
        callId: call.callId,
        campaignId: campaign.id,
      });
      await this.push(agentId, call.callId, now);
      offered++;
    }
    return offered;
  }

  /** The preview an agent is looking at, for their snapshot. */
  async current(agentId: string): Promise<PreviewView | null> {
    const agent = await this.ctx.agents.get(agentId);
    if (agent.state !== 'preview' || !agent.callId) return null;
    return previewView(this.ctx, agent.callId, new Date(agent.since));
  }

  /**
   * The agent dials the account they previewed. The gate is asked again (the agent may have read
   * for minutes, and the debtor's window may have closed); a refusal frees the agent and the account.
   */
  async dial(agentId: string, callId: string): Promise<string> {
    const { agent, call } = await this.previewOf(agentId, callId);
    const now = this.ctx.clock.now();
    const campaign = await this.ctx.store.campaign(call.campaignId);
    const refused = !campaign
      ? 'campaign_not_running'
      : (await this.ctx.live.isPhoneBlocked(call.phone))
        ? 'abandoned_block'
        : await this.ctx.store.gate(campaign, call, now, callId).then((v) => (v.allowed ? null : v.reason));
    if (refused) {
      await this.close(call, { stage: 'refused', endReason: refused }, now);
      await moveAgent(this.ctx, agentId, agent.teamId, ['preview'], 'available', now.getTime());
      throw new AgentDeskError('dial_refused', refused);
    }
    await moveAgent(this.ctx, agentId, agent.teamId, ['preview'], 'reserved', now.getTime(), {
      callId,
      campaignId: call.campaignId,
    });
    await this.ctx.live.createCall({ ...call, queuedAt: now.getTime() }, now.getTime());
    await this.ctx.jobs.add(
      'dial.place',
      { campaignId: call.campaignId, callId },
      { jobId: `dial-${callId}` },
    );
    return callId;
  }

  /** The agent passes on the account, saying why; it was never dialled, so it is no attempt. */
  async skip(agentId: string, request: PreviewSkipRequest): Promise<void> {
    const { agent, call } = await this.previewOf(agentId, request.callId);
    const now = this.ctx.clock.now();
    await this.close(call, { stage: SKIPPED_STAGE, endReason: request.reason }, now);
    await moveAgent(this.ctx, agentId, agent.teamId, ['preview'], 'available', now.getTime());
  }

  /** The agent went away while previewing: the account is let go, unrecorded as an attempt. */
  async release(agentId: string): Promise<void> {
    const agent = await this.ctx.agents.get(agentId);
    if (agent.state !== 'preview' || !agent.callId) return;
    const call = await this.ctx.live.getCall(agent.callId);
    if (call) await this.close(call, { stage: SKIPPED_STAGE, endReason: 'agent_left' }, this.ctx.clock.now());
  }

  private async push(agentId: string, callId: string, now: Date): Promise<void> {
    const view = await previewView(this.ctx, callId, now);
    if (view) this.ctx.events.toAgent(agentId, 'preview.offered', view);
    const script = await this.ctx.store.scriptFor(callId);
    if (script) this.ctx.events.toAgent(agentId, 'script.pushed', script);
  }

  private async previewOf(agentId: string, callId: string) {
    const agent = await this.ctx.agents.get(agentId);
    const call =
      agent.state === 'preview' && agent.callId === callId ? await this.ctx.live.getCall(callId) : null;
    if (!call || call.stage !== 'queued' || call.ownerAgentId !== agentId)
      throw new AgentDeskError('not_your_call', 'There is no preview of this account to act on');
    return { agent, call };
  }

  private async close(
    call: LiveCall,
    changes: { stage: string; endReason: string },
    now: Date,
  ): Promise<void> {
    await this.ctx.live.deleteCall(call.callId);
    await this.ctx.live.unlock(call, call.lockId);
    await this.ctx.store.updateAttempt(call.callId, { ...changes, endedAt: now });
  }
}
