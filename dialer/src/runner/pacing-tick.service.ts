import { isScheduleOpen } from '@recupera/shared';
import { queuedCall, type HopperEntry } from '../live/campaign-live.store';
import {
  ABANDON_CONTROLLER_DEFAULTS,
  abandonGuardCut,
  initialAbandonControllerState,
  updateAbandonController,
} from '../pacing/abandon-controller.util';
import { PACING_DEFAULTS } from '../pacing/pacing.constant';
import type { PacingDecision } from '../pacing/pacing.type';
import { decideDials } from '../pacing/pacing.util';
import type { CallLifecycleService } from './call-lifecycle.service';
import { claimEntry } from './claim-entry.util';
import type { DialerContext } from './dialer-context.type';
import type { CampaignPlan } from './dialer-ports.type';
import { buildPacingSnapshot } from './pacing-snapshot.util';
import type { PreviewService } from './preview.service';

/** The hopper is topped up when it holds fewer than this many dials per staffed agent… */
const HOPPER_LOW_PER_AGENT = 4;
/** …by this many accounts at a time (each one passes the gate first). */
const REFILL_BATCH = 100;
const PACE_LOCK_MS = 15_000;
/**
 * Dials one tick reserves at most: each passes the gate and is stored before the tick ends, and
 * the next tick (a second later) takes the rest, so a floor ramping up a thousand agents never holds
 * the campaign's pacing lock for long.
 */
const MAX_DIALS_PER_TICK = 100;
const REFILL_LOCK_MS = 60_000;
/**
 * A refill that found no account left (the segment worked through, the rest deferred by the gate)
 * is not asked again for this long: accounts come back by the clock (12 h, a refusal's retryAt),
 * while retries and callbacks reach the hopper directly.
 */
const REFILL_IDLE_MS = 30_000;
/** Retries and callbacks are dialled before fresh accounts. */
export const PRIORITY = { callback: 0, retry: 1, fresh: 2 } as const;

/**
 * One pacing step of a running campaign: measure the floor, let the pure pacer decide, and turn
 * each dial it asks for into a locked, gate-approved, stored attempt queued for the carrier.
 * Runs on the campaign's repeatable tick and after every event that frees a line or an agent.
 */
export class PacingTickService {
  constructor(
    private readonly ctx: DialerContext,
    private readonly calls: CallLifecycleService,
    private readonly previews: PreviewService,
  ) {}

  async tick(campaignId: string): Promise<PacingDecision | null> {
    const token = await this.ctx.live.tryLock('pace', campaignId, PACE_LOCK_MS);
    if (!token) return null;
    try {
      const campaign = await this.ctx.store.campaign(campaignId);
      if (!campaign || campaign.status !== 'running') return null;
      const now = this.ctx.clock.now();
      await this.sweepStaleWaiting(campaign, now.getTime());
      if (!isScheduleOpen(campaign.schedule, this.ctx.limits.agencyTimeZone, now)) return null;
      const decision = await this.decide(campaign, now.getTime());
      const wanted = Math.min(decision.dials, MAX_DIALS_PER_TICK);
      // Preview mode dials nothing by itself: each free agent is shown an account first.
      const placed =
        campaign.pacing.mode === 'preview'
          ? await this.previews.offer(campaign, now, MAX_DIALS_PER_TICK)
          : wanted > 0
            ? await this.dial(campaign, wanted, now)
            : 0;
      const hopperSize = await this.ctx.live.hopperSize(campaign.id);
      await this.maybeRefill(campaign, hopperSize, decision);
      const lines = await this.ctx.live.lineCounts(campaign.id, now.getTime(), PACING_DEFAULTS.cpsWindowMs);
      this.ctx.events.toSupervisors(
        { campaignId: campaign.id, teamIds: campaign.teamIds },
        'campaign.paced',
        {
          campaignId: campaign.id,
          at: now.toISOString(),
          dials: placed,
          linesInFlight: lines.campaignLines,
          hopperSize,
          explanation: decision.explanation,
        },
      );
      return { ...decision, dials: placed };
    } finally {
      await this.ctx.live.unlockKey('pace', campaignId, token);
    }
  }

  private async decide(campaign: CampaignPlan, now: number): Promise<PacingDecision> {
    const [floor, lines, measured, saved] = await Promise.all([
      this.ctx.agents.floor(campaign.teamIds),
      this.ctx.live.lineCounts(campaign.id, now, PACING_DEFAULTS.cpsWindowMs),
      this.ctx.live.measurements(campaign.id, now),
      this.ctx.live.controller(campaign.id),
    ]);
    const controllerSettings = { ...ABANDON_CONTROLLER_DEFAULTS, cap: campaign.pacing.abandonCap };
    let controller = saved ?? initialAbandonControllerState(controllerSettings);
    let offset = controller.offset;
    if (campaign.pacing.mode === 'predictive') {
      const abandons = measured.abandons;
      controller = updateAbandonController(
        controller,
        { abandoned: abandons.filter(Boolean).length, answered: abandons.length },
        controllerSettings,
        now,
        measured.lastHour,
      );
      if (controller !== saved) await this.ctx.live.saveController(campaign.id, controller);
      offset = controller.offset - abandonGuardCut(measured.lastHour, controllerSettings);
    }
    const snapshot = buildPacingSnapshot(floor, lines, measured, campaign.pacing, offset, now);
    const decision = decideDials(snapshot, now);
    await this.ctx.live.saveDecision(campaign.id, decision.explanation);
    return decision;
  }

