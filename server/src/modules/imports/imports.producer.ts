import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { IMPORT_QUEUE, type ImportJobName, type ImportJobs } from '@recupera/shared';
import type { Queue } from 'bullmq';

@Injectable()
export class ImportsProducer {
  constructor(@InjectQueue(IMPORT_QUEUE) private readonly queue: Queue) {}

  async enqueue<N extends ImportJobName>(name: N, data: ImportJobs[N]): Promise<void> {
    // The job id is the import id, so a double click or a retried request cannot queue it twice. A run
    // cut short by a crash is retried from the start: every write of an import is an idempotent upsert.
    await this.queue.add(name, data, {
      jobId: `import-${data.importId}`,
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
