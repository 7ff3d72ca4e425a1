import { DIALER_QUEUE, type DialerJobName, type DialerJobs } from '@recupera/shared';
import { Queue, type ConnectionOptions } from 'bullmq';
import type { DialerJobsPort } from '../runner/dialer-ports.type';

const TICK_EVERY_MS = 1_000;
const RECONCILE_EVERY_MS = 2_000;

function tickSchedulerId(campaignId: string): string {
  return `tick-${campaignId}`;
}

/** The dialer's BullMQ queue: one-off jobs, and the job schedulers that keep campaigns ticking. */
export class DialerProducer implements DialerJobsPort {
  readonly queue: Queue;

  constructor(connection: ConnectionOptions, prefix: string) {
    this.queue = new Queue(DIALER_QUEUE, { connection, prefix });
  }

  /** Connected and ready; a queue closed while still connecting leaves rejected commands behind. */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
  }

  async add<N extends DialerJobName>(
    name: N,
    data: DialerJobs[N],
    options: { delayMs?: number; jobId?: string; keepFailed?: boolean } = {},
  ): Promise<void> {
    await this.queue.add(name, data, {
      delay: options.delayMs,
      jobId: options.jobId,
      removeOnComplete: true,
      removeOnFail: options.keepFailed === false ? true : 1_000,
    });
  }

  /** The reconcile job keeps the tick schedulers in step with the campaigns' statuses. */
  async scheduleReconcile(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'dialer-reconcile',
      { every: RECONCILE_EVERY_MS },
      { name: 'dialer.reconcile', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** One repeatable tick per running campaign, and none for the others. */
  async syncTicks(runningCampaignIds: readonly string[]): Promise<void> {
    const wanted = new Set(runningCampaignIds.map(tickSchedulerId));
    const existing = await this.queue.getJobSchedulers(0, -1);
    for (const scheduler of existing) {
      const id = scheduler.key;
      if (id.startsWith('tick-') && !wanted.has(id)) await this.queue.removeJobScheduler(id);
    }
    const have = new Set(existing.map((s) => s.key));
    for (const campaignId of runningCampaignIds) {
      if (have.has(tickSchedulerId(campaignId))) continue;
      await this.queue.upsertJobScheduler(
        tickSchedulerId(campaignId),
        { every: TICK_EVERY_MS },
        { name: 'campaign.tick', data: { campaignId }, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
