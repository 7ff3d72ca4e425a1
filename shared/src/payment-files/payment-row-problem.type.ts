/** Why a line of a payment, debit-response or withheld file was not applied; worded per language. */
export const PAYMENT_ROW_PROBLEM_CODES = [
  'required',
  'not_amount',
  'not_positive',
  'not_date',
  'future_date',
  'bad_account_number',
  'bad_reference',
  'unknown_client',
  'bad_channel',
  'too_many_values',
  'line_too_short',
  'duplicate_reference',
  'unknown_account',
  'reference_conflict',
  'posting_refused',
  'unknown_item',
  'bad_outcome',
  'amount_mismatch',
  'already_answered',
] as const;
export type PaymentRowProblemCode = (typeof PAYMENT_ROW_PROBLEM_CODES)[number];

export type PaymentRowProblemParams = Readonly<Record<string, string | number>>;

export interface PaymentRowProblem {
  /** The CSV column or the fixed-width field (`amount@13-24`); `*` for the whole line. */
  column: string;
  code: PaymentRowProblemCode;
  params: PaymentRowProblemParams;
}

/** A problem with the line of the file it was found on (1-based, as a person counts). */
export interface PaymentLineProblem extends PaymentRowProblem {
  line: number;
}
