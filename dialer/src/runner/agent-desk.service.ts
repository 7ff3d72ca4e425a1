import {
  statesAllowingRequest,
  type AgentSnapshot,
  type AgentStateRequest,
  type AgentState,
  type AgentStateView,
  type BreakReason,
  type DialRequest,
  type PreviewSkipRequest,
  type WrapUpRequest,
} from '@recupera/shared';
import type { AgentMove } from '../live/agent-pool.store';
import { queuedCall } from '../live/campaign-live.store';
import { MANUAL_CALLS } from '../live/live-keys.util';
import type { AgentCallbacksService } from './agent-callbacks.service';
import { AgentDeskError, moveAgent } from './agent-moves.util';
import type { CallLifecycleService } from './call-lifecycle.service';
import { liveCallView } from './call-view.util';
import type { DialerContext } from './dialer-context.type';
import type { PreviewService } from './preview.service';

/** What an agent does to their own state and call; the server's /agent gateway calls these. */
export class AgentDeskService {
  /** Asked to pace a campaign again now that one of its agents is free. */
  onAgentFreed: (campaignId: string) => void = () => undefined;

  constructor(
    private readonly ctx: DialerContext,
    private readonly calls: CallLifecycleService,
    private readonly previews: PreviewService,
    private readonly callbacks: AgentCallbacksService,
  ) {}

  /** The agent's state, call, script and preview; their chats are the server's to add. */
  async snapshot(agentId: string): Promise<Omit<AgentSnapshot, 'chats' | 'chatOffer'>> {
    const state = await this.ctx.agents.get(agentId);
    const onCall = state.callId !== null && (state.state === 'on_call' || state.state === 'wrap_up');
    const withScript = state.callId !== null && (onCall || state.state === 'preview');
    const [call, script, preview] = await Promise.all([
      onCall ? liveCallView(this.ctx, state.callId!) : null,
      withScript ? this.ctx.store.scriptFor(state.callId!) : null,
      state.state === 'preview' ? this.previews.current(agentId) : null,
    ]);
    return { state, call, script, preview };
  }

  async requestState(
    agentId: string,
    teamId: string | null,
    request: AgentStateRequest,
  ): Promise<AgentStateView> {
    const now = this.ctx.clock.now();
    const current = await this.ctx.agents.get(agentId);
    if (current.state === 'wrap_up') await this.recordWrap(current, now.getTime());
    const view = await this.requestMove(agentId, teamId, request, now.getTime());
    if (request.state === 'available') await this.freed(agentId, teamId);
    return view;
  }

  async hangUp(agentId: string, callId: string): Promise<void> {
    const call = await this.ctx.live.getCall(callId);
    if (!call || call.agentId !== agentId || call.stage !== 'connected' || call.transfer === 'taken')
      throw new AgentDeskError('not_your_call', 'This call is not on your line');
    await this.ctx.live.updateCall(callId, { endedBy: 'agent' });
    await this.ctx.carrier.hangUp({ callId, carrierSid: call.carrierSid ?? '' });
  }

  /**
   * Wrap-up done: the disposition, notes and callback are stored (or refused, and the agent stays in
   * wrap-up to fix them), a callback gets its delayed job, and the agent is free again.
   */
  async finishWrapUp(
    agentId: string,
    teamId: string | null,
    request: WrapUpRequest,
  ): Promise<AgentStateView> {
    const current = await this.ctx.agents.get(agentId);
    if (current.state !== 'wrap_up' || current.callId !== request.callId)
      throw new AgentDeskError('not_your_call', 'There is no wrap-up of this call to finish');
    const now = this.ctx.clock.now();
    const stored = await this.ctx.store.recordWrapUp(agentId, request, now);
    if ('refused' in stored) throw new AgentDeskError('invalid_wrap_up', stored.refused);
    if (stored.callback) {
      await this.ctx.jobs.add(
        'callback.due',
        { callbackId: stored.callback.id },
        {
          delayMs: Math.max(0, stored.callback.dueAt.getTime() - now.getTime()),
          jobId: `callback-${stored.callback.id}`,
        },
      );
    }
    await this.recordWrap(current, now.getTime());
    const view = await this.move(agentId, teamId, ['wrap_up'], 'available', now.getTime());
    await this.freed(agentId, teamId);
    return view;
  }

