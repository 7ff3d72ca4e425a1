import type { IsoDate } from '../domain/dates.util';
import type { DebitItemStatus } from '../payment-files/debit-batch-selection.util';
import type { DebitRejectAction } from '../payment-files/debit-reject-reasons.constant';
import type { FilePaymentChannel, PaymentFileLayout } from '../payment-files/payment-file-layout.type';
import type { PaymentRowProblemCode } from '../payment-files/payment-row-problem.type';
import type { ReconciliationKind } from '../payment-files/payroll-reconciliation.util';

export const PAYMENT_FILE_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type PaymentFileStatus = (typeof PAYMENT_FILE_STATUSES)[number];

/** The largest payment, debit-response or withheld file accepted. */
export const PAYMENT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** A client a payment file can be loaded for (cashiers do not see the client directory). */
export interface PaymentFileClientOption {
  id: string;
  code: string;
  name: string;
  currency: string;
}

/** PUT /payment-files/layouts — a layout saved per client under a name (replaces one of that name). */
export interface SavePaymentFileLayoutRequest {
  clientId: string;
  name: string;
  layout: PaymentFileLayout;
}

export interface PaymentFileLayoutResponse {
  id: string;
  clientId: string;
  clientCode: string;
  name: string;
  layout: PaymentFileLayout;
  updatedAt: string;
}

/** POST /payment-files/preview — the first lines of a file, to build a layout against. */
export interface PaymentFilePreviewResponse {
  fileName: string;
  sizeBytes: number;
  /** The CSV delimiter guessed from the first line. */
  delimiter: string;
  /** The first line split by that delimiter. */
  header: string[];
  /** The first lines as they are (fixed-width layouts are built on these). */
  lines: string[];
}

/**
 * POST /payment-files — multipart: `file`, `clientId` (the client of lines that do not name one),
 * `layoutId`, `channel` (bank | cashier, for lines that do not say).
 */
export interface StartPaymentFileRequest {
  clientId: string;
  layoutId: string;
  channel: FilePaymentChannel;
}

