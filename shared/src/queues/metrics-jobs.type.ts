export const METRICS_QUEUE = 'metrics';

/** Jobs of the metrics queue, each on a job scheduler. */
export interface MetricsJobs {
  /** The rollups' incremental turn, every 2 s. */
  'metrics.rollup': Record<string, never>;
  /** The receivable balance by aging bucket and segment, recounted every 5 minutes. */
  'metrics.delinquency': Record<string, never>;
}

export type MetricsJobName = keyof MetricsJobs;