  /**
   * The `wrapup.overdue` job: the agent is still wrapping up this call when the campaign's limit ran
   * out. The team's supervisor is alerted, or (campaigns set to free agents by themselves) the wrap-up
   * closes without a disposition and the agent is available again.
   */
  async wrapUpOverdue(agentId: string, callId: string): Promise<void> {
    const agent = await this.ctx.agents.get(agentId);
    if (agent.state !== 'wrap_up' || agent.callId !== callId || !agent.campaignId) return;
    const campaign = await this.ctx.store.campaign(agent.campaignId);
    const limitSeconds = campaign?.wrapUpLimitSeconds;
    if (!campaign || !limitSeconds) return;
    if (campaign.wrapUpOverrun === 'alert') {
      this.ctx.events.toSupervisors(
        { campaignId: campaign.id, teamIds: agent.teamId ? [agent.teamId] : [] },
        'agent.wrap-up-overdue',
        { agentId, teamId: agent.teamId, campaignId: campaign.id, callId, since: agent.since, limitSeconds },
      );
      return;
    }
    const now = this.ctx.clock.now().getTime();
    await this.move(agentId, agent.teamId, ['wrap_up'], 'available', now);
    await this.recordWrap(agent, now);
    await this.ctx.store.updateAttempt(callId, { endReason: 'wrap_expired' });
    this.ctx.events.toAgent(agentId, 'call.wrap-up-expired', { callId, limitSeconds });
    await this.freed(agentId, agent.teamId);
  }

  /**
   * A supervisor sends an agent on a break or logs them out. An agent on a call is left alone, and
   * one wrapping up may be logged out but not sent on a break (the wrap-up ends with a disposition).
   */
  async forceState(agentId: string, request: { state: 'break' | 'offline'; breakReason?: BreakReason }) {
    const current = await this.ctx.agents.get(agentId);
    if (current.state === 'preview') await this.previews.release(agentId);
    return this.requestState(agentId, current.teamId, request);
  }

  async previewDial(agentId: string, callId: string): Promise<string> {
    return this.previews.dial(agentId, callId);
  }

  async previewSkip(agentId: string, teamId: string | null, request: PreviewSkipRequest): Promise<void> {
    await this.previews.skip(agentId, request);
    await this.freed(agentId, teamId);
  }

  /**
   * The agent dials an account they may work. They are reserved first, so no campaign call is
   * offered meanwhile; the gate decides as for any dial, and the number is locked like any other.
   */
  async manualDial(agentId: string, teamId: string | null, request: DialRequest): Promise<string> {
    const now = this.ctx.clock.now();
    const entry = await this.ctx.store.manualEntry(agentId, teamId, request);
    if (!entry) throw new AgentDeskError('not_your_call', 'You cannot dial this account or number');
    if (await this.ctx.live.isPhoneBlocked(entry.phone))
      throw new AgentDeskError('dial_refused', 'abandoned_block');
    await this.move(agentId, teamId, ['available'], 'reserved', now.getTime());
    const lockId = `manual:${agentId}:${now.getTime()}`;
    let locked = false;
    try {
      locked = await this.ctx.live.lockForDial(entry, lockId);
      if (!locked) throw new AgentDeskError('dial_refused', 'line_busy');
      const attempt = await this.ctx.store.createManualAttempt(agentId, teamId, entry, now);
      if ('refused' in attempt) throw new AgentDeskError('dial_refused', attempt.refused);
      await this.ctx.live.createCall(
        queuedCall(
          { callId: attempt.callId, campaignId: MANUAL_CALLS, lockId, teamId, ownerAgentId: agentId },
          entry,
          now.getTime(),
        ),
        now.getTime(),
      );
      await this.ctx.agents.move(agentId, teamId, ['reserved'], 'reserved', now.getTime(), {
        callId: attempt.callId,
      });
      await this.ctx.jobs.add(
        'dial.place',
        { campaignId: MANUAL_CALLS, callId: attempt.callId },
        { jobId: `dial-${attempt.callId}` },
      );
      return attempt.callId;
    } catch (error) {
      if (locked) await this.ctx.live.unlock(entry, lockId);
      await this.move(agentId, teamId, ['reserved'], 'available', this.ctx.clock.now().getTime()).catch(
        () => undefined,
      );
      throw error;
    }
  }

