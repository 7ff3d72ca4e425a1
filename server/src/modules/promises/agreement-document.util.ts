import { agencyDate, formatMoney, type AgreementStatus, type IsoDate, type Locale } from '@recupera/shared';

/** Everything an agreement document (convenio de pago) states. */
export interface AgreementDocumentData {
  agreementId: string;
  status: AgreementStatus;
  createdAt: Date;
  agencyName: string;
  clientName: string;
  /** The client's own legal wording; null or blank: the default text of the document's language. */
  legalText: string | null;
  graceDays: number;
  debtorName: string | null;
  debtorNationalId: string | null;
  accountNumber: string;
  product: string | null;
  currency: string;
  totalMinor: number;
  downPaymentMinor: number;
  waiverMinor: number;
  settlesInFull: boolean;
  /** seq 0 is the down payment. */
  installments: { seq: number; dueDate: IsoDate; amountMinor: number }[];
  agentName: string | null;
  timeZone: string;
}

export interface AgreementDocument {
  title: string;
  /** Reference and date, under the title. */
  subtitle: string;
  sections: { heading: string; lines: string[] }[];
  schedule: {
    heading: string;
    columns: [string, string, string];
    rows: [string, string, string][];
    total: string;
  };
  /** The statement Mexican rules (CONDUSEF) require in writing: full settlement or partial payment. */
  scope: { heading: string; text: string };
  legal: { heading: string; paragraphs: string[] };
  signatures: string[];
}

const DEFAULT_LEGAL_TEXT: Readonly<Record<Locale, string>> = {
  es: [
    'El deudor reconoce el adeudo de la cuenta descrita y se obliga a pagar las cantidades de este convenio en las fechas del calendario.',
    'Los pagos se harán únicamente por los medios que el acreedor autorice y a su nombre; el deudor conservará los comprobantes, que acreditan cada pago.',
    'La condonación otorgada queda sujeta al cumplimiento del convenio: si el convenio se incumple, el acreedor podrá exigir el saldo que corresponda conforme a las condiciones originales del crédito, descontados los pagos hechos.',
    'Ninguna gestión de cobranza podrá valerse de amenazas, ofensas o intimidación. El deudor puede presentar sus quejas ante el acreedor y ante la autoridad de protección al consumidor financiero de su país.',
  ].join('\n'),
  en: [
    'The debtor acknowledges the debt of the account described and undertakes to pay the amounts of this agreement on the dates of the schedule.',
    'Payments are to be made only through the means the creditor authorises and in its name; the debtor keeps the receipts, which prove each payment.',
    'The waiver granted depends on the agreement being kept: if it is broken, the creditor may claim the balance due under the original terms of the credit, less the payments made.',
    'No collection effort may use threats, insults or intimidation. The debtor may file complaints with the creditor and with the financial consumer protection authority of their country.',
  ].join('\n'),
};

