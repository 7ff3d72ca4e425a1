import type { IsoDate } from '../domain/dates.util';
import {
  FILE_ACCOUNT_NUMBER_PATTERN,
  dateFormatHint,
  parseFileAmount,
  parseFileDate,
  PAYMENT_REFERENCE_PATTERN,
} from './file-values.util';
import type { FilePaymentChannel, PaymentFileField, PaymentFileLayout } from './payment-file-layout.type';
import type {
  PaymentRowProblem,
  PaymentRowProblemCode,
  PaymentRowProblemParams,
} from './payment-row-problem.type';

export interface PaymentFileClient {
  id: string;
  code: string;
  currency: string;
}

export interface PaymentRowContext {
  layout: PaymentFileLayout;
  /** Clients by upper-case code, for files that name the client on each line. */
  clients: ReadonlyMap<string, PaymentFileClient>;
  /** The client of lines that do not name one. */
  fileClient: PaymentFileClient;
  fileChannel: FilePaymentChannel;
  /** How rejects name each field (see fieldLabels). */
  labels: Partial<Record<PaymentFileField, string>>;
  /** The civil date the file is read on: a payment cannot be dated later. */
  today: IsoDate;
}

export interface PaymentFileRow {
  clientId: string;
  clientCode: string;
  currency: string;
  accountNumber: string;
  amountMinor: number;
  paidDate: IsoDate;
  reference: string;
  channel: FilePaymentChannel;
}

export type PaymentRowResult =
  | { ok: true; row: PaymentFileRow }
  | { ok: false; problems: PaymentRowProblem[] };

const CHANNEL_WORDS: Readonly<Record<string, FilePaymentChannel>> = {
  bank: 'bank',
  banco: 'bank',
  cashier: 'cashier',
  caja: 'cashier',
};

/** Turns the fields of one payment line into a payment to post, or says every reason it cannot be. */
export function mapPaymentRow(
  cells: Readonly<Partial<Record<PaymentFileField, string>>>,
  ctx: PaymentRowContext,
): PaymentRowResult {
  const problems: PaymentRowProblem[] = [];
  const cell = (field: PaymentFileField): string => (cells[field] ?? '').trim();
  const fail = (
    field: PaymentFileField,
    code: PaymentRowProblemCode,
    params: PaymentRowProblemParams = {},
  ) => {
    problems.push({ column: ctx.labels[field] ?? field, code, params });
  };

  let client = ctx.fileClient;
  const clientCode = cell('clientCode');
  if (clientCode) {
    const named = ctx.clients.get(clientCode.toUpperCase());
    if (named) client = named;
    else fail('clientCode', 'unknown_client', { value: clientCode });
  }

  const accountNumber = cell('accountNumber');
  if (!accountNumber) fail('accountNumber', 'required');
  else if (!FILE_ACCOUNT_NUMBER_PATTERN.test(accountNumber))
    fail('accountNumber', 'bad_account_number', { value: accountNumber });

  const amountText = cell('amount');
  let amountMinor: number | null = null;
  if (!amountText) fail('amount', 'required');
  else {
    amountMinor = parseFileAmount(amountText, client.currency, ctx.layout);
    if (amountMinor === null) fail('amount', 'not_amount', { value: amountText, currency: client.currency });
    else if (amountMinor <= 0) fail('amount', 'not_positive', { value: amountText });
  }

  const dateText = cell('paidDate');
  let paidDate: IsoDate | null = null;
  if (!dateText) fail('paidDate', 'required');
  else {
    paidDate = parseFileDate(dateText, ctx.layout.dateFormat);
    if (!paidDate)
      fail('paidDate', 'not_date', { value: dateText, format: dateFormatHint(ctx.layout.dateFormat) });
    else if (paidDate > ctx.today) fail('paidDate', 'future_date', { value: paidDate });
  }

  const reference = cell('reference');
  if (!reference) fail('reference', 'required');
  else if (!PAYMENT_REFERENCE_PATTERN.test(reference))
    fail('reference', 'bad_reference', { value: reference.slice(0, 60) });

  let channel = ctx.fileChannel;
  const channelText = cell('channel');
  if (channelText) {
    const named = CHANNEL_WORDS[channelText.toLowerCase()];
    if (named) channel = named;
    else fail('channel', 'bad_channel', { value: channelText });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: {
      clientId: client.id,
      clientCode: client.code,
      currency: client.currency,
      accountNumber,
      amountMinor: amountMinor!,
      paidDate: paidDate!,
      reference,
      channel,
    },
  };
}
