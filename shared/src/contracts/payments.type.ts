import type { IsoDate } from '../domain/dates.util';
import type { AccountStatus, PaymentChannel, PaymentStatus } from '../domain/enums.constant';
import type { AgingBucket } from '../domain/aging.util';
import type { AllocationTarget } from '../payments/payment-application.util';

/** POST /payments — a payment typed by a cashier (or posted by a back office), in minor units. */
export interface PostPaymentRequest {
  accountId: string;
  amountMinor: number;
  channel: PaymentChannel;
  /** The receipt, transaction or file reference: unique per client, so a repeat is the same payment. */
  reference: string;
  /** When the debtor paid (default: now). */
  paidAt?: string;
  note?: string;
}

/** POST /payments/:id/reverse — a bounced or mistaken payment. */
export interface ReversePaymentRequest {
  reason: string;
}

export interface PaymentAllocationResponse {
  installmentId: string | null;
  installmentSeq: number | null;
  target: AllocationTarget;
  amountMinor: number;
}

export interface PaymentResponse {
  id: string;
  accountId: string;
  accountNumber: string;
  clientId: string;
  amountMinor: number;
  currency: string;
  channel: PaymentChannel;
  status: PaymentStatus;
  reference: string;
  paidAt: string;
  /** Set when the payment was dated in a closed period and booked into the open one. */
  valueAt: string | null;
  reversedAt: string | null;
  reversalReason: string | null;
  note: string | null;
  allocations: PaymentAllocationResponse[];
  /** The account after this payment (or after its reversal). */
  account: AccountMoneyState;
  /** True when the reference had been posted before: nothing was applied twice. */
  duplicate: boolean;
}

export interface AccountMoneyState {
  balanceMinor: number;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  creditMinor: number;
  status: AccountStatus;
  daysPastDue: number;
  agingBucket: AgingBucket;
}

/** GET /payments/account-lookup — what a cashier needs to take a payment for an account. */
export interface PaymentAccountLookup {
  accountId: string;
  accountNumber: string;
  clientId: string;
  clientName: string;
  debtorName: string;
  nationalId: string;
  currency: string;
  money: AccountMoneyState;
  openInstallments: { id: string; seq: number; dueDate: IsoDate; amountMinor: number; paidMinor: number }[];
}

/**
 * POST /webhooks/payments/:clientCode — a payment gateway's notification. Signed: header
 * `X-Recupera-Timestamp` (Unix seconds) and `X-Recupera-Signature` = hex HMAC-SHA256 of
 * `<timestamp>.<raw body>` with the client's gateway secret; older than the replay window is refused.
 */
export interface GatewayPaymentNotification {
  accountNumber: string;
  amountMinor: number;
  currency: string;
  reference: string;
  paidAt: string;
  /** 'paid' applies a payment; 'reversed' (a chargeback) reverses the one with this reference. */
  event: 'paid' | 'reversed';
  reason?: string;
}

export const GATEWAY_REPLAY_WINDOW_SECONDS = 300;
export const GATEWAY_TIMESTAMP_HEADER = 'x-recupera-timestamp';
export const GATEWAY_SIGNATURE_HEADER = 'x-recupera-signature';

/** POST /clients/:id/gateway-secret — the new secret, shown once. */
export interface GatewaySecretResponse {
  clientId: string;
  secret: string;
}

/** One line of the daily balance of payments applied ("balance diario de aplicación de pagos"). */
export interface DailyBalanceRow {
  channel: PaymentChannel;
  portfolioId: string;
  portfolioName: string;
  currency: string;
  payments: number;
  appliedMinor: number;
  reversals: number;
  reversedMinor: number;
  netMinor: number;
  toInstallmentsMinor: number;
  toInterestMinor: number;
  toFeesMinor: number;
  toPrincipalMinor: number;
  toCreditMinor: number;
}

export interface DailyBalanceResponse {
  date: IsoDate;
  rows: DailyBalanceRow[];
  totals: {
    currency: string;
    payments: number;
    appliedMinor: number;
    reversedMinor: number;
    netMinor: number;
  }[];
  signedOff: { by: string; byName: string; at: string } | null;
}