  /** Pops accounts until `count` dials are reserved or the hopper runs dry. */
  private async dial(campaign: CampaignPlan, count: number, now: Date): Promise<number> {
    let placed = 0;
    let tries = count * 4;
    while (placed < count && tries > 0) {
      const [entry] = await this.ctx.live.popHopper(campaign.id, 1);
      if (!entry) break;
      tries--;
      const claimed = await claimEntry(this.ctx, campaign, entry, now);
      if (!claimed) continue;
      const { callId, lockId } = claimed;
      await this.ctx.live.createCall(
        queuedCall({ callId, campaignId: campaign.id, lockId }, entry, now.getTime()),
        now.getTime(),
      );
      await this.ctx.jobs.add('dial.place', { campaignId: campaign.id, callId }, { jobId: `dial-${callId}` });
      placed++;
    }
    return placed;
  }

  /** The `dial.place` job: the carrier is asked to ring the number. */
  async place(campaignId: string, callId: string): Promise<void> {
    const call = await this.ctx.live.advance(callId, ['queued'], 'dialing');
    if (!call) return;
    const campaign = await this.ctx.store.campaign(campaignId);
    try {
      const handle = await this.ctx.carrier.placeCall({
        callId,
        campaignId,
        to: call.phone,
        from: this.ctx.limits.callerId,
        ringTimeoutSeconds: campaign?.ringTimeoutSeconds ?? 25,
        machineAction: campaign?.machineAction ?? 'hang_up',
        voicemailMessage: campaign?.abandonMessage ?? '',
      });
      await this.ctx.live.updateCall(callId, { carrierSid: handle.carrierSid });
      await this.ctx.store.updateAttempt(callId, {
        dialedAt: this.ctx.clock.now(),
        carrierSid: handle.carrierSid,
        stage: 'dialing',
      });
    } catch (error) {
      // The carrier refused the call: the line is free again and the attempt ends as failed.
      await this.calls.handle({
        kind: 'ended',
        callId,
        carrierSid: '',
        at: this.ctx.clock.now(),
        reason: 'failed',
      });
      throw error;
    }
  }

  private async maybeRefill(
    campaign: CampaignPlan,
    hopperSize: number,
    decision: PacingDecision,
  ): Promise<void> {
    const staffed = Math.max(1, decision.explanation.freeAgents + decision.explanation.sureDials + 1);
    if (hopperSize >= HOPPER_LOW_PER_AGENT * staffed && hopperSize > 0) return;
    if (await this.ctx.live.isRefillIdle(campaign.id)) return;
    // A fixed id keeps one refill queued per campaign; a failed one is dropped so the next can run.
    await this.ctx.jobs.add(
      'hopper.refill',
      { campaignId: campaign.id },
      { jobId: `refill-${campaign.id}`, keepFailed: false },
    );
  }

  /**
   * The `hopper.refill` job: the next accounts by priority, each through the compliance gate (a
   * refusal is recorded with the instant it would pass, and the store defers the account till then).
   */
  async refill(campaignId: string): Promise<number> {
    const token = await this.ctx.live.tryLock('refill', campaignId, REFILL_LOCK_MS);
    if (!token) return 0;
    try {
      const campaign = await this.ctx.store.campaign(campaignId);
      if (!campaign || campaign.status !== 'running') return 0;
      const now = this.ctx.clock.now();
      const size = await this.ctx.live.hopperSize(campaign.id);
      const candidates = await this.ctx.store.candidates(campaign, size + REFILL_BATCH, now);
      if (candidates.length === 0) await this.ctx.live.markRefillIdle(campaign.id, REFILL_IDLE_MS);
      const queued = await this.ctx.live.inHopper(campaign.id, candidates);
      const fresh: HopperEntry[] = [];
      for (let i = 0; i < candidates.length && fresh.length < REFILL_BATCH; i++) {
        const entry = candidates[i];
        if (
          queued[i] ||
          (await this.ctx.live.isLocked(entry)) ||
          (await this.ctx.live.isPhoneBlocked(entry.phone))
        )
          continue;
        if ((await this.ctx.store.gate(campaign, entry, now)).allowed) fresh.push(entry);
      }
      await this.ctx.live.pushHopper(campaign.id, fresh, PRIORITY.fresh);
      return fresh.length;
    } finally {
      await this.ctx.live.unlockKey('refill', campaignId, token);
    }
  }

  /** The `dial.retry` job: the account goes back near the front of a still-running campaign. */
  async retry(campaignId: string, entry: Omit<HopperEntry, 'phone'>): Promise<boolean> {
    const campaign = await this.ctx.store.campaign(campaignId);
    if (!campaign || campaign.status !== 'running') return false;
    const candidate = await this.ctx.store.retryCandidate(campaign, entry.accountId, entry.contactPointId);
    if (!candidate) return false;
    await this.ctx.live.pushHopper(campaign.id, [candidate], PRIORITY.retry);
    return true;
  }

  /** People still waiting past the limit because the process that held their timer went away. */
  private async sweepStaleWaiting(campaign: CampaignPlan, now: number): Promise<void> {
    const limit = (campaign.pacing.abandonAfterMs ?? PACING_DEFAULTS.abandonAfterMs) + 1_000;
    for (;;) {
      const oldest = await this.ctx.live.oldestWaiting(campaign.id);
      if (!oldest) return;
      const call = await this.ctx.live.getCall(oldest);
      if (call && call.answeredAt !== null && now - call.answeredAt < limit) return;
      await this.calls.abandonIfWaiting(campaign.id, oldest);
      if (!call) await this.ctx.live.takeWaiting(campaign.id, oldest);
    }
  }
}
