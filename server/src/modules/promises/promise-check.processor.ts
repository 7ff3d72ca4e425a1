import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { agencyDate, PROMISES_QUEUE, type PromiseJobName, type PromiseJobs } from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { PromiseCheckService } from './promise-check.service';

/** Five past midnight in the agency's zone: the first minutes of the day after a deadline. */
export const PROMISE_CHECK_PATTERN = '5 0 * * *';

const JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: 100,
  // A deadlock with a payment posted at that very moment is retried, not lost for a day.
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
};

/**
 * Runs the daily broken-promise check on a BullMQ job scheduler (cron, agency time zone), in
 * processes that run workers. A process starting on a day the check has not run yet (the servers
 * were down at 00:05) queues one at once; the check itself evaluates every deadline passed, so
 * nothing missed is lost.
 */
@Processor(PROMISES_QUEUE, { concurrency: 1, autorun: false })
export class PromiseCheckProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PromiseCheckProcessor.name);

  constructor(
    private readonly check: PromiseCheckService,
    @InjectQueue(PROMISES_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.queue.upsertJobScheduler(
      'promises-check-daily',
      { pattern: PROMISE_CHECK_PATTERN, tz: this.config.agencyTimeZone },
      { name: 'promises.check' satisfies PromiseJobName, data: {}, opts: JOB_OPTIONS },
    );
    const now = new Date();
    if (await this.check.missedRun(now)) {
      // One catch-up per day however many processes start: the job id is the day's.
      const day = agencyDate(this.config.agencyTimeZone, now);
      await this.queue.add(
        'promises.check' satisfies PromiseJobName,
        {},
        { ...JOB_OPTIONS, jobId: `catch-up-${day}` },
      );
    }
    void this.worker.run();
  }

  async process(job: Job<PromiseJobs['promises.check'], unknown, PromiseJobName>): Promise<unknown> {
    if (job.name !== 'promises.check') throw new Error(`Unknown promises job ${String(job.name)}`);
    try {
      return await this.check.run(job.data.at ? new Date(job.data.at) : new Date());
    } catch (error) {
      this.logger.error(`promise check failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}
