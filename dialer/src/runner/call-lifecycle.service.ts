import {
  agencyDate,
  type AgentStateView,
  type CallEndedView,
  type CallOutcome,
  type CallProgress,
  type RetryOutcome,
} from '@recupera/shared';
import type { CarrierCallEvent, CarrierEndReason } from '../carriers/carrier.type';
import type { LiveCall } from '../live/campaign-live.store';
import { MANUAL_CALLS } from '../live/live-keys.util';
import { PACING_DEFAULTS } from '../pacing/pacing.constant';
import { moveAgent, publishAgentState } from './agent-moves.util';
import { liveCallView } from './call-view.util';
import type { DialerContext } from './dialer-context.type';
import type { CampaignPlan } from './dialer-ports.type';

const NOT_ANSWERED: readonly LiveCall['stage'][] = ['queued', 'dialing', 'ringing'];

/** The campaign an agent's state names: none for their own dial. */
function campaignOf(call: LiveCall): string | null {
  return call.campaignId === MANUAL_CALLS ? null : call.campaignId;
}

function outcomeOf(reason: CarrierEndReason): Extract<CallOutcome, 'no_answer' | 'busy' | 'failed'> {
  switch (reason) {
    case 'busy':
      return 'busy';
    case 'failed':
      return 'failed';
    case 'no_answer':
    case 'canceled':
    case 'completed':
      return 'no_answer';
  }
}

/**
 * A call from the carrier's first word to its last: answered people go to the longest-idle free
 * agent of the campaign's teams, or wait at most 2 s before the campaign's message plays and the
 * number is blocked for 72 h; machines get the campaign's treatment; unanswered calls come back by
 * the retry rules. Every step is stored on the interaction and published.
 */
