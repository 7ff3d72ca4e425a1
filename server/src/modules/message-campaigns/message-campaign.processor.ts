import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  MESSAGE_CAMPAIGNS_QUEUE,
  type MessageCampaignJobName,
  type MessageCampaignJobs,
} from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { MessageCampaignRunnerService } from './message-campaign-runner.service';
import { MessageCampaignsRepository } from './message-campaigns.repository';
import { MESSAGE_CAMPAIGN_JOB_OPTIONS, messageCampaignJobId } from './message-campaigns.service';

/**
 * Runs started message campaigns, in processes that run workers. A process starting finds the
 * campaigns still running (the server stopped mid-run) and queues them again: the job id is the
 * campaign's, so one already waiting is not doubled, and a rerun only writes to whom it has not.
 */
@Processor(MESSAGE_CAMPAIGNS_QUEUE, { concurrency: 2, autorun: false })
export class MessageCampaignProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MessageCampaignProcessor.name);

  constructor(
    private readonly runner: MessageCampaignRunnerService,
    private readonly campaigns: MessageCampaignsRepository,
    @InjectQueue(MESSAGE_CAMPAIGNS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    for (const campaignId of await this.campaigns.runningIds())
      await this.queue.add(
        'message-campaign.run' satisfies MessageCampaignJobName,
        { campaignId },
        { ...MESSAGE_CAMPAIGN_JOB_OPTIONS, jobId: messageCampaignJobId(campaignId) },
      );
    void this.worker.run();
  }

  async process(
    job: Job<MessageCampaignJobs['message-campaign.run'], unknown, MessageCampaignJobName>,
  ): Promise<unknown> {
    if (job.name !== 'message-campaign.run')
      throw new Error(`Unknown message campaign job ${String(job.name)}`);
    try {
      return await this.runner.run(job.data.campaignId, job.data.at ? new Date(job.data.at) : undefined);
    } catch (error) {
      this.logger.error(
        `message campaign ${job.data.campaignId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw error;
    }
  }
}
