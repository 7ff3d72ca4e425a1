import {
  ComplianceError,
  EXAMPLE_SCRIPT_CONTEXT,
  MESSAGE_BODY_MAX,
  describeScriptProblem,
  parseTemplate,
  renderTemplate,
  scriptLocale,
  toPlainText,
  type Locale,
  type MessageAudience,
  type MessageCampaignCounts,
  type MessageCampaignStatus,
} from '@recupera/shared';
import type { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import type { Tone } from '../../ui/tone.util';

export interface TemplatePreview {
  /** The body rendered for the example account, as the debtor would read it. */
  text: string;
  /** The template's field errors, in the reader's language. */
  problems: string[];
  length: number;
  tooLong: boolean;
}

/**
 * A template's live preview, rendered with the same renderer the server uses on the example
 * Mexican account the script editor previews with.
 */
export function templatePreview(body: string, locale: Locale): TemplatePreview {
  const parsed = parseTemplate(body);
  const text = toPlainText(renderTemplate(parsed, EXAMPLE_SCRIPT_CONTEXT, scriptLocale(locale, 'MX')));
  return {
    text,
    problems: parsed.errors.map((error) =>
      describeScriptProblem({ code: error.code, params: error.params, stepId: null }, locale),
    ),
    length: text.length,
    tooLong: text.length > MESSAGE_BODY_MAX,
  };
}

export const AUDIENCE_KINDS = [
  'due_in_days',
  'installment_due_in_days',
  'broken_agreements',
  'past_due',
] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** The audience as typed: numbers as text, read only for the kinds that take them. */
export interface AudienceDraft {
  kind: AudienceKind;
  days: string;
  maxDays: string;
}

export const AUDIENCE_DAYS_MAX = 365;

function wholeDays(text: string): number | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const days = Number(value);
  return days <= AUDIENCE_DAYS_MAX ? days : null;
}

/** The audience the server is sent, or null when its days are not a whole number in range. */
export function toAudience(draft: AudienceDraft): MessageAudience | null {
  switch (draft.kind) {
    case 'broken_agreements':
      return { kind: 'broken_agreements' };
    case 'due_in_days':
    case 'installment_due_in_days': {
      const days = wholeDays(draft.days);
      return days === null ? null : { kind: draft.kind, days };
    }
    case 'past_due': {
      const min = wholeDays(draft.days);
      if (min === null) return null;
      if (draft.maxDays.trim() === '') return { kind: 'past_due', minDaysPastDue: min };
      const max = wholeDays(draft.maxDays);
      return max === null || max < min
        ? null
        : { kind: 'past_due', minDaysPastDue: min, maxDaysPastDue: max };
    }
  }
}

export interface CampaignProgress {
  /** Recipients handled so far (sent, blocked or failed) over those selected, 0–1. */
  handled: number;
  /** Delivered over sent, 0–1; null before anything was sent. */
  delivered: number | null;
}

export function campaignProgress(counts: MessageCampaignCounts): CampaignProgress {
  const handled = counts.sent + counts.blocked + counts.failed;
  return {
    handled: counts.selected > 0 ? Math.min(1, handled / counts.selected) : 0,
    delivered: counts.sent > 0 ? Math.min(1, counts.delivered / counts.sent) : null,
  };
}

const STATUS_TONES: Readonly<Record<MessageCampaignStatus, Tone>> = {
  draft: 'neutral',
  running: 'info',
  done: 'success',
  canceled: 'muted',
};

export const messageCampaignTone = (status: MessageCampaignStatus): Tone => STATUS_TONES[status];

/** What a supervisor may do with a campaign in each status. */
export function campaignActions(status: MessageCampaignStatus): readonly ('start' | 'cancel')[] {
  switch (status) {
    case 'draft':
      return ['start', 'cancel'];
    case 'running':
      return ['cancel'];
    case 'done':
    case 'canceled':
      return [];
  }
}

const COMPLIANCE_REASONS = new Set<string>(Object.values(ComplianceError));

/** Refusals of the message campaign itself (besides the contact gate's). */
const SEND_REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  template_required: 'messages.sendReason.template_required',
  opted_out: 'messages.sendReason.opted_out',
  no_contact_point: 'messages.sendReason.no_contact_point',
  carrier_error: 'messages.sendReason.carrier_error',
};

/** How a send's reason is worded: the gate's codes as the compliance pages word them, ours, or as given. */
export type SendReason =
  | { kind: 'compliance'; code: ComplianceError }
  | { kind: 'known'; key: MessageKey }
  | { kind: 'raw'; text: string };

export function sendReason(reason: string): SendReason {
  if (COMPLIANCE_REASONS.has(reason)) return { kind: 'compliance', code: reason as ComplianceError };
  const key = SEND_REASON_KEYS[reason];
  return key ? { kind: 'known', key } : { kind: 'raw', text: reason };
}

/** A send's reason in the reader's language (a code the console does not know is shown as given). */
export function sendReasonText(reason: string, i18n: Pick<I18nService, 't' | 'label'>): string {
  const known = sendReason(reason);
  switch (known.kind) {
    case 'compliance':
      return i18n.label('complianceReason', known.code);
    case 'known':
      return i18n.t(known.key);
    case 'raw':
      return known.text;
  }
}
