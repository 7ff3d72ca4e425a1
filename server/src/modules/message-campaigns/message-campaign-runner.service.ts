import { Injectable, Logger } from '@nestjs/common';
import { dueDateMatches, pickContactPoint, type MessageTemplateView } from '@recupera/shared';
import { MessageDispatchService } from './message-dispatch.service';
import {
  MessageCampaignsRepository,
  type RecipientRow,
  type RunnableCampaign,
  type SendSettlement,
} from './message-campaigns.repository';
import { MessageTemplatesRepository } from './message-templates.repository';

/** Accounts read per query; the campaign's status is read again before each chunk, so cancel is quick. */
const CHUNK = 25;
/** A claim older than this was left by a process that stopped mid-send. */
const STALE_CLAIM_MS = 10 * 60_000;

export interface RunSummary {
  campaignId: string;
  /** Recipients this run wrote to or was refused for (a rerun counts only new ones). */
  handled: number;
  finished: boolean;
}

/**
 * Runs one message campaign: its audience in chunks of accounts not yet written to, each through the
 * compliance gate and WhatsApp's rules to the carrier, every outcome kept in message_campaign_sends
 * (which makes a rerun resume rather than repeat) and the counts read back from there.
 */
@Injectable()
export class MessageCampaignRunnerService {
  private readonly logger = new Logger(MessageCampaignRunnerService.name);

  constructor(
    private readonly campaigns: MessageCampaignsRepository,
    private readonly templates: MessageTemplatesRepository,
    private readonly dispatch: MessageDispatchService,
  ) {}

  /** `at` fixes the instant every send is judged at (tests); otherwise each send reads the clock. */
  async run(campaignId: string, at?: Date): Promise<RunSummary> {
    const clock = () => at ?? new Date();
    const campaign = await this.campaigns.runnable(campaignId);
    if (!campaign || campaign.status !== 'running') return { campaignId, handled: 0, finished: false };
    const template = await this.templates.find(campaign.templateId);
    if (!template) throw new Error(`Message campaign ${campaignId} has no template ${campaign.templateId}`);
    await this.campaigns.interruptStale(campaignId, new Date(clock().getTime() - STALE_CLAIM_MS));
    let handled = 0;
    let afterId = '0';
    try {
      for (;;) {
        if ((await this.campaigns.status(campaignId)) !== 'running') {
          return { campaignId, handled, finished: false };
        }
        const chunk = await this.campaigns.recipients(campaign, afterId, CHUNK, clock());
        if (chunk.length === 0) break;
        afterId = chunk[chunk.length - 1]!.accountId;
        const points = await this.dispatch.pointsOf([...new Set(chunk.map((r) => r.debtorId))]);
        for (const recipient of chunk) {
          if (!inAudience(campaign, recipient, clock())) continue;
          if (
            await this.sendOne(campaign, template, recipient, points.get(recipient.debtorId) ?? [], clock())
          )
            handled++;
        }
        await this.campaigns.refreshCounts(campaignId);
      }
      await this.campaigns.finish(campaignId, clock());
      return { campaignId, handled, finished: true };
    } finally {
      await this.campaigns.refreshCounts(campaignId);
    }
  }

  /** False when another run had already taken the account. */
  private async sendOne(
    campaign: RunnableCampaign,
    template: MessageTemplateView,
    recipient: RecipientRow,
    points: Parameters<typeof pickContactPoint>[1],
    now: Date,
  ): Promise<boolean> {
    if (!(await this.campaigns.claim(campaign.id, recipient.accountId, now))) return false;
    const point = pickContactPoint(campaign.channel, points);
    let settlement: SendSettlement;
    if (!point) {
      settlement = {
        contactPointId: null,
        address: null,
        outcome: 'blocked',
        reason: 'no_contact_point',
        messageId: null,
      };
    } else {
      const base = { contactPointId: point.id, address: point.value };
      try {
        const result = await this.dispatch.dispatch(
          {
            accountId: recipient.accountId,
            channel: campaign.channel,
            point,
            content: { template, installment: recipient.installment },
            messageCampaignId: campaign.id,
            agentId: null,
            paced: true,
          },
          now,
        );
        settlement =
          result.outcome === 'sent'
            ? { ...base, outcome: 'sent', reason: null, messageId: result.messageId }
            : { ...base, outcome: result.outcome, reason: result.reason, messageId: null };
      } catch (error) {
        // One account's trouble must not stop the campaign: it is kept as failed, and logged.
        this.logger.error(
          `Message campaign ${campaign.id}, account ${recipient.accountId}: ${error instanceof Error ? error.message : String(error)}`,
        );
        settlement = { ...base, outcome: 'failed', reason: 'internal_error', messageId: null };
      }
    }
    await this.campaigns.settle(campaign.id, recipient.accountId, settlement, now);
    return true;
  }
}

/** Audiences counted in days are settled on the debtor's own calendar (the query reads a day either side). */
function inAudience(campaign: RunnableCampaign, recipient: RecipientRow, now: Date): boolean {
  const audience = campaign.audience;
  if (audience.kind !== 'due_in_days' && audience.kind !== 'installment_due_in_days') return true;
  return (
    recipient.targetDate !== null &&
    dueDateMatches(recipient.targetDate, audience.days, recipient.timeZone, now)
  );
}
