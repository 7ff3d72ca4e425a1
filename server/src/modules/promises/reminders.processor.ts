import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  MESSAGE_REMINDERS_QUEUE,
  type MessageReminderJobName,
  type MessageReminderJobs,
} from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { RemindersService } from './reminders.service';

/** Reminders fall due at the agency's 09:00 and after a break; every few minutes is soon enough. */
export const REMINDERS_EVERY_MS = 5 * 60_000;

const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 100 };

/**
 * Sends the payment reminders the daily promise check recorded, on a BullMQ job scheduler in
 * processes that run workers; one job at a time, and a reminder claimed by one run is never taken by
 * another.
 */
@Processor(MESSAGE_REMINDERS_QUEUE, { concurrency: 1, autorun: false })
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reminders: RemindersService,
    @InjectQueue(MESSAGE_REMINDERS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.queue.upsertJobScheduler(
      'message-reminders-send',
      { every: REMINDERS_EVERY_MS },
      { name: 'reminders.send' satisfies MessageReminderJobName, data: {}, opts: JOB_OPTIONS },
    );
    void this.worker.run();
  }

  async process(
    job: Job<MessageReminderJobs['reminders.send'], unknown, MessageReminderJobName>,
  ): Promise<unknown> {
    if (job.name !== 'reminders.send') throw new Error(`Unknown reminders job ${String(job.name)}`);
    try {
      return await this.reminders.sendDue(job.data.at ? new Date(job.data.at) : undefined);
    } catch (error) {
      this.logger.error(
        `sending reminders failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw error;
    }
  }
}
