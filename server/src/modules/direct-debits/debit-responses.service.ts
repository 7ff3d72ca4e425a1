import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  agencyDate,
  decideAfterReject,
  describeDebitReject,
  describePaymentRowProblem,
  minorToFileAmount,
  UNANSWERED_DEBIT_CODE,
  zonedInstant,
  type DebitResponseLine,
  type DebitResponseResult,
  type Locale,
  type PaymentLineProblem,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { PaymentsService } from '../payments/payments.service';
import { uploadedText, type UploadedMemoryFile } from '../payment-files/uploaded-text.util';
import { DebitBatchesRepository, type BatchRow, type ItemRow } from './debit-batches.repository';
import { DebitBatchesService } from './debit-batches.service';
import { DebitMandatesService } from './debit-mandates.service';
import { toBatchResponse } from './direct-debits.mapper';

interface Tally {
  paid: number;
  rejected: number;
  duplicates: number;
  revokedMandates: number;
  problems: PaymentLineProblem[];
}

/**
 * The bank's answer to a batch: each paid debit posted as a payment under the debit's reference
 * (idempotent, so the same response loaded twice applies nothing twice), each reject recorded with
 * the bank's code and what the retry rules make of it — a reason that ends the mandate revokes it.
 * Debits the response leaves out are marked unanswered and retried in the next batch.
 */
@Injectable()
export class DebitResponsesService {
  constructor(
    private readonly batches: DebitBatchesRepository,
    private readonly batchService: DebitBatchesService,
    private readonly mandates: DebitMandatesService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(
    user: AuthUser,
    batchId: string,
    file: UploadedMemoryFile | undefined,
    locale: Locale,
    ip: string | null,
  ): Promise<DebitResponseResult> {
    const batch = await this.batchService.row(batchId);
    const upload = uploadedText(file);
    const read = this.batchService.adapterOf(batch).readResponse(upload.text, batch.currency);
    const items = new Map((await this.batches.items(batchId)).map((item) => [item.reference, item]));
    const tally: Tally = {
      paid: 0,
      rejected: 0,
      duplicates: 0,
      revokedMandates: 0,
      problems: [...read.problems],
    };
    const answered = new Set<string>();
    for (const line of read.lines) {
      const item = items.get(line.reference);
      if (!item) {
        tally.problems.push({
          line: line.line,
          column: 'referencia',
          code: 'unknown_item',
          params: { reference: line.reference },
        });
        continue;
      }
      answered.add(item.reference);
      if (line.outcome === 'paid') await this.paid(user, batch, item, line, tally, ip);
      else await this.rejected(user, batch, item, line, tally, ip);
    }

    const now = new Date();
    const unanswered = [...items.values()].filter(
      (i) => i.status === 'pending' && !answered.has(i.reference),
    );
    await this.uow.run(async (tx) => {
      for (const item of unanswered)
        await this.batches.markRejected(
          tx,
          item.id,
          { status: 'unanswered', bankReasonCode: null, reasonCode: UNANSWERED_DEBIT_CODE },
          now,
        );
      await this.batches.markAnswered(tx, batchId, now);
      await this.batches.insertResponse(tx, {
        batchId,
        fileName: upload.fileName,
        sha256: upload.sha256,
        paid: tally.paid,
        rejected: tally.rejected,
        duplicates: tally.duplicates,
        problems: tally.problems,
        createdBy: user.id,
      });
      await this.audit.record(
        {
          actor: user,
          action: 'debit-batch.response-imported',
          entityType: 'debit_batch',
          entityId: batchId,
          after: {
            fileName: upload.fileName,
            sha256: upload.sha256,
            paid: tally.paid,
            rejected: tally.rejected,
            duplicates: tally.duplicates,
            unanswered: unanswered.map((i) => i.reference),
            revokedMandates: tally.revokedMandates,
            problems: tally.problems.length,
          },
          ip,
        },
        tx,
      );
    });
    return {
      batch: toBatchResponse((await this.batches.batch(batchId))!),
      paid: tally.paid,
      rejected: tally.rejected,
      duplicates: tally.duplicates,
      unanswered: unanswered.length,
      revokedMandates: tally.revokedMandates,
      problems: tally.problems
        .sort((a, b) => a.line - b.line)
        .map((p) => ({
          line: p.line,
          column: p.column,
          code: p.code,
          reason: describePaymentRowProblem(p, locale),
        })),
    };
  }

  private async paid(
    user: AuthUser,
    batch: BatchRow,
    item: ItemRow,
    line: DebitResponseLine,
    tally: Tally,
    ip: string | null,
  ): Promise<void> {
    const problem = (
      code: PaymentLineProblem['code'],
      params: PaymentLineProblem['params'],
      column = 'referencia',
    ) => tally.problems.push({ line: line.line, column, code, params });
    if (item.status !== 'pending' && item.status !== 'paid') {
      problem('already_answered', { reference: item.reference, status: item.status });
      return;
    }
    if (line.amountMinor !== null && line.amountMinor !== item.amountMinor) {
      problem(
        'amount_mismatch',
        {
          value: minorToFileAmount(line.amountMinor, item.currency),
          expected: minorToFileAmount(item.amountMinor, item.currency),
        },
        'monto',
      );
      return;
    }
    const now = new Date();
    const day =
      line.paidDate && line.paidDate <= agencyDate(this.config.agencyTimeZone, now) ? line.paidDate : null;
    const paidAt = zonedInstant(day ?? batch.collectionDate, '00:00', this.config.agencyTimeZone);
    try {
      const payment = await this.payments.post(
        { user, ip },
        {
          accountId: item.accountId,
          amountMinor: item.amountMinor,
          channel: 'direct_debit',
          reference: item.reference,
          paidAt: paidAt.getTime() > now.getTime() ? now : paidAt,
          note: `debit batch ${batch.id}`,
          batchId: batch.id,
          currency: item.currency,
        },
        now,
      );
      const marked = await this.batches.markPaid(item.id, payment.id, now);
      if (payment.duplicate && !marked) tally.duplicates++;
      else tally.paid++;
    } catch (error) {
      if (!(error instanceof AppException) || error.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR)
        throw error;
      problem('posting_refused', { message: error.message.slice(0, 200) }, '*');
    }
  }

  private async rejected(
    user: AuthUser,
    batch: BatchRow,
    item: ItemRow,
    line: DebitResponseLine,
    tally: Tally,
    ip: string | null,
  ): Promise<void> {
    if (item.status !== 'pending') {
      if (item.status === 'rejected' && item.bankReasonCode === line.bankReasonCode) tally.duplicates++;
      else
        tally.problems.push({
          line: line.line,
          column: 'referencia',
          code: 'already_answered',
          params: { reference: item.reference, status: item.status },
        });
      return;
    }
    const reasonCode = line.reasonCode ?? line.bankReasonCode ?? 'UNKNOWN';
    const decision = decideAfterReject(reasonCode, item.attempt, { maxAttempts: batch.maxAttempts });
    await this.uow.run(async (tx) => {
      const marked = await this.batches.markRejected(
        tx,
        item.id,
        { status: 'rejected', bankReasonCode: line.bankReasonCode, reasonCode },
        new Date(),
      );
      if (!marked) {
        tally.duplicates++;
        return;
      }
      tally.rejected++;
      if (decision.revokeMandate) {
        const reason = `bank reject ${reasonCode}: ${describeDebitReject(reasonCode, 'es')} (${item.reference})`;
        if (await this.mandates.revokeIn(tx, user, item.mandateId, reason, ip)) tally.revokedMandates++;
      }
    });
  }
}
