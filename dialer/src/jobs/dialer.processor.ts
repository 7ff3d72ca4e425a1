import { DIALER_QUEUE, type DialerJobName, type DialerJobs } from '@recupera/shared';
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { DialerEngine } from '../runner/dialer-engine.factory';

/** Ticks and dials are short; a worker takes several at once so one slow carrier call blocks nothing. */
const CONCURRENCY = 16;

/** Consumes the dialer queue in this process: the in-server dialer, or a dialer worker of its own. */
export class DialerProcessor {
  private worker: Worker | null = null;

  constructor(
    private readonly engine: DialerEngine,
    private readonly connection: ConnectionOptions,
    private readonly prefix: string,
    private readonly onError: (error: unknown, job: string) => void,
  ) {}

  start(): void {
    this.worker = new Worker(DIALER_QUEUE, (job: Job) => this.process(job), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: CONCURRENCY,
    });
    this.worker.on('failed', (job, error) => this.onError(error, job?.name ?? 'unknown'));
    this.worker.on('error', (error) => this.onError(error, 'worker'));
  }

  private async process(job: Job): Promise<void> {
    const name = job.name as DialerJobName;
    switch (name) {
      case 'dialer.reconcile':
        await this.engine.reconcile();
        return;
      case 'campaign.tick':
        await this.engine.ticks.tick((job.data as DialerJobs['campaign.tick']).campaignId);
        return;
      case 'hopper.refill':
        await this.engine.ticks.refill((job.data as DialerJobs['hopper.refill']).campaignId);
        return;
      case 'dial.place': {
        const data = job.data as DialerJobs['dial.place'];
        await this.engine.ticks.place(data.campaignId, data.callId);
        return;
      }
      case 'dial.retry': {
        const data = job.data as DialerJobs['dial.retry'];
        await this.engine.ticks.retry(data.campaignId, data);
        return;
      }
      case 'callback.due':
        await this.engine.callbacks.due((job.data as DialerJobs['callback.due']).callbackId);
        return;
      case 'callback.fallback':
        await this.engine.callbacks.fallback((job.data as DialerJobs['callback.fallback']).callbackId);
        return;
      case 'wrapup.overdue': {
        const data = job.data as DialerJobs['wrapup.overdue'];
        await this.engine.desk.wrapUpOverdue(data.agentId, data.callId);
        return;
      }
      default:
        throw new Error(`Unknown dialer job ${String(name)}`);
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
