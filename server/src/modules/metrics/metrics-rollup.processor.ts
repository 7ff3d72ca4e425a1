import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { METRICS_QUEUE, type MetricsJobName } from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { RollupService } from './rollup.service';

/** How far the dashboards may lag the floor's writes. */
export const ROLLUP_EVERY_MS = 2_000;
/** A job catches up on a backlog (a seed, an import of history) for this long before yielding. */
const CATCH_UP_BUDGET_MS = 1_500;
/** Balances move with payments and imports; the delinquency figures are recounted this often. */
export const DELINQUENCY_EVERY_MS = 5 * 60_000;

/** Runs the rollups' jobs on BullMQ job schedulers, in processes that run workers. */
@Processor(METRICS_QUEUE, { concurrency: 1, autorun: false })
export class MetricsRollupProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MetricsRollupProcessor.name);

  constructor(
    private readonly rollups: RollupService,
    @InjectQueue(METRICS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.queue.upsertJobScheduler(
      'metrics-rollup',
      { every: ROLLUP_EVERY_MS },
      {
        name: 'metrics.rollup' satisfies MetricsJobName,
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
    // Its first job runs at start-up: a fresh floor shows delinquency at once.
    await this.queue.upsertJobScheduler(
      'metrics-delinquency',
      { every: DELINQUENCY_EVERY_MS },
      {
        name: 'metrics.delinquency' satisfies MetricsJobName,
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
    void this.worker.run();
  }

  async process(job: Job<unknown, unknown, MetricsJobName>): Promise<void> {
    try {
      if (job.name === 'metrics.rollup') await this.rollups.catchUp(new Date(), CATCH_UP_BUDGET_MS);
      else if (job.name === 'metrics.delinquency') await this.rollups.refreshDelinquency();
      else throw new Error(`Unknown metrics job ${String(job.name)}`);
    } catch (error) {
      this.logger.error(`metrics job failed: ${error instanceof Error ? error.message : error}`);
      throw error;
    }
  }
}
