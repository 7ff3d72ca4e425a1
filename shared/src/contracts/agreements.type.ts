import type {
  AgreementError,
  AgreementFrequency,
  PlannedInstallment,
} from '../agreements/agreement-plan.util';
import type { AgreementStatus } from '../domain/enums.constant';
import type { IsoDate } from '../domain/dates.util';

/** POST /accounts/:id/agreements — a promise or payment plan, amounts in the account's minor units. */
export interface CreateAgreementRequest {
  waiverMinor: number;
  /** Omitted: the balance less the waiver (the plan settles the debt in full). */
  totalMinor?: number;
  downPaymentMinor: number;
  installments: number;
  frequency: AgreementFrequency;
  firstDueDate: IsoDate;
  /** The call or chat the agreement was made on. */
  interactionId?: string;
}

export interface AgreementResponse {
  id: string;
  accountId: string;
  accountNumber: string;
  status: AgreementStatus;
  currency: string;
  totalMinor: number;
  downPaymentMinor: number;
  waiverMinor: number;
  settlesInFull: boolean;
  installments: PlannedInstallment[];
  agentId: string | null;
  teamId: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

/** Sent as `details` of the 400 a plan that breaks the rules answers. */
export interface AgreementProblemsDetails {
  problems: AgreementError[];
}

export const AGREEMENT_DECISIONS = ['approve', 'reject'] as const;
export type AgreementDecision = (typeof AGREEMENT_DECISIONS)[number];