export class CallLifecycleService {
  /** Called after a line frees or an agent is bridged, so the campaign can dial again at once. */
  onLineFreed: (campaignId: string) => void = () => undefined;
  private readonly abandonTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ctx: DialerContext) {}

  /**
   * Every instant is the dialer's own clock at the event, not the carrier's stamp: abandons, talk
   * and answer times are measured against instants the dialer took itself (dial, bridge).
   */
  async handle(event: CarrierCallEvent): Promise<void> {
    const at = this.ctx.clock.now();
    switch (event.kind) {
      case 'ringing':
        return this.ringing(event.callId, at);
      case 'answered':
        return event.answeredBy === 'human'
          ? this.personAnswered(event.callId, at)
          : this.machineAnswered(event.callId, at);
      case 'ended':
        return this.ended(event.callId, event.reason, at);
    }
  }

  private async ringing(callId: string, at: Date): Promise<void> {
    const call = await this.ctx.live.advance(callId, ['queued', 'dialing'], 'ringing');
    if (!call) return;
    await this.ctx.store.updateAttempt(callId, { ringingAt: at, stage: 'ringing' });
    this.progress(call, 'ringing', null, at);
  }

  private async personAnswered(callId: string, at: Date): Promise<void> {
    const call = await this.ctx.live.advance(callId, NOT_ANSWERED, 'answered', { answeredAt: at.getTime() });
    if (!call) return;
    await this.ctx.live.recordOutcome(call.campaignId, true, at.getTime() - call.queuedAt);
    await this.ctx.store.updateAttempt(callId, { answeredAt: at, stage: 'answered', outcome: 'human' });
    this.progress(call, 'answered', 'human', at);
    const campaign = await this.ctx.store.campaign(call.campaignId);
    // The call leaves the in-flight set only once it holds an agent or a place in the waiting
    // list, so a pacer reading the floor meanwhile never sees a free agent with nothing coming.
    // A manual call is its dialler's, who has been reserved for it since they dialled.
    const agentId =
      call.ownerAgentId ??
      (campaign
        ? await this.ctx.agents.reserveLongestIdle(
            campaign.teamIds,
            callId,
            campaign.id,
            this.ctx.clock.now().getTime(),
          )
        : null);
    if (agentId) {
      await this.ctx.live.markAnswered(call.campaignId, callId);
      await this.connect(call, agentId, ['answered']);
      return;
    }
    await this.ctx.live.advance(callId, ['answered'], 'waiting');
    await this.ctx.live.addWaiting(call.campaignId, callId, at.getTime());
    await this.ctx.live.markAnswered(call.campaignId, callId);
    this.progress(call, 'waiting', 'human', at);
    const abandonAfter = campaign?.pacing.abandonAfterMs ?? PACING_DEFAULTS.abandonAfterMs;
    this.abandonTimers.set(
      callId,
      setTimeout(() => {
        this.abandonTimers.delete(callId);
        this.abandonIfWaiting(call.campaignId, callId).catch(() => undefined);
      }, abandonAfter),
    );
  }

  /**
   * Bridges the call to an agent already reserved for it. If the call went away meanwhile (the
   * debtor hung up), the agent is handed back to the free pool.
   */
  async connect(call: LiveCall, agentId: string, from: readonly LiveCall['stage'][]): Promise<boolean> {
    const now = this.ctx.clock.now();
    const agent = await this.ctx.agents.get(agentId);
    const connected = await this.ctx.live.advance(call.callId, from, 'connected', {
      agentId,
      teamId: agent.teamId,
      connectedAt: now.getTime(),
    });
    if (!connected) {
      await this.releaseReservation(agentId, agent.teamId);
      return false;
    }
    const timer = this.abandonTimers.get(call.callId);
    if (timer) clearTimeout(timer);
    this.abandonTimers.delete(call.callId);
    const { agentLeg } = await this.ctx.carrier.bridgeToAgent(
      { callId: call.callId, carrierSid: call.carrierSid ?? '' },
      agentId,
    );
    if (agentLeg) await this.ctx.live.updateCall(call.callId, { agentLeg });
    const moved = await this.ctx.agents.move(agentId, agent.teamId, ['reserved'], 'on_call', now.getTime(), {
      callId: call.callId,
      campaignId: campaignOf(call),
    });
    await this.ctx.live.recordAnswered(call.campaignId, call.callId, false, now.getTime());
    await this.ctx.store.updateAttempt(call.callId, {
      connectedAt: now,
      stage: 'connected',
      agentId,
      teamId: agent.teamId,
    });
    await this.ctx.store.recordAgentState(moved.view);
    this.agentChanged(moved.view);
    const view = await liveCallView(this.ctx, call.callId);
    if (view) this.ctx.events.toAgent(agentId, 'call.connected', view);
    const script = await this.ctx.store.scriptFor(call.callId);
    if (script) this.ctx.events.toAgent(agentId, 'script.pushed', script);
    this.progress({ ...connected, agentId }, 'connected', 'human', now);
    return true;
  }

  async releaseReservation(agentId: string, teamId: string | null): Promise<void> {
    const now = this.ctx.clock.now().getTime();
    const { view } = await this.ctx.agents.move(agentId, teamId, ['reserved'], 'available', now);
    this.agentChanged(view);
  }

  /** The 2 s are up (or the debtor hung up while waiting): abandon, unless an agent took the call. */
  async abandonIfWaiting(campaignId: string, callId: string, hungUp = false): Promise<void> {
    if (!(await this.ctx.live.takeWaiting(campaignId, callId))) return;
    const call = await this.ctx.live.advance(callId, ['waiting'], 'abandoned');
    if (!call) return;
    const now = this.ctx.clock.now();
    await this.ctx.live.recordAnswered(campaignId, callId, true, now.getTime());
    await this.ctx.live.blockPhone(call.phone);
    await this.ctx.store.updateAttempt(callId, { outcome: 'abandoned', stage: 'abandoned' });
    this.progress(call, 'ended', 'abandoned', now);
    if (!hungUp) {
      const campaign = await this.ctx.store.campaign(campaignId);
      await this.ctx.carrier.playMessageAndHangUp(
        { callId, carrierSid: call.carrierSid ?? '' },
        campaign?.abandonMessage ?? '',
      );
    }
  }

  private async machineAnswered(callId: string, at: Date): Promise<void> {
    const call = await this.ctx.live.advance(callId, NOT_ANSWERED, 'machine', { answeredAt: at.getTime() });
    if (!call) return;
    await this.ctx.live.markAnswered(call.campaignId, callId);
    await this.ctx.live.recordOutcome(call.campaignId, false, null);
    await this.ctx.store.updateAttempt(callId, { answeredAt: at, stage: 'answered', outcome: 'machine' });
    this.progress(call, 'answered', 'machine', at);
    const campaign = await this.ctx.store.campaign(call.campaignId);
    const handle = { callId, carrierSid: call.carrierSid ?? '' };
    if (campaign?.machineAction === 'leave_message') {
      await this.ctx.carrier.playMessageAndHangUp(handle, campaign.abandonMessage);
    } else {
      await this.ctx.carrier.hangUp(handle);
    }
  }

  private async ended(callId: string, reason: CarrierEndReason, at: Date): Promise<void> {
    const before = await this.ctx.live.getCall(callId);
    if (!before || before.stage === 'ended') return;
    if (before.stage === 'waiting') await this.abandonIfWaiting(before.campaignId, callId, true);
    const call = await this.ctx.live.advance(
      callId,
      ['queued', 'dialing', 'ringing', 'answered', 'machine', 'waiting', 'connected', 'abandoned'],
      'ended',
    );
    if (!call) return;
    await this.ctx.live.releaseLine(call.campaignId, callId);
    await this.ctx.live.unlock(call, call.lockId);
    const campaign = await this.ctx.store.campaign(call.campaignId);
    if (NOT_ANSWERED.includes(before.stage)) {
      const outcome = outcomeOf(reason);
      await this.ctx.live.recordOutcome(call.campaignId, false, null);
      await this.ctx.store.updateAttempt(callId, { endedAt: at, stage: 'ended', outcome, endReason: reason });
      this.progress(call, 'ended', outcome, at);
      if (campaign) await this.scheduleRetry(campaign, call, outcome);
      if (call.ownerAgentId) await this.manualDialFailed(call, outcome, at);
    } else if (before.stage === 'connected') {
      await this.talkEnded(call, at);
    } else {
      await this.ctx.store.updateAttempt(callId, { endedAt: at, stage: 'ended', endReason: reason });
      if (before.stage === 'machine' && campaign) await this.scheduleRetry(campaign, call, 'machine');
      if (before.stage === 'machine' && call.ownerAgentId) await this.manualDialFailed(call, 'machine', at);
      this.progress(call, 'ended', null, at);
    }
    this.onLineFreed(call.campaignId);
  }

  /** Nobody answered the agent's own dial: they are free again, and told how it went. */
  private async manualDialFailed(call: LiveCall, outcome: CallOutcome, at: Date): Promise<void> {
    const agentId = call.ownerAgentId!;
    const agent = await this.ctx.agents.get(agentId);
    const moved = await this.ctx.agents
      .move(agentId, agent.teamId, ['reserved'], 'available', at.getTime())
      .catch(() => null);
    if (moved) {
      await this.ctx.store.recordAgentState(moved.view);
      this.agentChanged(moved.view);
    }
    this.ctx.events.toAgent(agentId, 'call.ended', {
      callId: call.callId,
      endedBy: 'debtor',
      talkSeconds: 0,
      endedAt: at.toISOString(),
      outcome,
    });
  }

  private async talkEnded(call: LiveCall, at: Date): Promise<void> {
    const connectedAt = call.connectedAt ?? at.getTime();
    const talkMs = Math.max(0, at.getTime() - connectedAt);
    await this.ctx.live.recordDuration(call.campaignId, 'talk', talkMs);
    await this.ctx.store.updateAttempt(call.callId, {
      endedAt: at,
      stage: 'ended',
      talkSeconds: Math.round(talkMs / 1_000),
    });
    this.progress(call, 'ended', 'human', at);
    if (call.transferredTo) {
      // The agent left at the transfer; the supervisor who took the call hears that it ended.
      this.ctx.events.toSupervisors({ teamIds: call.teamId ? [call.teamId] : [] }, 'call.transfer-ended', {
        callId: call.callId,
      });
      return;
    }
    if (call.agentId) await this.agentLeftCall(call, call.agentId, call.endedBy ?? 'debtor', at);
  }

  /**
   * The agent is off the call (it ended, or a supervisor took it): wrap-up begins, and the
   * campaign's wrap-up limit starts counting.
   */
  async agentLeftCall(
    call: LiveCall,
    agentId: string,
    endedBy: CallEndedView['endedBy'],
    at: Date,
  ): Promise<void> {
    const agent = await this.ctx.agents.get(agentId);
    await moveAgent(this.ctx, agentId, agent.teamId, ['on_call'], 'wrap_up', at.getTime(), {
      callId: call.callId,
      campaignId: campaignOf(call),
    });
    this.ctx.events.toAgent(agentId, 'call.ended', {
      callId: call.callId,
      endedBy,
      talkSeconds: Math.round(Math.max(0, at.getTime() - (call.connectedAt ?? at.getTime())) / 1_000),
      endedAt: at.toISOString(),
    });
    const campaign = campaignOf(call) ? await this.ctx.store.campaign(call.campaignId) : null;
    if (campaign?.wrapUpLimitSeconds) {
      await this.ctx.jobs.add(
        'wrapup.overdue',
        { agentId, callId: call.callId },
        { delayMs: campaign.wrapUpLimitSeconds * 1_000, jobId: `wrapup-${call.callId}` },
      );
    }
  }

  /** No answer, busy, failure or machine: try again later, within the rule's daily cap. */
  private async scheduleRetry(campaign: CampaignPlan, call: LiveCall, outcome: RetryOutcome): Promise<void> {
    const rule = campaign.retryRules.find((r) => r.outcome === outcome);
    if (!rule) return;
    const day = agencyDate(this.ctx.limits.agencyTimeZone, this.ctx.clock.now());
    const tries = await this.ctx.live.countTry(campaign.id, `${call.accountId}:${outcome}`, day);
    if (tries >= rule.maxPerDay) return;
    await this.ctx.jobs.add(
      'dial.retry',
      { campaignId: campaign.id, accountId: call.accountId, contactPointId: call.contactPointId },
      { delayMs: rule.retryAfterMinutes * 60_000, jobId: `retry-${campaign.id}-${call.callId}` },
    );
  }

  agentChanged(view: AgentStateView): void {
    publishAgentState(this.ctx, view);
  }

  /** Published to the floor of the campaign's teams; a lost event must never fail the call. */
  private progress(
    call: LiveCall,
    stage: CallProgress['stage'],
    outcome: CallOutcome | null,
    at: Date,
  ): void {
    const payload: CallProgress = {
      callId: call.callId,
      campaignId: call.campaignId,
      accountId: call.accountId,
      stage,
      outcome,
      agentId: call.agentId,
      at: at.toISOString(),
    };
    this.ctx.store
      .campaign(call.campaignId)
      .then((campaign) =>
        this.ctx.events.toSupervisors(
          { campaignId: call.campaignId, teamIds: campaign?.teamIds ?? [] },
          'call.progressed',
          payload,
        ),
      )
      .catch(() => undefined);
  }

  close(): void {
    for (const timer of this.abandonTimers.values()) clearTimeout(timer);
    this.abandonTimers.clear();
  }
}
