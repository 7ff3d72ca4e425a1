import type { ChatQueue, MessageChannel, MessageStatus } from '@recupera/shared';

/** The debtor behind a verified widget session: every widget call is bound to it. */
export interface WidgetSessionRef {
  sessionId: string;
  clientId: string;
  debtorId: string;
  /** The account the debtor identified with. */
  accountId: string;
}

/** An outbound message sent outside a conversation an agent works (a campaign, a reminder). */
export interface OutboundRecord {
  channel: MessageChannel;
  accountId: string;
  contactPointId: string;
  /** E.164. */
  address: string;
  body: string;
  carrierSid: string;
  status: MessageStatus;
  templateId: string | null;
  messageCampaignId: string | null;
  /** The attempt's interaction (the gate counts it), already written by the sender. */
  interactionId: string;
  at: Date;
}

export interface InboundOptions {
  /** False for an opt-out keyword: stored in the thread, but nobody is asked to answer it. */
  route: boolean;
  queue?: ChatQueue;
}
