import {
  AGREEMENT_FREQUENCIES,
  AgreementError,
  addMonths,
  assertNever,
  minorDigits,
  parseMajorToMinor,
  type AgreementFrequency,
  type AgreementPlanRequest,
  type AgreementResponse,
  type IsoDate,
} from '@recupera/shared';
import type { MessageKey } from '../../core/i18n/messages-es.constant';

/** What the agent typed in the agreement builder, as typed: amounts in major units, counts as text. */
export interface AgreementDraft {
  downPayment: string;
  installments: string;
  frequency: AgreementFrequency;
  firstDueDate: string;
  waiver: string;
}

/** What the builder keeps of a call across a reload: the draft, its start and the agreement made. */
export interface StoredAgreement {
  today: IsoDate;
  draft: AgreementDraft;
  created: AgreementResponse | null;
  madeOnCall: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDraft(value: unknown): value is AgreementDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d['downPayment'] === 'string' &&
    typeof d['installments'] === 'string' &&
    typeof d['firstDueDate'] === 'string' &&
    typeof d['waiver'] === 'string' &&
    (AGREEMENT_FREQUENCIES as readonly unknown[]).includes(d['frequency'])
  );
}

function isAgreement(value: unknown): value is AgreementResponse {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return typeof a['id'] === 'string' && typeof a['status'] === 'string' && Array.isArray(a['installments']);
}

/** A builder read back from storage, or null when it is not one (another version, tampered with). */
export function parseStoredAgreement(value: unknown): StoredAgreement | null {
  if (typeof value !== 'object' || value === null) return null;
  const { today, draft, created, madeOnCall } = value as Record<string, unknown>;
  if (typeof today !== 'string' || !ISO_DATE.test(today) || !isDraft(draft)) return null;
  if (created !== null && !isAgreement(created)) return null;
  return { today, draft, created, madeOnCall: madeOnCall === true };
}

/** A field whose text is not an amount at all (as opposed to an amount that breaks a plan rule). */
export type DraftField = 'downPayment' | 'waiver';

export const DEFAULT_INSTALLMENTS = 3;

/** Three monthly installments, the first a month from today, no down payment and no waiver. */
export function defaultDraft(today: IsoDate): AgreementDraft {
  return {
    downPayment: '',
    installments: String(DEFAULT_INSTALLMENTS),
    frequency: 'monthly',
    firstDueDate: addMonths(today, 1),
    waiver: '',
  };
}

/**
 * An amount typed in major units, exactly in minor units. Empty is zero (no down payment, no
 * waiver). One decimal separator, a point or a comma, is accepted; a text with two ("1.234,50")
 * or with more decimals than the currency has is refused rather than guessed at, since "1,000"
 * means a thousand to one agent and one to another.
 */
export function parseAmount(text: string, currency: string): number | null {
  const compact = text.replace(/\s/g, '').replace(',', '.');
  if (compact === '') return 0;
  // The planner's parser drops trailing zeros ("1.000" is 1): more decimals than the currency has
  // is a thousands separator here, and refused.
  const match = /^\d+(?:\.(\d*))?$/.exec(compact);
  if (!match || (match[1] ?? '').length > minorDigits(currency)) return null;
  return parseMajorToMinor(compact, currency);
}

/** The draft as the planner's request, or the fields whose text is not an amount. */
export function toPlanRequest(
  draft: AgreementDraft,
  account: { balanceMinor: number; currency: string },
  startDate: IsoDate,
): { ok: true; request: AgreementPlanRequest } | { ok: false; invalid: DraftField[] } {
  const downPayment = parseAmount(draft.downPayment, account.currency);
  const waiver = parseAmount(draft.waiver, account.currency);
  const invalid: DraftField[] = [];
  if (downPayment === null) invalid.push('downPayment');
  if (waiver === null) invalid.push('waiver');
  if (downPayment === null || waiver === null) return { ok: false, invalid };
  const installments = draft.installments.trim();
  return {
    ok: true,
    request: {
      balanceMinor: account.balanceMinor,
      waiverMinor: waiver,
      downPaymentMinor: downPayment,
      // Not a whole number: NaN, which the planner reports as out of range like any other bad count.
      installments: /^\d+$/.test(installments) ? Number(installments) : Number.NaN,
      frequency: draft.frequency,
      firstDueDate: draft.firstDueDate,
      startDate,
    },
  };
}

/** The words for a broken plan rule; exhaustive, so a new rule in the planner fails the build here. */
export function agreementProblemKey(problem: AgreementError): MessageKey {
  switch (problem) {
    case AgreementError.WaiverExceedsBalance:
      return 'agreementProblem.waiver_exceeds_balance';
    case AgreementError.TotalOutOfRange:
      return 'agreementProblem.total_out_of_range';
    case AgreementError.DownPaymentTooLarge:
      return 'agreementProblem.down_payment_too_large';
    case AgreementError.DownPaymentTooSmall:
      return 'agreementProblem.down_payment_too_small';
    case AgreementError.InstallmentsOutOfRange:
      return 'agreementProblem.installments_out_of_range';
    case AgreementError.FirstDueDateInvalid:
      return 'agreementProblem.first_due_date_invalid';
    case AgreementError.InstallmentTooSmall:
      return 'agreementProblem.installment_too_small';
    default:
      return assertNever(problem);
  }
}

export function invalidFieldKey(field: DraftField): MessageKey {
  return field === 'downPayment' ? 'agreementBuilder.invalid.downPayment' : 'agreementBuilder.invalid.waiver';
}

/** The browser's calendar date (not UTC's), the agent's "today". */
export function localIsoDate(instant: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** An instant as a `datetime-local` input writes it: local wall time to the minute. */
export function localDateTime(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localIsoDate(instant)}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}
