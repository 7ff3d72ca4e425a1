import {
  debitRejectAction,
  describeDebitReject,
  maskedBankAccount,
  type DebitBatchItemResponse,
  type DebitBatchResponse,
  type DebitMandateResponse,
  type Locale,
} from '@recupera/shared';
import type { BatchRow, ItemRow } from './debit-batches.repository';
import type { MandateRow } from './debit-mandates.repository';

export function toMandateResponse(m: MandateRow): DebitMandateResponse {
  return {
    id: m.id,
    accountId: m.accountId,
    accountNumber: m.accountNumber,
    clientId: m.clientId,
    clientCode: m.clientCode,
    debtorName: m.debtorName,
    bankCode: m.bankCode,
    bankAccountMasked: maskedBankAccount(m.bankAccountLast4, m.bankAccountLength),
    limitMinor: m.limitMinor,
    currency: m.currency,
    status: m.status,
    revokedAt: m.revokedAt?.toISOString() ?? null,
    revokedReason: m.revokedReason,
    createdAt: m.createdAt.toISOString(),
  };
}

export function toBatchResponse(b: BatchRow): DebitBatchResponse {
  return {
    id: b.id,
    clientId: b.clientId,
    clientCode: b.clientCode,
    collectionDate: b.collectionDate,
    adapter: b.adapter,
    status: b.status,
    maxAttempts: b.maxAttempts,
    items: b.items,
    totalMinor: b.totalMinor,
    currency: b.currency,
    paid: b.paid,
    rejected: b.rejected,
    unanswered: b.unanswered,
    createdAt: b.createdAt.toISOString(),
    answeredAt: b.answeredAt?.toISOString() ?? null,
  };
}

export function toItemResponse(i: ItemRow, locale: Locale): DebitBatchItemResponse {
  const failed = i.status === 'rejected' || i.status === 'unanswered';
  return {
    id: i.id,
    reference: i.reference,
    accountId: i.accountId,
    accountNumber: i.accountNumber,
    debtorName: i.debtorName,
    installmentId: i.installmentId,
    installmentSeq: i.installmentSeq,
    dueDate: i.dueDate,
    amountMinor: i.amountMinor,
    attempt: i.attempt,
    status: i.status,
    bankReasonCode: i.bankReasonCode,
    reasonCode: i.reasonCode,
    reason: failed ? describeDebitReject(i.reasonCode, locale) : null,
    action: failed ? debitRejectAction(i.reasonCode) : null,
    paymentId: i.paymentId,
  };
}
