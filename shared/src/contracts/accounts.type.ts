import type { AgingBucket } from '../domain/aging.util';
import type {
  AccountStatus,
  AgreementStatus,
  CallOutcome,
  Channel,
  ConsentStatus,
  ContactPointType,
  Direction,
  InstallmentStatus,
  PaymentChannel,
  PaymentStatus,
} from '../domain/enums.constant';
import type { Money } from '../domain/money.util';
import type { PageQuery } from './paging.type';

export interface AccountListItem {
  id: string;
  accountNumber: string;
  debtorName: string | null;
  clientCode: string;
  portfolioName: string;
  balance: Money;
  daysPastDue: number;
  agingBucket: AgingBucket;
  status: AccountStatus;
  assignedTeamId: string | null;
  assignedAgentId: string | null;
  assignedAgentName: string | null;
}

export interface AccountSearchQuery extends PageQuery {
  q?: string;
  portfolioId?: string;
  status?: AccountStatus;
  agingBucket?: AgingBucket;
}

export interface ContactPointView {
  id: string;
  type: ContactPointType;
  value: string;
  valid: boolean;
  consent: ConsentStatus;
  /**
   * Consent the debtor gave or withdrew for one channel (a "BAJA" by SMS), which overrides
   * `consent` for that channel only; a channel not listed follows `consent`.
   */
  channelConsents: ChannelConsentView[];
  doNotContact: boolean;
}

export interface ChannelConsentView {
  channel: Channel;
  status: ConsentStatus;
  changedAt: string;
}

export interface InteractionView {
  id: string;
  channel: Channel;
  direction: Direction;
  outcome: CallOutcome | null;
  dispositionCode: string | null;
  dispositionLabel: string | null;
  agentName: string | null;
  notes: string | null;
  startedAt: string;
  talkSeconds: number;
  /** The conversation this interaction stands for (web chat, SMS, WhatsApp): its thread. */
  conversationId: string | null;
}

export interface InstallmentView {
  seq: number;
  dueDate: string;
  amount: Money;
  paid: Money;
  status: InstallmentStatus;
}

export interface AgreementView {
  id: string;
  status: AgreementStatus;
  total: Money;
  downPayment: Money;
  settlesInFull: boolean;
  createdAt: string;
  agentName: string | null;
  installments: InstallmentView[];
}

export interface PaymentView {
  id: string;
  amount: Money;
  channel: PaymentChannel;
  status: PaymentStatus;
  reference: string;
  paidAt: string;
}

export interface AccountDetail extends AccountListItem {
  originalAmount: Money;
  dueDate: string | null;
  product: string | null;
  sector: string | null;
  red: string | null;
  zona: string | null;
  debtor: {
    id: string;
    fullName: string | null;
    nationalId: string | null;
    timeZone: string;
    jurisdiction: string;
  };
  contactPoints: ContactPointView[];
  interactions: InteractionView[];
  agreements: AgreementView[];
  payments: PaymentView[];
}

export interface AssignAccountsRequest {
  accountIds: string[];
  teamId: string;
  agentId: string | null;
}
