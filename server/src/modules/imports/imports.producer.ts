import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { IMPORT_QUEUE, type ImportJobName, type ImportJobs } from '@recupera/shared';
import type { Queue } from 'bullmq';

@Injectable()
export class ImportsProducer {
  constructor(@InjectQueue(IMPORT_QUEUE) private readonly queue: Queue) {}

  async enqueue<N extends ImportJobName>(name: N, data: ImportJobs[N]): Promise<void> {
    // The job id is the import id, so a double click or a retried request cannot run an import twice.
    await this.queue.add(name, data, { jobId: `import-${data.importId}`, attempts: 1, removeOnComplete: 1000, removeOnFail: 1000 });
  }
}
