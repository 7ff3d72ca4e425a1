import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ErrorCode, IMPORT_QUEUE, type ImportJobName, type ImportJobs } from '@recupera/shared';
import type { Job } from 'bullmq';
import { AdminGateway } from '../realtime/admin.gateway';
import { toImportResponse } from './import.mapper';
import { ImportRunner } from './import-runner.service';

@Processor(IMPORT_QUEUE, { concurrency: 1, lockDuration: 60_000, autorun: false })
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly runner: ImportRunner,
    private readonly gateway: AdminGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (this.config.runWorkers) void this.worker.run();
  }

  async process(job: Job<ImportJobs[ImportJobName], void, ImportJobName>): Promise<void> {
    const { importId } = job.data;
    let owner: string | null = null;
    const run = await this.runner.run(importId, {
      started: (started) => {
        owner = started.createdBy;
      },
      progressed: (progress) => {
        if (owner) this.gateway.emitToUser(owner, 'import.progressed', progress);
      },
    });
    if (!run.createdBy) return;
    owner = run.createdBy;
    if (run.status === 'completed') this.gateway.emitToUser(owner, 'import.completed', toImportResponse(run));
    else
      this.gateway.emitToUser(owner, 'import.failed', {
        importId,
        code: ErrorCode.ImportFailed,
        message: run.error ?? 'Import failed',
      });
  }
}
