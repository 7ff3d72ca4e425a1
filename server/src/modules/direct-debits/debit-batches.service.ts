import { Injectable } from '@nestjs/common';
import {
  DEFAULT_DEBIT_RETRY_RULES,
  debitFileAdapter,
  isIsoDate,
  selectDebitItems,
  type DebitBatchItemResponse,
  type DebitBatchResponse,
  type DebitFileAdapter,
  type Locale,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { DebitBatchesRepository, type BatchRow } from './debit-batches.repository';
import { DebitMandatesService } from './debit-mandates.service';
import { toBatchResponse, toItemResponse } from './direct-debits.mapper';
import type { GenerateDebitBatchDto } from './direct-debits.dto';

export interface BatchFile {
  fileName: string;
  contentType: string;
  content: string;
}

/** Batches of direct debits: which installments, written in the bank's layout. */
@Injectable()
export class DebitBatchesService {
  constructor(
    private readonly batches: DebitBatchesRepository,
    private readonly mandates: DebitMandatesService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * The batch of a collection date: every open installment due by then on an account with an active
   * mandate, capped by the mandate's limit, leaving out installments waiting for the bank and
   * rejects the retry rules do not retry (see selectDebitItems).
   */
  async generate(user: AuthUser, dto: GenerateDebitBatchDto, ip: string | null): Promise<DebitBatchResponse> {
    if (!isIsoDate(dto.collectionDate)) throw AppException.invalid('collectionDate is not a date');
    const rules = { maxAttempts: dto.maxAttempts ?? DEFAULT_DEBIT_RETRY_RULES.maxAttempts };
    const id = await this.uow.run(async (tx) => {
      const client = await this.batches.client(tx, dto.clientId);
      if (!client) throw AppException.notFound('Client');
      const candidates = await this.batches.candidates(tx, client.id, client.currency, dto.collectionDate);
      const selection = selectDebitItems(candidates, dto.collectionDate, rules);
      if (selection.items.length === 0) {
        const skipped: Record<string, number> = {};
        for (const s of selection.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
        throw AppException.invalid('No installment is due for a debit by that date', { skipped });
      }
      const batchId = await this.batches.insertBatch(tx, {
        clientId: client.id,
        collectionDate: dto.collectionDate,
        adapter: dto.adapter,
        maxAttempts: rules.maxAttempts,
        currency: client.currency,
        createdBy: user.id,
      });
      await this.batches.insertItems(tx, batchId, selection.items);
      await this.audit.record(
        {
          actor: user,
          action: 'debit-batch.generated',
          entityType: 'debit_batch',
          entityId: batchId,
          after: {
            clientId: client.id,
            collectionDate: dto.collectionDate,
            adapter: dto.adapter,
            maxAttempts: rules.maxAttempts,
            items: selection.items.length,
            totalMinor: selection.items.reduce((sum, item) => sum + item.amountMinor, 0),
            skipped: selection.skipped.length,
          },
          ip,
        },
        tx,
      );
      return batchId;
    });
    return this.get(id);
  }

  async list(clientId?: string): Promise<DebitBatchResponse[]> {
    return (await this.batches.batches(clientId)).map(toBatchResponse);
  }

  async get(id: string): Promise<DebitBatchResponse> {
    return toBatchResponse(await this.row(id));
  }

  async items(id: string, locale: Locale): Promise<DebitBatchItemResponse[]> {
    await this.row(id);
    return (await this.batches.items(id)).map((item) => toItemResponse(item, locale));
  }

  /** The file for the bank, with the full bank accounts: its download is audited. */
  async file(user: AuthUser, id: string, ip: string | null): Promise<BatchFile> {
    const batch = await this.row(id);
    const adapter = this.adapterOf(batch);
    const items = await this.batches.items(id);
    const accounts = await this.mandates.bankAccounts([...new Set(items.map((i) => i.mandateId))]);
    const content = adapter.writeBatch(
      {
        batchId: batch.id,
        clientCode: batch.clientCode,
        clientName: batch.clientName,
        collectionDate: batch.collectionDate,
        currency: batch.currency,
      },
      items.map((item) => ({
        reference: item.reference,
        accountNumber: item.accountNumber,
        holderName: item.debtorName,
        holderNationalId: item.nationalId,
        bankCode: item.bankCode,
        bankAccount: accounts.get(item.mandateId)!,
        amountMinor: item.amountMinor,
        currency: item.currency,
        dueDate: item.dueDate,
        attempt: item.attempt,
      })),
    );
    await this.audit.record({
      actor: user,
      action: 'debit-batch.downloaded',
      entityType: 'debit_batch',
      entityId: id,
      after: { adapter: adapter.name, items: items.length },
      ip,
    });
    return {
      fileName: `debitos-${batch.clientCode}-${batch.collectionDate}-${batch.id}.${adapter.extension}`,
      contentType: adapter.extension === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8',
      content,
    };
  }

  async row(id: string): Promise<BatchRow> {
    const batch = await this.batches.batch(id);
    if (!batch) throw AppException.notFound('Debit batch');
    return batch;
  }

  adapterOf(batch: BatchRow): DebitFileAdapter {
    const adapter = debitFileAdapter(batch.adapter);
    if (!adapter) throw new Error(`Debit batch ${batch.id} names an unknown layout ${batch.adapter}`);
    return adapter;
  }
}
