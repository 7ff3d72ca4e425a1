import type { Money } from '../domain/money.util';
import type { AgreementStatus, InstallmentStatus } from '../domain/enums.constant';
import type { ChatMessageView, ChatQueue, ConversationStatus } from './conversations.type';

/** Step 1: the debtor names an account and their national id; a one-time code goes to their mobile. */
export interface WidgetIdentifyRequest {
  accountNumber: string;
  nationalId: string;
}

export interface WidgetChallenge {
  challengeId: string;
  /** Where the code went, masked (+56 9 **** 4321). */
  sentTo: string;
  expiresAt: string;
}

/** Step 2: the code; a match opens a session bound to that debtor's accounts at that client. */
export interface WidgetVerifyRequest {
  challengeId: string;
  code: string;
}

export interface WidgetSessionToken {
  token: string;
  expiresAt: string;
}

export interface WidgetInstallmentView {
  seq: number;
  dueDate: string;
  amount: Money;
  paid: Money;
  status: InstallmentStatus;
}

export interface WidgetAgreementView {
  id: string;
  accountId: string;
  status: AgreementStatus;
  total: Money;
  downPayment: Money;
  settlesInFull: boolean;
  installments: WidgetInstallmentView[];
  createdAt: string;
}

export interface WidgetAccountView {
  accountId: string;
  accountNumber: string;
  clientName: string;
  balance: Money;
  daysPastDue: number;
  dueDate: string | null;
}

export interface WidgetConversationView {
  id: string;
  status: ConversationStatus;
  queue: ChatQueue;
  agentName: string | null;
  messages: ChatMessageView[];
}

export interface WidgetSnapshot {
  debtorName: string | null;
  accounts: WidgetAccountView[];
  agreements: WidgetAgreementView[];
  conversation: WidgetConversationView | null;
}

/** The debtor asks for an agent (queue cobranza) or for an agreement (queue convenios). */
export interface WidgetChatRequest {
  accountId: string;
  queue: ChatQueue;
  message?: string;
}

export interface WidgetSendRequest {
  body: string;
  clientRef?: string;
}

export interface WidgetTyping {
  typing: boolean;
}
