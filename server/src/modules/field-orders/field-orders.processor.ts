import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { FIELD_ORDERS_QUEUE, type FieldOrderJobName } from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { FieldOrderReconciler } from './field-order-reconciler.service';

/** Bills fall due by the day; an hourly pass keeps suspensions and reconnections current. */
export const RECONCILE_EVERY_MS = 3_600_000;

/** Runs the field-order rules on a BullMQ job scheduler, in processes that run workers. */
@Processor(FIELD_ORDERS_QUEUE, { concurrency: 1, autorun: false })
export class FieldOrdersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FieldOrdersProcessor.name);

  constructor(
    private readonly reconciler: FieldOrderReconciler,
    @InjectQueue(FIELD_ORDERS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    // The scheduler's first job runs at once, so a server that was down catches up when it starts.
    await this.queue.upsertJobScheduler(
      'field-orders-reconcile',
      { every: RECONCILE_EVERY_MS },
      {
        name: 'field-orders.reconcile' satisfies FieldOrderJobName,
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
    void this.worker.run();
  }

  async process(job: Job<unknown, unknown, FieldOrderJobName>): Promise<void> {
    if (job.name !== 'field-orders.reconcile')
      throw new Error(`Unknown field-orders job ${String(job.name)}`);
    try {
      const result = await this.reconciler.reconcileAll(null);
      if (result.suspensionsCreated + result.suspensionsCancelled + result.reconnectionsCreated > 0)
        this.logger.log(
          `field orders: ${result.suspensionsCreated} suspensions, ${result.suspensionsCancelled} cancelled, ` +
            `${result.reconnectionsCreated} reconnections`,
        );
    } catch (error) {
      this.logger.error(`field-orders job failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}
