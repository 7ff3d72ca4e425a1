import type { AccountStatus } from '../domain/enums.constant';

/** Rates are integers in parts per million of the principal per period: 1 % = 10 000 ppm, 1 bp = 100 ppm. */
export const RATE_SCALE = 1_000_000;
/** A rule's or a cap's rate may not exceed 100 % per period. */
export const MAX_RATE_PPM = RATE_SCALE;

/** The period a late-interest rate is quoted for. */
export const INTEREST_PERIODS = ['daily', 'monthly'] as const;
export type InterestPeriod = (typeof INTEREST_PERIODS)[number];

/** How often collection fees may be charged to one account under one rule. */
export const FEE_PERIODS = ['once', 'monthly'] as const;
export type FeePeriod = (typeof FEE_PERIODS)[number];

/** How a jurisdiction's legal cap on late interest is quoted. */
export const CAP_BASES = ['annual_effective', 'annual_nominal', 'monthly'] as const;
export type CapBasis = (typeof CAP_BASES)[number];

/** Only accounts still being collected accrue late interest and collection fees. */
export const CHARGEABLE_STATUSES: readonly AccountStatus[] = ['active', 'in_agreement', 'legal'];

/** Ledger kinds this feature writes (account_ledger.kind). */
export const CHARGE_LEDGER_KINDS = {
  interest: 'interest_accrual',
  fee: 'fee_charge',
  waiver: 'waiver',
} as const;
