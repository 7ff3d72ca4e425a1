import type { IsoDate } from '../domain/dates.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import type { CapBasis, FeePeriod, InterestPeriod } from '../charges/charge-rules.constant';
import type { FeeTranche } from '../charges/collection-fees.util';
import type { ChargeComponent } from '../payments/payment-application.util';

/** One movement of an account's interest, fees or principal (accrual, fee, waiver, write-off…). */
export interface ChargeLedgerEntryResponse {
  id: string;
  kind: string;
  component: ChargeComponent;
  /** Signed: a charge adds to what is owed, a waiver or write-off takes off. */
  amountMinor: number;
  currency: string;
  effectiveDate: IsoDate;
  /** For an accrual, the days it covers ('2026-11-01..2026-11-05'). */
  note: string | null;
  refType: string | null;
  refId: string | null;
  createdAt: string;
}

/** The interest and fee terms an account is under now. */
export interface AccountChargeTerms {
  ruleId: string;
  /** Whether the rule is the portfolio's own or the client's. */
  scope: 'client' | 'portfolio';
  interestRatePpm: number;
  interestPeriod: InterestPeriod;
  jurisdiction: string;
  /** The jurisdiction's cap as a monthly rate; null when none is stored. */
  monthlyCapPpm: number | null;
  feeAfterDays: number | null;
  feePeriod: FeePeriod;
}

/** GET /accounts/:id/charges */
export interface AccountChargesResponse {
  accountId: string;
  currency: string;
  balanceMinor: number;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  /** The last day the daily job passed for this account (null: never). */
  accruedThrough: IsoDate | null;
  terms: AccountChargeTerms | null;
  /** Newest first. */
  history: ChargeLedgerEntryResponse[];
}

export interface ChargeRuleResponse {
  id: string;
  clientId: string;
  /** Null: the client's rule, for every portfolio without its own. */
  portfolioId: string | null;
  interestRatePpm: number;
  interestPeriod: InterestPeriod;
  /** No day before it accrues under this rule. */
  accrueFrom: IsoDate;
  /** Collection fees once the account is more than this many days past due; null: no fees. */
  feeAfterDays: number | null;
  feePeriod: FeePeriod;
  updatedAt: string;
}

/** PUT /charges/rules — creates or replaces the rule of a client, or of one of its portfolios. */
export interface SaveChargeRuleRequest {
  clientId: string;
  /** Omitted or null: the client's rule. */
  portfolioId?: string | null;
  interestRatePpm: number;
  interestPeriod: InterestPeriod;
  accrueFrom: IsoDate;
  /** Omitted or null: no collection fees. */
  feeAfterDays?: number | null;
  feePeriod: FeePeriod;
}

export interface InterestCapResponse {
  jurisdiction: Jurisdiction;
  basis: CapBasis | null;
  /** As entered, in ppm of the basis' period. */
  ratePpm: number | null;
  /** As applied: the monthly rate interest may not exceed (rounded down). */
  monthlyCapPpm: number | null;
  source: string | null;
  updatedAt: string;
}

/** PUT /charges/caps/:jurisdiction — basis and rate both null remove the cap. */
export interface SaveInterestCapRequest {
  basis?: CapBasis | null;
  ratePpm?: number | null;
  source?: string | null;
}

export interface FeeScheduleResponse {
  jurisdiction: Jurisdiction;
  currency: string;
  tranches: FeeTranche[];
}

/** PUT /charges/fee-schedules/:jurisdiction/:currency — no tranches removes the schedule. */
export interface SaveFeeScheduleRequest {
  tranches: FeeTranche[];
}

/** What one run of the daily job did. */
export interface AccrualRunResult {
  through: IsoDate;
  /** Accounts that accrued interest. */
  accounts: number;
  /** Calendar days the run covered: 1 on a normal day, more when catching up. */
  days: number;
  /** Collection fees charged. */
  fees: number;
  seconds: number;
}
