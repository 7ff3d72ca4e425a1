export const PROMISES_QUEUE = 'promises';

/** Jobs of the promises queue. */
export interface PromiseJobs {
  /**
   * The daily broken-promise check and reminders (a job scheduler, plus one at start-up when the
   * day's run is missing). `at`: the instant to check as of (tests); the job's own clock otherwise.
   */
  'promises.check': { at?: string };
}

export type PromiseJobName = keyof PromiseJobs;
