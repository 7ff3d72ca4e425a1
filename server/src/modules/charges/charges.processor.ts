import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CHARGES_QUEUE, type ChargesJobName } from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ChargeWaiversService } from './charge-waivers.service';
import { ChargesService } from './charges.service';

/**
 * Hourly: a day is accrued once it has ended in the agency's calendar, within the hour; a run with
 * nothing left to accrue only reads. The scheduler's first job runs at start-up, so a server that
 * was down catches up on every missed day at once.
 */
export const ACCRUE_EVERY_MS = 3_600_000;

/** Runs the daily accrual on a BullMQ job scheduler, in processes that run workers. */
@Processor(CHARGES_QUEUE, { concurrency: 1, autorun: false })
export class ChargesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChargesProcessor.name);

  constructor(
    private readonly charges: ChargesService,
    private readonly waivers: ChargeWaiversService,
    @InjectQueue(CHARGES_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.queue.upsertJobScheduler(
      'charges-accrue',
      { every: ACCRUE_EVERY_MS },
      {
        name: 'charges.accrue' satisfies ChargesJobName,
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
    void this.worker.run();
  }

  async process(job: Job<unknown, unknown, ChargesJobName>): Promise<void> {
    if (job.name !== 'charges.accrue') throw new Error(`Unknown charges job ${String(job.name)}`);
    try {
      const now = new Date();
      const waivers = await this.waivers.catchUp(now);
      if (waivers > 0) this.logger.log(`charges: ${waivers} missed agreement waiver(s) booked`);
      await this.charges.accrueDue(now);
    } catch (error) {
      this.logger.error(`charges job failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}
