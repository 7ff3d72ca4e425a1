import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { PAYMENT_FILE_QUEUE, type PaymentFileJobName, type PaymentFileJobs } from '@recupera/shared';
import type { Queue } from 'bullmq';

@Injectable()
export class PaymentFilesProducer {
  constructor(@InjectQueue(PAYMENT_FILE_QUEUE) private readonly queue: Queue) {}

  async enqueue<N extends PaymentFileJobName>(name: N, data: PaymentFileJobs[N]): Promise<void> {
    // One job per file; a run cut short is retried from the start, and every posting is idempotent.
    await this.queue.add(name, data, {
      jobId: `payment-file-${data.fileId}`,
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
