export const CHARGES_QUEUE = 'charges';

/** Jobs of the charges queue. */
export interface ChargesJobs {
  /** Accrues late interest and charges collection fees through yesterday (hourly, idempotent). */
  'charges.accrue': Record<string, never>;
}

export type ChargesJobName = keyof ChargesJobs;