const TEXT = {
  es: {
    title: 'Convenio de pago',
    subtitle: (id: string, date: string) => `Convenio n.º ${id} · ${date}`,
    parties: 'Partes',
    agency: 'Agencia de cobranza',
    creditor: 'Acreedor (cliente)',
    debtor: 'Deudor',
    nationalId: 'identificación',
    noNationalId: 'identificación no registrada',
    agent: 'Gestionado por',
    account: 'Cuenta',
    accountNumber: 'Número de cuenta',
    product: 'Producto',
    status: 'Estado del convenio',
    amounts: 'Importes',
    total: 'Importe total del convenio',
    downPayment: 'Pago inicial',
    waiver: 'Condonación (quita) otorgada',
    noWaiver: 'Sin condonación',
    installments: 'Cuotas',
    schedule: 'Calendario de pagos',
    columns: ['Pago', 'Fecha límite', 'Importe'] as [string, string, string],
    downPaymentRow: 'Pago inicial',
    installmentRow: (seq: number) => `Cuota ${seq}`,
    scheduleTotal: (amount: string) => `Total: ${amount}`,
    scope: 'Alcance del convenio',
    settles: (account: string) =>
      `Este convenio LIQUIDA LA TOTALIDAD DEL ADEUDO de la cuenta ${account}: cumplidos todos los pagos del calendario, la deuda queda saldada y el acreedor no podrá exigir cantidad adicional alguna por ella.`,
    partial: (account: string) =>
      `Este convenio es un PAGO PARCIAL: los pagos del calendario NO liquidan la totalidad del adeudo de la cuenta ${account}, cuyo saldo restante sigue siendo exigible.`,
    grace: (days: number) =>
      `Cada pago puede hacerse hasta ${days} día(s) natural(es) después de su fecha límite. Un pago incompleto o hecho después de ese plazo da por incumplido el convenio, y las cuotas siguientes quedan suspendidas.`,
    legal: 'Condiciones',
    signatures: ['Firma del deudor', 'Por la agencia de cobranza'],
    statuses: {
      pending_approval: 'pendiente de aprobación',
      active: 'vigente',
      kept: 'cumplido',
      broken: 'incumplido',
      cancelled: 'cancelado',
      rejected: 'rechazado',
    } satisfies Record<AgreementStatus, string>,
  },
  en: {
    title: 'Payment agreement',
    subtitle: (id: string, date: string) => `Agreement no. ${id} · ${date}`,
    parties: 'Parties',
    agency: 'Collection agency',
    creditor: 'Creditor (client)',
    debtor: 'Debtor',
    nationalId: 'national id',
    noNationalId: 'national id not on file',
    agent: 'Handled by',
    account: 'Account',
    accountNumber: 'Account number',
    product: 'Product',
    status: 'Agreement status',
    amounts: 'Amounts',
    total: 'Total amount of the agreement',
    downPayment: 'Down payment',
    waiver: 'Waiver granted',
    noWaiver: 'No waiver',
    installments: 'Installments',
    schedule: 'Payment schedule',
    columns: ['Payment', 'Due by', 'Amount'] as [string, string, string],
    downPaymentRow: 'Down payment',
    installmentRow: (seq: number) => `Installment ${seq}`,
    scheduleTotal: (amount: string) => `Total: ${amount}`,
    scope: 'Scope of the agreement',
    settles: (account: string) =>
      `This agreement SETTLES THE DEBT IN FULL for account ${account}: once every payment of the schedule is made, the debt is paid off and the creditor may claim nothing further for it.`,
    partial: (account: string) =>
      `This agreement is a PARTIAL PAYMENT: the payments of the schedule do NOT settle the whole debt of account ${account}, whose remaining balance is still owed.`,
    grace: (days: number) =>
      `Each payment may be made up to ${days} calendar day(s) after its due date. A payment short of the amount or made after that breaks the agreement, and the following installments are put on hold.`,
    legal: 'Terms',
    signatures: ["Debtor's signature", 'For the collection agency'],
    statuses: {
      pending_approval: 'awaiting approval',
      active: 'in force',
      kept: 'kept',
      broken: 'broken',
      cancelled: 'cancelled',
      rejected: 'rejected',
    } satisfies Record<AgreementStatus, string>,
  },
} as const;

/** A civil date as the document's language writes it ("31/12/2026", "12/31/2026"). */
function civilDate(date: IsoDate, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * What the convenio says, in the reader's language: the parties, the account, the amounts and the
 * schedule, whether it settles the debt in full or is a partial payment (stated in words), the
 * grace the daily check allows, and the client's legal text (or a default wording).
 */
export function agreementDocument(data: AgreementDocumentData, locale: Locale): AgreementDocument {
  const t = TEXT[locale];
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: data.currency }, locale);
  const debtor = `${data.debtorName ?? '—'}, ${
    data.debtorNationalId ? `${t.nationalId} ${data.debtorNationalId}` : t.noNationalId
  }`;
  const parties = [
    `${t.agency}: ${data.agencyName}`,
    `${t.creditor}: ${data.clientName}`,
    `${t.debtor}: ${debtor}`,
  ];
  if (data.agentName) parties.push(`${t.agent}: ${data.agentName}`);
  const account = [`${t.accountNumber}: ${data.accountNumber}`];
  if (data.product) account.push(`${t.product}: ${data.product}`);
  account.push(`${t.status}: ${t.statuses[data.status]}`);
  const financed = data.installments.filter((i) => i.seq > 0).length;
  const rows = [...data.installments]
    .sort((a, b) => a.seq - b.seq)
    .map((i): [string, string, string] => [
      i.seq === 0 ? t.downPaymentRow : t.installmentRow(i.seq),
      civilDate(i.dueDate, locale),
      money(i.amountMinor),
    ]);
  const legal = data.legalText?.trim() ? data.legalText.trim() : DEFAULT_LEGAL_TEXT[locale];
  return {
    title: t.title,
    subtitle: t.subtitle(data.agreementId, civilDate(agencyDate(data.timeZone, data.createdAt), locale)),
    sections: [
      { heading: t.parties, lines: parties },
      { heading: t.account, lines: account },
      {
        heading: t.amounts,
        lines: [
          `${t.total}: ${money(data.totalMinor)}`,
          `${t.downPayment}: ${money(data.downPaymentMinor)}`,
          `${t.installments}: ${financed}`,
          data.waiverMinor > 0 ? `${t.waiver}: ${money(data.waiverMinor)}` : t.noWaiver,
        ],
      },
    ],
    schedule: {
      heading: t.schedule,
      columns: t.columns,
      rows,
      total: t.scheduleTotal(money(data.installments.reduce((sum, i) => sum + i.amountMinor, 0))),
    },
    scope: {
      heading: t.scope,
      text: `${data.settlesInFull ? t.settles(data.accountNumber) : t.partial(data.accountNumber)} ${t.grace(data.graceDays)}`,
    },
    legal: {
      heading: t.legal,
      paragraphs: legal
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
    signatures: [...t.signatures],
  };
}
