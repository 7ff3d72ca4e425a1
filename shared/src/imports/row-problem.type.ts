export const ROW_PROBLEM_CODES = [
  'required',
  'too_long',
  'not_amount',
  'negative_amount',
  'bad_account_number',
  'not_date',
  'not_days',
  'not_months',
  'not_score',
  'bad_national_id',
  'bad_phone',
  'bad_email',
  'bad_time_zone',
  'too_many_values',
  'duplicate_account',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

export type RowProblemParams = Readonly<Record<string, string | number>>;

/** Why a row of a file cannot be imported: a code the console and the reject report word per language. */
export interface RowProblem {
  column: string;
  code: RowProblemCode;
  params: RowProblemParams;
}
