import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { PAYMENT_FILE_QUEUE, type PaymentFileJobName, type PaymentFileJobs } from '@recupera/shared';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { PaymentFileRunner } from './payment-file-runner.service';

@Processor(PAYMENT_FILE_QUEUE, { concurrency: 1, lockDuration: 60_000, autorun: false })
export class PaymentFilesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly runner: PaymentFileRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (this.config.runWorkers) void this.worker.run();
  }

  async process(job: Job<PaymentFileJobs[PaymentFileJobName], void, PaymentFileJobName>): Promise<void> {
    await this.runner.run(job.data.fileId);
  }
}
