import type {
  AccountDetail,
  AccountListItem,
  AgreementView,
  ChannelConsentView,
  ContactPointView,
  InteractionView,
  Locale,
  PaymentView,
} from '@recupera/shared';
import type { Installment } from '../agreements/installment.entity';
import type { Payment } from '../payments/payment.entity';
import type { AccountRow, AgreementRow, InteractionRow } from './accounts.repository';
import type { ContactPoint } from './contact-point.entity';
import type { Debtor } from './debtor.entity';

export function toAccountListItem(a: AccountRow): AccountListItem {
  return {
    id: a.id,
    accountNumber: a.accountNumber,
    debtorName: a.debtorName,
    clientCode: a.clientCode,
    portfolioName: a.portfolioName,
    balance: { amountMinor: a.balanceMinor, currency: a.currency },
    daysPastDue: a.daysPastDue,
    agingBucket: a.agingBucket,
    status: a.status,
    assignedTeamId: a.assignedTeamId,
    assignedAgentId: a.assignedAgentId,
    assignedAgentName: a.assignedAgentName,
  };
}

function toContactPointView(
  c: ContactPoint,
  consents: ReadonlyMap<string, ChannelConsentView[]>,
): ContactPointView {
  return {
    id: c.id,
    type: c.type,
    value: c.value,
    valid: c.valid,
    consent: c.consent,
    channelConsents: consents.get(c.id) ?? [],
    doNotContact: c.doNotContact,
  };
}

function toInteractionView(i: InteractionRow, locale: Locale): InteractionView {
  const started = i.dialedAt ?? i.queuedAt ?? i.createdAt;
  return {
    id: i.id,
    channel: i.channel,
    direction: i.direction,
    outcome: i.outcome,
    dispositionCode: i.dispositionCode,
    dispositionLabel: locale === 'en' ? i.dispositionLabelEn : i.dispositionLabelEs,
    agentName: i.agentName,
    notes: i.notes,
    startedAt: started.toISOString(),
    talkSeconds: i.talkSeconds,
    conversationId: i.conversationId,
  };
}

function toAgreementView(g: AgreementRow, installments: Installment[]): AgreementView {
  const money = (amountMinor: number) => ({ amountMinor, currency: g.currency });
  return {
    id: g.id,
    status: g.status,
    total: money(g.totalMinor),
    downPayment: money(g.downPaymentMinor),
    settlesInFull: g.settlesInFull,
    createdAt: g.createdAt.toISOString(),
    agentName: g.agentName,
    installments: installments
      .filter((x) => x.agreementId === g.id)
      .map((x) => ({
        seq: x.seq,
        dueDate: x.dueDate,
        amount: money(x.amountMinor),
        paid: money(x.paidMinor),
        status: x.status,
      })),
  };
}

function toPaymentView(p: Payment): PaymentView {
  return {
    id: p.id,
    amount: { amountMinor: p.amountMinor, currency: p.currency },
    channel: p.channel,
    status: p.status,
    reference: p.reference,
    paidAt: p.paidAt.toISOString(),
  };
}

export interface AccountParts {
  account: AccountRow;
  debtor: Debtor;
  contactPoints: ContactPoint[];
  channelConsents: ReadonlyMap<string, ChannelConsentView[]>;
  interactions: InteractionRow[];
  agreements: AgreementRow[];
  installments: Installment[];
  payments: Payment[];
}

export function toAccountDetail(parts: AccountParts, locale: Locale): AccountDetail {
  const { account: a, debtor: d } = parts;
  return {
    ...toAccountListItem(a),
    originalAmount: { amountMinor: a.originalAmountMinor, currency: a.currency },
    dueDate: a.dueDate,
    product: a.product,
    sector: a.sector,
    red: a.red,
    zona: a.zona,
    debtor: {
      id: d.id,
      fullName: d.fullName,
      nationalId: d.nationalId,
      timeZone: d.timeZone,
      jurisdiction: d.jurisdiction,
    },
    contactPoints: parts.contactPoints.map((c) => toContactPointView(c, parts.channelConsents)),
    interactions: parts.interactions.map((i) => toInteractionView(i, locale)),
    agreements: parts.agreements.map((g) => toAgreementView(g, parts.installments)),
    payments: parts.payments.map(toPaymentView),
  };
}
