import type { IsoDate } from '../domain/dates.util';

/** What a notification is about; the console words each kind from its payload. */
export const NOTIFICATION_KINDS = ['agreement.broken'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An agreement the daily check broke: what the agent who made it and their supervisor are told. */
export interface AgreementBrokenNotice {
  agreementId: string;
  accountId: string;
  accountNumber: string;
  /** The installment that was not paid in full by its due date + grace days. */
  installmentSeq: number;
  dueDate: IsoDate;
  amountMinor: number;
  paidMinor: number;
  currency: string;
  agentId: string | null;
  teamId: string | null;
  /** ISO instant the check broke it. */
  brokenAt: string;
}

/** GET /notifications — the caller's own, newest first. */
export interface NotificationResponse {
  id: string;
  kind: NotificationKind;
  payload: AgreementBrokenNotice;
  createdAt: string;
  readAt: string | null;
}

/** The caller's latest notifications and how many of all theirs are unread. */
export interface NotificationListResponse {
  items: NotificationResponse[];
  unread: number;
}

/** Reminders of a payment: recorded as due by the daily check, then sent as SMS or WhatsApp. */
export const REMINDER_KINDS = ['before_due', 'broken_notice'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * due: waiting for its time; sending: being sent now; sent; blocked: the compliance gate or the
 * channel's rules refused it (see `reason`); failed: the carrier refused it; cancelled: moot (paid).
 */
export const REMINDER_STATUSES = ['due', 'sending', 'sent', 'blocked', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export interface ReminderListQuery {
  status?: ReminderStatus;
}

/** GET /promises/reminders — a supervisor's teams' reminders (all for managers and admins). */
export interface ReminderResponse {
  id: string;
  kind: ReminderKind;
  status: ReminderStatus;
  dueAt: string;
  accountId: string;
  accountNumber: string;
  debtorName: string | null;
  agreementId: string;
  installmentSeq: number;
  installmentDueDate: IsoDate;
  amountMinor: number;
  currency: string;
  /** Why it was blocked or failed (a compliance reason, `template_required`, the carrier's error). */
  reason: string | null;
}

/** What one run of the daily broken-promise check did. */
export interface PromiseCheckResult {
  /** Installments of active agreements whose deadline had passed, looked at. */
  checked: number;
  /** Agreements broken by this run. */
  broken: number;
  seconds: number;
}
