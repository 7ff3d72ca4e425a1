import type { IsoDate } from '../domain/dates.util';
import type { PaymentLineProblem } from './payment-row-problem.type';

export interface DebitBatchHeader {
  batchId: string;
  clientCode: string;
  clientName: string;
  collectionDate: IsoDate;
  currency: string;
}

/** One debit as the bank needs it; the bank account is the full number (files are for the bank only). */
export interface DebitFileItem {
  reference: string;
  accountNumber: string;
  holderName: string;
  holderNationalId: string;
  bankCode: string;
  bankAccount: string;
  amountMinor: number;
  currency: string;
  dueDate: IsoDate;
  attempt: number;
}

export interface DebitResponseLine {
  line: number;
  reference: string;
  outcome: 'paid' | 'rejected';
  /** What the bank says it collected (null when the layout or line does not say). */
  amountMinor: number | null;
  /** The bank's own code, kept as it came. */
  bankReasonCode: string | null;
  /** The bank's code in the catalogue of DEBIT_REJECT_REASONS (the adapter's translation). */
  reasonCode: string | null;
  paidDate: IsoDate | null;
}

export interface DebitResponseRead {
  lines: DebitResponseLine[];
  problems: PaymentLineProblem[];
}

/**
 * A bank's file layout for direct debits: how a batch is written for it and how its response is
 * read. The documented CSV layout is one; banks with fixed-width layouts get one each.
 */
export interface DebitFileAdapter {
  /** Stored on the batch; stable. */
  readonly name: string;
  readonly description: string;
  readonly extension: 'csv' | 'txt';
  writeBatch(header: DebitBatchHeader, items: readonly DebitFileItem[]): string;
  readResponse(content: string, currency: string): DebitResponseRead;
}
