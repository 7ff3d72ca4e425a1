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

/** Reminders of a payment the omnichannel messages will send; until then they are recorded as due. */
export const REMINDER_KINDS = ['before_due', 'broken_notice'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_STATUSES = ['due', 'sent', 'cancelled'] as const;
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
}

/** What one run of the daily broken-promise check did. */
export interface PromiseCheckResult {
  /** Installments of active agreements whose deadline had passed, looked at. */
  checked: number;
  /** Agreements broken by this run. */
  broken: number;
  seconds: number;
}
