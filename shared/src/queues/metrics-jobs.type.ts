export const METRICS_QUEUE = 'metrics';

/** Jobs of the metrics queue: the rollups' incremental turn (a job scheduler every 2 s). */
export interface MetricsJobs {
  'metrics.rollup': Record<string, never>;
}

export type MetricsJobName = keyof MetricsJobs;
