export const MESSAGE_CAMPAIGNS_QUEUE = 'message-campaigns';

/** Jobs of the message campaigns queue. */
export interface MessageCampaignJobs {
  /**
   * Sends a running campaign to the accounts of its audience not yet written to (resumable: a rerun
   * skips them). `at`: the instant every send is judged at (tests); the clock otherwise.
   */
  'message-campaign.run': { campaignId: string; at?: string };
}

export type MessageCampaignJobName = keyof MessageCampaignJobs;

export const MESSAGE_REMINDERS_QUEUE = 'message-reminders';

/** Jobs of the payment reminders queue. */
export interface MessageReminderJobs {
  /** Sends the reminders that fell due (a job scheduler every few minutes). `at` as above. */
  'reminders.send': { at?: string };
}

export type MessageReminderJobName = keyof MessageReminderJobs;
