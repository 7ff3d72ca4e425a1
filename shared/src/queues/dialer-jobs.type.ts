export const DIALER_QUEUE = 'dialer';

/** Every job the dialer queues; producers and processors derive their signatures from this map. */
export interface DialerJobs {
  /** Keeps one pacing job scheduler per running campaign, and none for the others. */
  'dialer.reconcile': Record<string, never>;
  /** The repeatable pacing tick of one running campaign. */
  'campaign.tick': { campaignId: string };
  /** Tops the campaign's hopper up with accounts that pass the compliance gate. */
  'hopper.refill': { campaignId: string };
  /** One reserved line: ask the gate once more, store the attempt and place the call. */
  'dial.place': { campaignId: string; callId: string };
  /** Brings an account back to the campaign's hopper after an outcome its retry rules cover. */
  'dial.retry': { campaignId: string; accountId: string; contactPointId: string };
  /**
   * A scheduled callback falls due: one kept for its agent is dialled for them as soon as they are
   * free; a team's goes to the front of the hopper.
   */
  'callback.due': { callbackId: string };
  /** The agent a callback was kept for did not free up in time: the team takes it. */
  'callback.fallback': { callbackId: string };
  /** The campaign's wrap-up limit after a call: alert the supervisor, or free the agent. */
  'wrapup.overdue': { agentId: string; callId: string };
}

export type DialerJobName = keyof DialerJobs;
