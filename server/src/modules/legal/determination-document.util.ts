import { debtBreakdown, formatMoney, type DebtBreakdown, type Locale } from '@recupera/shared';
import { DETERMINATION_TEXT } from './determination-text.constant';
import type {
  AgreementLine,
  InteractionLine,
  LegalActionRow,
  LegalCaseRow,
  PaymentLine,
} from './legal-cases.repository';

/** Everything the determination document shows about one case. */
export interface DeterminationData {
  legalCase: LegalCaseRow;
  payments: PaymentLine[];
  agreements: AgreementLine[];
  interactions: InteractionLine[];
  /** How many interactions the account has in all (the document lists the latest). */
  interactionTotal: number;
  actions: LegalActionRow[];
  generatedAt: Date;
  generatedBy: string | null;
}

export interface DocumentTable {
  columns: string[];
  /** Each column's share of the line, summing to 1. */
  widths: number[];
  rows: string[][];
  /** Shown instead of the table when it has no rows. */
  empty: string;
  note?: string;
}

export interface DocumentSection {
  heading: string;
  fields?: [string, string][];
  table?: DocumentTable;
}

export interface DeterminationDocument {
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  footer: string;
}

const NOTE_LIMIT = 160;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "2026-03-10 11:00" on the debtor's wall clock: a court reads the dates where the debtor lives. */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function clip(text: string | null): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > NOTE_LIMIT ? `${flat.slice(0, NOTE_LIMIT - 1)}…` : flat;
}

/**
 * The determination (the account's debt, interest and history, DESIGN.md §1 legal stage) as a
 * document in the caller's language: the debt split into principal, interest and fees when the case
 * opened and now, then every payment, agreement, interaction and legal action.
 */
export function determinationDocument(data: DeterminationData, locale: Locale): DeterminationDocument {
  const t = DETERMINATION_TEXT[locale];
  const c = data.legalCase;
  const zone = c.timeZone;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: c.currency }, locale);
  const when = (instant: Date | null) => (instant ? localDateTime(instant, zone) : t.none);
  const opening: DebtBreakdown = { currency: c.currency, ...c.opening };
  const now = debtBreakdown(c);
  const debtRow = (label: string, key: keyof Omit<DebtBreakdown, 'currency'>) => [
    label,
    money(opening[key]),
    money(now[key]),
  ];
  const paid = data.payments.filter((p) => p.status === 'applied').reduce((sum, p) => sum + p.amountMinor, 0);

  const sections: DocumentSection[] = [
    {
      heading: t.caseSection,
      fields: [
        [t.stage, t.stages[c.stage]],
        [t.firm, c.firmName],
        [t.openedAt, when(c.openedAt)],
        [t.court, c.court ?? t.none],
        [t.caseNumber, c.caseNumber ?? t.none],
        [t.lawsuitServed, c.lawsuitServedAt ? when(c.lawsuitServedAt) : t.notServed],
        ...(c.closedAt ? [[t.closedAt, when(c.closedAt)] as [string, string]] : []),
      ],
    },
    {
      heading: t.accountSection,
      fields: [
        [t.creditor, c.clientName],
        [t.portfolio, c.portfolioName],
        [t.accountNumber, c.accountNumber],
        [t.product, c.product ?? t.none],
        [t.debtor, c.debtorName ?? t.none],
        [t.nationalId, c.nationalId ?? t.none],
        [t.originalAmount, money(c.originalAmountMinor)],
        [t.dueDate, c.dueDate ?? t.none],
        [t.daysPastDue, String(c.daysPastDue)],
      ],
    },
    {
      heading: t.debtSection,
      table: {
        columns: [t.concept, `${t.atOpening} (${when(c.openedAt).slice(0, 10)})`, t.current],
        widths: [0.4, 0.3, 0.3],
        rows: [
          debtRow(t.principal, 'principalMinor'),
          debtRow(t.interest, 'interestMinor'),
          debtRow(t.fees, 'feesMinor'),
          debtRow(t.total, 'balanceMinor'),
        ],
        empty: t.none,
      },
    },
    {
      heading: t.paymentsSection,
      table: {
        columns: [t.date, t.channel, t.reference, t.status, t.amount],
        widths: [0.2, 0.2, 0.25, 0.15, 0.2],
        rows: data.payments.map((p) => [
          when(p.paidAt),
          t.paymentChannels[p.channel],
          p.reference,
          t.paymentStatuses[p.status],
          money(p.amountMinor),
        ]),
        empty: t.noPayments,
        note: data.payments.length > 0 ? `${t.totalPaid}: ${money(paid)}` : undefined,
      },
    },
    {
      heading: t.agreementsSection,
      table: {
        columns: [t.date, t.status, t.total, t.downPayment, t.installments, t.waiver, t.settlesInFull],
        widths: [0.16, 0.16, 0.16, 0.14, 0.1, 0.14, 0.14],
        rows: data.agreements.map((g) => [
          when(g.createdAt).slice(0, 10),
          t.agreementStatuses[g.status],
          money(g.totalMinor),
          money(g.downPaymentMinor),
          String(g.installmentsCount),
          money(g.waiverMinor),
          g.settlesInFull ? t.yes : t.no,
        ]),
        empty: t.noAgreements,
      },
    },
    {
      heading: t.historySection,
      table: {
        columns: [t.date, t.channel, t.outcome, t.agent, t.notes],
        widths: [0.18, 0.12, 0.22, 0.16, 0.32],
        rows: data.interactions.map((i) => [
          when(i.at),
          t.channels[i.channel],
          (locale === 'es' ? i.dispositionEs : i.dispositionEn) ??
            (i.outcome ? t.outcomes[i.outcome] : t.none),
          i.agentName ?? t.none,
          clip(i.notes),
        ]),
        empty: t.noInteractions,
        note:
          data.interactionTotal > data.interactions.length
            ? fill(t.earlierOmitted, { shown: String(data.interactions.length) })
            : undefined,
      },
    },
    {
      heading: t.actionsSection,
      table: {
        columns: [t.date, t.action, t.by, t.notes],
        widths: [0.18, 0.24, 0.2, 0.38],
        rows: data.actions.map((a) => [when(a.at), t.actionKinds[a.kind], a.byName ?? t.none, clip(a.notes)]),
        empty: t.noActions,
      },
    },
  ];

  return {
    title: t.title,
    subtitle: fill(t.caseLine, { id: c.id, stage: t.stages[c.stage] }),
    sections,
    footer: fill(t.footer, {
      at: localDateTime(data.generatedAt, zone),
      zone,
      by: data.generatedBy ?? t.none,
      currency: c.currency,
    }),
  };
}