  async readyIn(agentId: string, teamId: string | null, seconds: number): Promise<boolean> {
    if (!teamId) return false;
    return this.ctx.agents.readyAt(agentId, teamId, this.ctx.clock.now().getTime() + seconds * 1_000);
  }

  /** The agent's last socket went away: a free agent must not be handed calls they cannot hear. */
  async disconnected(agentId: string, teamId: string | null): Promise<void> {
    const current = await this.ctx.agents.get(agentId);
    if (current.state === 'preview') {
      await this.previews.release(agentId);
      await this.move(agentId, teamId, ['preview'], 'offline', this.ctx.clock.now().getTime()).catch(
        () => undefined,
      );
    } else if (current.state === 'available' || current.state === 'break') {
      await this.requestMove(agentId, teamId, { state: 'offline' }, this.ctx.clock.now().getTime()).catch(
        () => undefined,
      );
    }
  }

  private requestMove(
    agentId: string,
    teamId: string | null,
    request: AgentStateRequest,
    now: number,
  ): Promise<AgentStateView> {
    return this.move(agentId, teamId, statesAllowingRequest(request.state), request.state, now, {
      breakReason: request.state === 'break' ? (request.breakReason ?? 'rest') : null,
    });
  }

  private move(
    agentId: string,
    teamId: string | null,
    from: readonly AgentState[],
    to: AgentState,
    now: number,
    extras: AgentMove = {},
  ): Promise<AgentStateView> {
    return moveAgent(this.ctx, agentId, teamId, from, to, now, extras);
  }

  /**
   * An agent just became free: people already waiting go first, then a callback the agent kept for
   * themselves, and the team's campaigns pace (or offer a preview) at once.
   */
  private async freed(agentId: string, teamId: string | null): Promise<void> {
    const campaigns = await this.offerWaitingCalls(teamId);
    await this.callbacks.deliver(agentId);
    for (const campaignId of campaigns) this.onAgentFreed(campaignId);
  }

  private async recordWrap(current: AgentStateView, now: number): Promise<void> {
    if (!current.callId) return;
    const wrapMs = Math.max(0, now - new Date(current.since).getTime());
    if (current.campaignId) await this.ctx.live.recordDuration(current.campaignId, 'wrap', wrapMs);
    await this.ctx.store.updateAttempt(current.callId, { wrapSeconds: Math.round(wrapMs / 1_000) });
  }

  /** People already waiting in the team's campaigns go to the longest-idle free agent first. */
  private async offerWaitingCalls(teamId: string | null): Promise<string[]> {
    if (!teamId) return [];
    const campaigns = await this.ctx.store.runningCampaignsOfTeam(teamId);
    for (const campaignId of campaigns) {
      const callId = await this.ctx.live.oldestWaiting(campaignId);
      if (callId) {
        const campaign = await this.ctx.store.campaign(campaignId);
        const call = await this.ctx.live.getCall(callId);
        if (campaign && call) {
          const now = this.ctx.clock.now().getTime();
          const agent = await this.ctx.agents.reserveLongestIdle(campaign.teamIds, callId, campaignId, now);
          if (agent && (await this.ctx.live.takeWaiting(campaignId, callId))) {
            await this.calls.connect(call, agent, ['waiting']);
          } else if (agent) {
            await this.calls.releaseReservation(agent, teamId);
          }
        }
      }
    }
    return campaigns;
  }
}
