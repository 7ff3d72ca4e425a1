import type {
  MessageAudience,
  MessageCampaignSendView,
  MessageCampaignStatus,
  MessageCampaignView,
  MessageChannel,
  MessageSendOutcome,
  MessageTemplateView,
  TemplatePurpose,
} from '@recupera/shared';

type Raw = Record<string, unknown>;

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

/** JSON columns arrive as text (MariaDB's JSON is LONGTEXT) or parsed, depending on the driver. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toMessageTemplateView(r: Raw): MessageTemplateView {
  return {
    id: String(r['id']),
    clientId: text(r['client_id']),
    name: String(r['name']),
    channel: r['channel'] as MessageChannel,
    purpose: r['purpose'] as TemplatePurpose,
    language: String(r['language']),
    body: String(r['body']),
    whatsappContentSid: text(r['whatsapp_content_sid']),
    active: Boolean(Number(r['active'])),
    createdAt: iso(r['created_at'])!,
  };
}

export function toMessageCampaignView(r: Raw): MessageCampaignView {
  return {
    id: String(r['id']),
    name: String(r['name']),
    templateId: String(r['template_id']),
    templateName: String(r['template_name']),
    channel: r['channel'] as MessageChannel,
    portfolioId: String(r['portfolio_id']),
    audience: json<MessageAudience>(r['audience']),
    status: r['status'] as MessageCampaignStatus,
    counts: {
      selected: Number(r['selected']),
      sent: Number(r['sent']),
      blocked: Number(r['blocked']),
      failed: Number(r['failed']),
      delivered: Number(r['delivered']),
    },
    createdAt: iso(r['created_at'])!,
    startedAt: iso(r['started_at']),
    finishedAt: iso(r['finished_at']),
  };
}

export function toMessageCampaignSendView(r: Raw): MessageCampaignSendView {
  return {
    accountId: String(r['account_id']),
    accountNumber: String(r['account_number']),
    to: text(r['address']) ?? '',
    outcome: r['outcome'] as MessageSendOutcome,
    reason: text(r['reason']),
    messageId: text(r['message_id']),
    at: iso(r['at'])!,
  };
}
