/** The measures of the two cubes, `metric_daily` (per day) and `metric_monthly` (per month). */
export const CUBE_MEASURES = [
  'attempts',
  'human_answered',
  'right_party',
  'agreements',
  'promised_minor',
  'payments',
  'recovered_minor',
  'talk_seconds',
  'wrap_seconds',
  'installments_due',
  'installments_kept',
] as const;

/** A cube's column list for an INSERT, led by its period column. */
export const CUBE_COLUMNS = (period: 'day' | 'month'): string =>
  `(${period}, client_id, portfolio_id, team_id, agent_id, currency, ${CUBE_MEASURES.join(', ')})`;

/** Rows inserted into a cube add to the ones already there. */
export const ADD_TO_CUBE = `ON DUPLICATE KEY UPDATE ${CUBE_MEASURES.map((m) => `${m} = ${m} + VALUES(${m})`).join(', ')}`;