export interface PaymentFileResponse {
  id: string;
  clientId: string;
  clientCode: string;
  layoutName: string;
  fileName: string;
  channel: FilePaymentChannel;
  status: PaymentFileStatus;
  processedRows: number;
  applied: number;
  /** Lines whose reference had been posted before (a re-upload): nothing applied twice. */
  duplicates: number;
  rejected: number;
  /** Applied by this file, per currency. */
  appliedTotals: { currency: string; amountMinor: number }[];
  bytesRead: number;
  sizeBytes: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface PaymentFileRejectView {
  line: number;
  column: string;
  code: PaymentRowProblemCode;
  /** Worded in the caller's language (Accept-Language, Spanish by default). */
  reason: string;
}

// ── Direct debits ────────────────────────────────────────────────────────────

export const DEBIT_MANDATE_STATUSES = ['active', 'revoked'] as const;
export type DebitMandateStatus = (typeof DEBIT_MANDATE_STATUSES)[number];

/** POST /debit-mandates — the holder's authorization to debit a bank account for an account's installments. */
export interface CreateDebitMandateRequest {
  clientId: string;
  accountNumber: string;
  bankCode: string;
  /** Stored sealed; every response and audit entry shows it masked. */
  bankAccount: string;
  /** The most one debit may take, minor units. */
  limitMinor: number;
}

export interface RevokeDebitMandateRequest {
  reason: string;
}

export interface DebitMandateResponse {
  id: string;
  accountId: string;
  accountNumber: string;
  clientId: string;
  clientCode: string;
  debtorName: string;
  bankCode: string;
  bankAccountMasked: string;
  limitMinor: number;
  currency: string;
  status: DebitMandateStatus;
  revokedAt: string | null;
  revokedReason: string | null;
  createdAt: string;
}

/** POST /debit-batches — the installments due by a date, for accounts with an active mandate. */
export interface GenerateDebitBatchRequest {
  clientId: string;
  collectionDate: IsoDate;
  /** A name of DEBIT_FILE_ADAPTERS: `csv` (documented) or a bank's fixed-width layout. */
  adapter: string;
  /** Debits of one installment under one mandate, the first included (default 3). */
  maxAttempts?: number;
}

export const DEBIT_BATCH_STATUSES = ['pending', 'answered'] as const;
export type DebitBatchStatus = (typeof DEBIT_BATCH_STATUSES)[number];

export interface DebitBatchResponse {
  id: string;
  clientId: string;
  clientCode: string;
  collectionDate: IsoDate;
  adapter: string;
  status: DebitBatchStatus;
  maxAttempts: number;
  items: number;
  totalMinor: number;
  currency: string;
  paid: number;
  rejected: number;
  unanswered: number;
  createdAt: string;
  answeredAt: string | null;
}

export interface DebitBatchItemResponse {
  id: string;
  reference: string;
  accountId: string;
  accountNumber: string;
  debtorName: string;
  installmentId: string;
  installmentSeq: number;
  dueDate: IsoDate;
  amountMinor: number;
  attempt: number;
  status: DebitItemStatus;
  bankReasonCode: string | null;
  reasonCode: string | null;
  /** The reject reason worded in the caller's language. */
  reason: string | null;
  action: DebitRejectAction | null;
  paymentId: string | null;
}

/** POST /debit-batches/:id/response — the bank's response file applied. */
export interface DebitResponseResult {
  batch: DebitBatchResponse;
  paid: number;
  rejected: number;
  /** Lines answered before (the same file again): nothing applied twice. */
  duplicates: number;
  /** Items the response did not mention: tried again in the next batch. */
  unanswered: number;
  revokedMandates: number;
  problems: PaymentFileRejectView[];
}

// ── Payroll deduction ────────────────────────────────────────────────────────

export interface EmployerRequest {
  name: string;
  taxId: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** The payroll's currency: only accounts in it are deducted. */
  currency: string;
}

export interface EmployerResponse {
  id: string;
  name: string;
  taxId: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  currency: string;
  employees: number;
  createdAt: string;
}

/** POST /employers/:id/employees — an account whose debtor is on this employer's payroll. */
export interface LinkEmployeeRequest {
  clientId: string;
  accountNumber: string;
  employeeNumber?: string;
}

export interface EmployeeLinkResponse {
  id: string;
  employerId: string;
  accountId: string;
  accountNumber: string;
  clientCode: string;
  debtorName: string;
  nationalId: string;
  employeeNumber: string | null;
}

/** POST /employers/:id/deduction-files — the month's deduction file (YYYY-MM). */
export interface GenerateDeductionFileRequest {
  period: string;
}

export const DEDUCTION_FILE_STATUSES = ['requested', 'withheld'] as const;
export type DeductionFileStatus = (typeof DEDUCTION_FILE_STATUSES)[number];

export interface DeductionFileResponse {
  id: string;
  employerId: string;
  employerName: string;
  /** YYYY-MM */
  period: string;
  status: DeductionFileStatus;
  lines: number;
  requestedMinor: number;
  withheldMinor: number | null;
  currency: string;
  createdAt: string;
  withheldAt: string | null;
}

export interface ReconciliationRowView {
  kind: ReconciliationKind;
  reference: string | null;
  employeeNumber: string | null;
  nationalId: string | null;
  debtorName: string | null;
  accountNumber: string | null;
  requestedMinor: number;
  withheldMinor: number;
  differenceMinor: number;
  withheldLines: number[];
  paymentId: string | null;
}

/** GET /deduction-files/:id/reconciliation (and the answer of uploading the withheld file). */
export interface ReconciliationResponse {
  file: DeductionFileResponse;
  rows: ReconciliationRowView[];
  totals: { requestedMinor: number; withheldMinor: number; matchedMinor: number; unknownMinor: number };
  /** Lines of the withheld file that could not be read. */
  problems: PaymentFileRejectView[];
}
