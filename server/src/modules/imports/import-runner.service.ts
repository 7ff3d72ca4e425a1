import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkMapping,
  ErrorCode,
  JURISDICTION_DEFAULTS,
  mapImportRow,
  toIsoDate,
  type ImportContext,
  type ImportProgress,
  type MappedRow,
} from '@recupera/shared';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ClientsService } from '../clients/clients.service';
import { FileRejection } from './file-inspection.util';
import type { ImportRun } from './import-run.entity';
import { ImportRunsRepository, type RunProgress } from './import-runs.repository';
import {
  ImportWriteRepository,
  type BatchOutcome,
  type BatchReject,
  type BatchTarget,
} from './import-write.repository';
import { openRowSource } from './row-source.util';
import { UploadStore } from './upload-store.service';

export interface ImportListener {
  started?(run: ImportRun): void;
  progressed?(progress: ImportProgress & RunProgress): void;
}

const PROGRESS_EVERY_MS = 250;
const PERSIST_EVERY_MS = 2000;

/** Numeric account numbers are kept as numbers: a million of them then costs a third of the memory. */
function duplicateKey(accountNumber: string): string | number {
  return /^[1-9]\d{0,14}$/.test(accountNumber) ? Number(accountNumber) : accountNumber;
}

/**
 * Runs one import: streams the file, validates every row with the pure mapper, writes batches while
 * the next batch is parsed, records rejects with their line, and reports progress as it goes.
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
    const columns = Object.values(run.mapping).filter((c): c is string => Boolean(c));
    const indexes = columns.map((column) => source.header.indexOf(column));
    const accountColumn = run.mapping.accountNumber ?? 'accountNumber';

    const progress: RunProgress = {
      processedRows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      bytesRead: 0,
    };
    const seen = new Map<string | number, number>();
    let rows: MappedRow[] = [];
    let rejects: BatchReject[] = [];
    const pending: Promise<BatchOutcome>[] = [];
    let lastEmit = 0;
    let lastPersist = Date.now();

    /** Waits until at most `keep` batch writes are still in flight. */
    const settle = async (keep: number) => {
      while (pending.length > keep) {
        const outcome = await pending.shift()!;
        progress.inserted += outcome.inserted;
        progress.updated += outcome.updated;
        progress.unchanged += outcome.unchanged;
      }
    };
    const flush = async () => {
      if (rows.length === 0 && rejects.length === 0) return;
      await settle(this.config.importWriteConcurrency - 1);
      // Written while the next batches are parsed, so the database and the parser work at once.
      const write = this.writer.writeBatch(target, rows, rejects);
      write.catch(() => undefined);
      pending.push(write);
      rows = [];
      rejects = [];
    };
    const report = async (force: boolean) => {
      const now = Date.now();
      progress.bytesRead = Math.min(source.bytesRead(), meta.sizeBytes);
      if (force || now - lastEmit >= PROGRESS_EVERY_MS) {
        lastEmit = now;
        listener.progressed?.({ importId: run.id, sizeBytes: meta.sizeBytes, ...progress });
      }
      if (now - lastPersist >= PERSIST_EVERY_MS) {
        lastPersist = now;
        await this.runs.saveProgress(run.id, progress);
      }
    };

    try {
      for await (const { line, cells } of source.rows) {
        if (
          cells.length > source.header.length &&
          cells.slice(source.header.length).some((c) => c.trim() !== '')
        ) {
          progress.processedRows++;
          progress.rejected++;
          rejects.push({
            line,
            column: '*',
            code: 'too_many_values',
            params: { values: cells.length, columns: source.header.length },
          });
          continue;
        }
        if (cells.every((c) => c.trim() === '')) continue;
        progress.processedRows++;
        const record: Record<string, string> = {};
        for (let i = 0; i < columns.length; i++) record[columns[i]] = cells[indexes[i]] ?? '';
        const result = mapImportRow(record, run.mapping, context);
        if (!result.ok) {
          progress.rejected++;
          for (const problem of result.problems) rejects.push({ line, ...problem });
        } else {
          const key = duplicateKey(result.row.accountNumber);
          const firstLine = seen.get(key);
          if (firstLine !== undefined) {
            progress.rejected++;
            rejects.push({
              line,
              column: accountColumn,
              code: 'duplicate_account',
              params: { account: result.row.accountNumber, firstLine },
            });
          } else {
            seen.set(key, line);
            rows.push(result.row);
          }
        }
        if (rows.length >= this.config.importBatchSize || rejects.length >= this.config.importBatchSize)
          await flush();
        if ((progress.processedRows & 1023) === 0) await report(false);
      }
      await flush();
      await settle(0);
    } finally {
      source.close();
      await Promise.allSettled(pending);
    }
    await report(true);
    await this.runs.finish(run.id, progress, new Date());
    await this.uploads.remove(meta);
  }
}
