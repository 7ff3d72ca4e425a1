import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import {
  agencyDate,
  fieldLabels,
  PaymentFileReader,
  zonedInstant,
  type PaymentFileRow as MappedPayment,
  type PaymentLineProblem,
  type PaymentLineVerdict,
  type PaymentRowContext,
} from '@recupera/shared';
import { rm } from 'node:fs/promises';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { FileRejection } from '../imports/file-inspection.util';
import { openRowSource } from '../imports/row-source.util';
import { PaymentsService } from '../payments/payments.service';
import { inspectPaymentFile, openLineSource } from './payment-file-source.util';
import { PaymentFilesRepository, type FileProgress, type PaymentFileRow } from './payment-files.repository';

const POST_BATCH = 200;
const PERSIST_EVERY_MS = 1000;

interface PendingPayment {
  line: number;
  row: MappedPayment;
}

/**
 * Runs one payment file: streams it through the layout's reader, posts every good line through
 * PaymentsService (one transaction each, idempotent by the client's reference, so a retried run or a
 * re-uploaded file applies nothing twice), records each bad line with its reason, and saves its
 * progress as it goes.
 */
@Injectable()
export class PaymentFileRunner {
  private readonly logger = new Logger(PaymentFileRunner.name);

  constructor(
    private readonly files: PaymentFilesRepository,
    private readonly payments: PaymentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(fileId: string): Promise<PaymentFileRow> {
    const file = await this.files.file(fileId);
    if (!file) throw new Error(`Payment file ${fileId} does not exist`);
    try {
      await this.execute(file);
    } catch (error) {
      const message =
        error instanceof FileRejection ? error.message : `Payment file failed: ${(error as Error).message}`;
      if (!(error instanceof FileRejection)) this.logger.error((error as Error).stack ?? message);
      await this.files.fail(file.id, message, new Date());
    }
    return (await this.files.file(fileId))!;
  }

  private async execute(file: PaymentFileRow): Promise<void> {
    await this.files.markRunning(file.id, new Date());
    const clients = await this.files.clients();
    const fileClient = clients.find((c) => c.id === file.clientId);
    if (!fileClient) throw new Error(`Client ${file.clientId} does not exist`);
    const actor = await this.files.actor(file.createdBy);
    const context: Omit<PaymentRowContext, 'labels'> = {
      layout: file.layout,
      clients: new Map(clients.map((c) => [c.code.toUpperCase(), c])),
      fileClient,
      fileChannel: file.channel,
      today: agencyDate(this.config.agencyTimeZone, new Date()),
    };
    const inspected = await inspectPaymentFile(file.storedPath, file.fileName, file.layout);

    const counts: FileProgress = { processedRows: 0, applied: 0, duplicates: 0, rejected: 0, bytesRead: 0 };
    let pending: PendingPayment[] = [];
    let rejects: PaymentLineProblem[] = [];
    let lastPersist = Date.now();
    let bytesRead = () => 0;

    const flush = async (force: boolean) => {
      for (const reject of await this.post(file, actor, pending, counts)) rejects.push(reject);
      pending = [];
      await this.files.insertRejects(file.id, rejects);
      rejects = [];
      counts.bytesRead = Math.min(bytesRead(), file.sizeBytes);
      if (force || Date.now() - lastPersist >= PERSIST_EVERY_MS) {
        lastPersist = Date.now();
        await this.files.saveProgress(file.id, counts);
      }
    };
    const take = async (line: number, verdict: PaymentLineVerdict) => {
      if (verdict.kind === 'skipped') return;
      counts.processedRows++;
      if (verdict.kind === 'rejected') {
        counts.rejected++;
        for (const problem of verdict.problems) rejects.push({ line, ...problem });
      } else pending.push({ line, row: verdict.row });
      if (pending.length >= POST_BATCH || rejects.length >= POST_BATCH) await flush(false);
    };

    if (file.layout.format === 'csv') {
      const source = await openRowSource(file.storedPath, inspected.kind, inspected.delimiter);
      bytesRead = source.bytesRead;
      const reader = new PaymentFileReader(context, source.header);
      try {
        for await (const { line, cells } of source.rows) await take(line, reader.readCells(line, cells));
      } finally {
        source.close();
      }
    } else {
      const source = openLineSource(file.storedPath);
      bytesRead = source.bytesRead;
      const reader = new PaymentFileReader(context);
      try {
        for await (const { line, text } of source.lines) await take(line, reader.readLine(line, text));
      } finally {
        source.close();
      }
    }
    bytesRead = () => file.sizeBytes;
    await flush(true);
    await this.files.finish(file.id, counts, new Date());
    await rm(file.storedPath, { force: true });
  }

  /** Posts good lines in file order; what the payments feature refuses becomes the line's reject. */
  private async post(
    file: PaymentFileRow,
    actor: Awaited<ReturnType<PaymentFilesRepository['actor']>>,
    pending: readonly PendingPayment[],
    counts: FileProgress,
  ): Promise<PaymentLineProblem[]> {
    const rejects: PaymentLineProblem[] = [];
    const ids = new Map<string, Map<string, string>>();
    for (const clientId of new Set(pending.map((p) => p.row.clientId)))
      ids.set(
        clientId,
        await this.files.accountIds(
          clientId,
          pending.filter((p) => p.row.clientId === clientId).map((p) => p.row.accountNumber),
        ),
      );
    const labelOf = fieldLabels(file.layout);
    const labels = {
      account: labelOf.accountNumber ?? 'accountNumber',
      reference: labelOf.reference ?? 'reference',
    };
    for (const { line, row } of pending) {
      const reject = (
        column: string,
        code: PaymentLineProblem['code'],
        params: PaymentLineProblem['params'],
      ) => {
        counts.rejected++;
        rejects.push({ line, column, code, params });
      };
      const accountId = ids.get(row.clientId)?.get(row.accountNumber);
      if (!accountId) {
        reject(labels.account, 'unknown_account', { account: row.accountNumber, client: row.clientCode });
        continue;
      }
      try {
        const payment = await this.payments.post(
          { user: actor, ip: null },
          {
            accountId,
            amountMinor: row.amountMinor,
            channel: row.channel,
            reference: row.reference,
            paidAt: zonedInstant(row.paidDate, '00:00', this.config.agencyTimeZone),
            note: `payment file ${file.id}, line ${line}`,
            batchId: file.id,
            currency: row.currency,
          },
        );
        if (payment.duplicate) counts.duplicates++;
        else counts.applied++;
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        const status = error.getStatus();
        if (status === HttpStatus.NOT_FOUND)
          reject(labels.account, 'unknown_account', { account: row.accountNumber, client: row.clientCode });
        // A reference conflict carries no details; a closed period's refusal says its month.
        else if (status === HttpStatus.CONFLICT && error.details === undefined)
          reject(labels.reference, 'reference_conflict', { reference: row.reference });
        else if (status === HttpStatus.BAD_REQUEST || status === HttpStatus.CONFLICT)
          reject('*', 'posting_refused', { message: error.message.slice(0, 200) });
        else throw error;
      }
    }
    return rejects;
  }
}
