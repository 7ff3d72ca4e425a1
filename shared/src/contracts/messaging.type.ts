import type { Role } from '../domain/roles.constant';
import type { MessageChannel } from './conversations.type';

/** What a template is for: reminders before a due date, an installment reminder, a broken-promise notice. */
export const TEMPLATE_PURPOSES = [
  'preventive',
  'installment_reminder',
  'broken_promise',
  'otp',
  'custom',
] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export interface MessageTemplateView {
  id: string;
  clientId: string | null;
  name: string;
  channel: MessageChannel;
  purpose: TemplatePurpose;
  language: string;
  /** Text with script fields ({{debtor.firstName}}, {{account.balance | money}}…). */
  body: string;
  /**
   * WhatsApp: the approved template's content SID at Twilio (HX…). Outside the 24-hour window a
   * WhatsApp message may only be an approved template; null for SMS or a template not yet approved.
   */
  whatsappContentSid: string | null;
  active: boolean;
  createdAt: string;
}

export interface MessageTemplateRequest {
  clientId?: string | null;
  name: string;
  channel: MessageChannel;
  purpose: TemplatePurpose;
  language?: string;
  body: string;
  whatsappContentSid?: string | null;
  active?: boolean;
}

/** Who an outbound message campaign writes to. */
export type MessageAudience =
  | { kind: 'due_in_days'; days: number }
  | { kind: 'installment_due_in_days'; days: number }
  | { kind: 'broken_agreements' }
  | { kind: 'past_due'; minDaysPastDue: number; maxDaysPastDue?: number };

export const MESSAGE_CAMPAIGN_STATUSES = ['draft', 'running', 'done', 'canceled'] as const;
export type MessageCampaignStatus = (typeof MESSAGE_CAMPAIGN_STATUSES)[number];

export interface MessageCampaignCounts {
  selected: number;
  sent: number;
  /** Refused by the compliance gate (window, caps, consent, legal stage) or WhatsApp's rules. */
  blocked: number;
  failed: number;
  delivered: number;
}

export interface MessageCampaignView {
  id: string;
  name: string;
  templateId: string;
  templateName: string;
  channel: MessageChannel;
  portfolioId: string;
  audience: MessageAudience;
  status: MessageCampaignStatus;
  counts: MessageCampaignCounts;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface MessageCampaignRequest {
  name: string;
  templateId: string;
  portfolioId: string;
  audience: MessageAudience;
}

export const MESSAGE_SEND_OUTCOMES = ['sent', 'blocked', 'failed'] as const;
export type MessageSendOutcome = (typeof MESSAGE_SEND_OUTCOMES)[number];

/** One recipient of a message campaign and what happened to them. */
export interface MessageCampaignSendView {
  accountId: string;
  accountNumber: string;
  to: string;
  outcome: MessageSendOutcome;
  /** The gate's refusal or the carrier's error. */
  reason: string | null;
  messageId: string | null;
  at: string;
}

/** Who may write one message to a debtor (agents to their accounts, supervisors to their teams'). */
export const MESSAGE_SENDER_ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** An agent or supervisor writes to a debtor outside a conversation (through the same gate). */
export interface OutboundMessageRequest {
  accountId: string;
  contactPointId: string;
  channel: MessageChannel;
  templateId?: string;
  body?: string;
}

/** POST /messages: the message written into the debtor's thread for that channel. */
export interface OutboundMessageResponse {
  messageId: string;
  conversationId: string;
}

/** A message the simulated carrier "delivered": what a debtor's phone would show (demo and tests). */
export interface SimulatedOutboxMessage {
  carrierSid: string;
  channel: MessageChannel;
  to: string;
  from: string;
  body: string;
  at: string;
}
