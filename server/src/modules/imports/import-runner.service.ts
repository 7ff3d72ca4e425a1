import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkMapping,
  ErrorCode,
  JURISDICTION_DEFAULTS,
  toIsoDate,
  type ImportContext,
  type ImportProgress,
} from '@recupera/shared';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ClientsService } from '../clients/clients.service';
import { FileRejection } from './file-inspection.util';
import type { ImportRun } from './import-run.entity';
import { ImportRunsRepository, type RunProgress } from './import-runs.repository';
import { ImportBatches } from './import-batches.util';
import { ImportRowReader } from './import-row-reader.util';
import { ImportWriteRepository, type BatchTarget } from './import-write.repository';
import { openRowSource } from './row-source.util';
import { UploadStore } from './upload-store.service';

export interface ImportListener {
  started?(run: ImportRun): void;
  progressed?(progress: ImportProgress & RunProgress): void;
}

const PROGRESS_EVERY_MS = 250;
const PERSIST_EVERY_MS = 2000;

/**
 * Runs one import: streams the file through the row reader, writes batches while the next ones are
 * read, records rejects with their line, and reports progress as it goes.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly runs: ImportRunsRepository,
    private readonly writer: ImportWriteRepository,
    private readonly uploads: UploadStore,
    private readonly clients: ClientsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(importId: string, listener: ImportListener = {}): Promise<ImportRun> {
    const run = await this.runs.findById(importId);
    if (!run) throw new Error(`Import ${importId} does not exist`);
    listener.started?.(run);
    try {
      await this.execute(run, listener);
    } catch (error) {
      const message =
        error instanceof FileRejection ? error.message : `Import failed: ${(error as Error).message}`;
      if (!(error instanceof FileRejection)) this.logger.error((error as Error).stack ?? message);
      await this.runs.fail(run.id, message, new Date());
    }
    return (await this.runs.findById(importId))!;
  }

  private async execute(run: ImportRun, listener: ImportListener): Promise<void> {
    const { portfolio, client } = await this.clients.portfolioWithClient(run.portfolioId);
    const meta = await this.uploads.find(run.uploadId, null);
    await this.runs.markRunning(run.id, new Date());
    await this.runs.clearRejects(run.id);

    const source = await openRowSource(meta.dataPath, meta.kind, meta.delimiter);
    const problems = checkMapping(run.mapping, source.header);
    if (problems.length > 0) {
      source.close();
      throw new FileRejection(
        ErrorCode.MissingColumns,
        `The file does not fit the mapping: ${problems.join('; ')}`,
      );
    }
    const defaults = JURISDICTION_DEFAULTS[portfolio.jurisdiction];
    const context: ImportContext = {
      currency: portfolio.currency,
      phoneRegion: defaults.phoneRegion,
      defaultTimeZone: defaults.timeZone,
      today: toIsoDate(new Date()),
    };
    const target: BatchTarget = {
      importId: run.id,
      clientId: client.id,
      portfolioId: portfolio.id,
      currency: portfolio.currency,
      jurisdiction: portfolio.jurisdiction,
    };
    const reader = new ImportRowReader(source.header, run.mapping, context);
    const batches = new ImportBatches(
      (rows, rejects) => this.writer.writeBatch(target, rows, rejects),
      this.config.importBatchSize,
      this.config.importWriteConcurrency,
    );
    const counts = { processedRows: 0, rejected: 0 };
    let lastEmit = 0;
    let lastPersist = Date.now();
    const progress = (): RunProgress => ({
      ...counts,
      ...batches.totals,
      bytesRead: Math.min(source.bytesRead(), meta.sizeBytes),
    });
    const report = async (force: boolean) => {
      const now = Date.now();
      if (force || now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        listener.progressed?.({ importId: run.id, sizeBytes: meta.sizeBytes, ...progress() });
      }
      if (now - lastPersist >= PERSIST_EVERY_MS) {
        lastPersist = now;
        await this.runs.saveProgress(run.id, progress());
      }
    };

    try {
      for await (const { line, cells } of source.rows) {
        const verdict = reader.read(line, cells);
        if (verdict.kind === 'skipped') continue;
        counts.processedRows++;
        if (verdict.kind === 'accepted') batches.accept(verdict.row);
        else {
          counts.rejected++;
          for (const problem of verdict.problems) batches.reject({ line, ...problem });
        }
        await batches.flushIfFull();
        if ((counts.processedRows & 1023) === 0) await report(false);
      }
      await batches.finish();
    } catch (error) {
      await batches.abandon();
      throw error;
    } finally {
      source.close();
    }
    await report(true);
    await this.runs.finish(run.id, progress(), new Date());
    await this.uploads.remove(meta);
  }
}
