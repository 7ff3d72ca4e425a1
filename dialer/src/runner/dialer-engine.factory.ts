import { AgentPoolStore } from '../live/agent-pool.store';
import { CampaignLiveStore } from '../live/campaign-live.store';
import { LiveKeys } from '../live/live-keys.util';
import { AgentCallbacksService } from './agent-callbacks.service';
import { AgentDeskService } from './agent-desk.service';
import { CallControlsService } from './call-controls.service';
import { CallLifecycleService } from './call-lifecycle.service';
import type { DialerContext } from './dialer-context.type';
import { PacingTickService } from './pacing-tick.service';
import { PreviewService } from './preview.service';
import type { Redis } from 'ioredis';

export type DialerEngineDeps = Omit<DialerContext, 'live' | 'agents'> & {
  redis: Redis;
  keyPrefix: string;
  /** Where errors of background work (event-driven pacing) are reported. */
  onError: (error: unknown, where: string) => void;
  /** Called by reconcile with the running campaigns, to keep their tick schedulers in step. */
  syncTicks: (runningCampaignIds: readonly string[]) => Promise<void>;
};

/**
 * The live dialer assembled: stores over Redis, the call lifecycle wired to the carrier's events,
 * the pacer, and the agents' desk. Events that free a line or an agent pace the campaign at once
 * instead of waiting for its next tick.
 */
export class DialerEngine {
  readonly ctx: DialerContext;
  readonly calls: CallLifecycleService;
  readonly ticks: PacingTickService;
  readonly desk: AgentDeskService;
  readonly controls: CallControlsService;
  readonly callbacks: AgentCallbacksService;
  private readonly pacingSoon = new Set<string>();
  private closed = false;

  constructor(private readonly deps: DialerEngineDeps) {
    const keys = new LiveKeys(deps.keyPrefix);
    this.ctx = {
      ...deps,
      live: new CampaignLiveStore(deps.redis, keys),
      agents: new AgentPoolStore(deps.redis, keys),
    };
    this.calls = new CallLifecycleService(this.ctx);
    const previews = new PreviewService(this.ctx);
    this.callbacks = new AgentCallbacksService(this.ctx);
    this.ticks = new PacingTickService(this.ctx, this.calls, previews);
    this.desk = new AgentDeskService(this.ctx, this.calls, previews, this.callbacks);
    this.controls = new CallControlsService(this.ctx, this.calls);
    this.calls.onLineFreed = (campaignId) => this.paceSoon(campaignId);
    this.desk.onAgentFreed = (campaignId) => this.paceSoon(campaignId);
    // A failure handling one event must be heard, not swallowed by the carrier's timer or webhook.
    deps.carrier.onEvent((event) =>
      this.calls.handle(event).catch((error: unknown) => {
        deps.onError(error, `carrier event ${event.kind} of call ${event.callId}`);
        throw error;
      }),
    );
  }

  /** Paces the campaign on the next turn of the event loop; bursts of events pace once. */
  paceSoon(campaignId: string): void {
    if (this.closed || this.pacingSoon.has(campaignId)) return;
    this.pacingSoon.add(campaignId);
    setImmediate(() => {
      this.pacingSoon.delete(campaignId);
      if (this.closed) return;
      this.ticks.tick(campaignId).catch((error: unknown) => this.deps.onError(error, 'pace'));
    });
  }

  async reconcile(): Promise<void> {
    await this.deps.syncTicks(await this.ctx.store.runningCampaignIds());
  }

  close(): void {
    this.closed = true;
    this.calls.close();
  }
}
