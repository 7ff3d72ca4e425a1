import type {
  AgreementStatus,
  CallOutcome,
  Channel,
  LegalLogKind,
  LegalStage,
  Locale,
  PaymentChannel,
  PaymentStatus,
} from '@recupera/shared';

/** The determination document's words; typed per enum so a new value cannot print as a raw code. */
export interface DeterminationText {
  title: string;
  caseLine: string;
  caseSection: string;
  stage: string;
  firm: string;
  openedAt: string;
  court: string;
  caseNumber: string;
  lawsuitServed: string;
  notServed: string;
  closedAt: string;
  accountSection: string;
  creditor: string;
  portfolio: string;
  accountNumber: string;
  product: string;
  debtor: string;
  nationalId: string;
  originalAmount: string;
  dueDate: string;
  daysPastDue: string;
  debtSection: string;
  concept: string;
  atOpening: string;
  current: string;
  principal: string;
  interest: string;
  fees: string;
  total: string;
  paymentsSection: string;
  date: string;
  channel: string;
  reference: string;
  status: string;
  amount: string;
  totalPaid: string;
  noPayments: string;
  agreementsSection: string;
  downPayment: string;
  installments: string;
  waiver: string;
  settlesInFull: string;
  yes: string;
  no: string;
  noAgreements: string;
  historySection: string;
  outcome: string;
  agent: string;
  notes: string;
  noInteractions: string;
  earlierOmitted: string;
  actionsSection: string;
  action: string;
  by: string;
  noActions: string;
  footer: string;
  none: string;
  stages: Record<LegalStage, string>;
  actionKinds: Record<LegalLogKind, string>;
  paymentChannels: Record<PaymentChannel, string>;
  paymentStatuses: Record<PaymentStatus, string>;
  agreementStatuses: Record<AgreementStatus, string>;
  channels: Record<Channel, string>;
  outcomes: Record<CallOutcome, string>;
}

export const DETERMINATION_TEXT: Readonly<Record<Locale, DeterminationText>> = {
  es: {
    title: 'Determinación de deuda',
    caseLine: 'Caso N.º {id} · {stage}',
    caseSection: 'Caso',
    stage: 'Etapa',
    firm: 'Firma asignada',
    openedAt: 'Paso a etapa legal',
    court: 'Juzgado o tribunal',
    caseNumber: 'Rol / N.º de causa',
    lawsuitServed: 'Demanda notificada',
    notServed: 'No notificada',
    closedAt: 'Caso cerrado',
    accountSection: 'Obligación',
    creditor: 'Mandante',
    portfolio: 'Cartera',
    accountNumber: 'N.º de obligación',
    product: 'Producto',
    debtor: 'Deudor',
    nationalId: 'Identificación',
    originalAmount: 'Monto original',
    dueDate: 'Vencimiento',
    daysPastDue: 'Días de mora',
    debtSection: 'Deuda',
    concept: 'Concepto',
    atOpening: 'Al pasar a etapa legal',
    current: 'A la fecha',
    principal: 'Capital',
    interest: 'Intereses de mora',
    fees: 'Honorarios y gastos de cobranza',
    total: 'Total adeudado',
    paymentsSection: 'Pagos',
    date: 'Fecha',
    channel: 'Canal',
    reference: 'Referencia',
    status: 'Estado',
    amount: 'Monto',
    totalPaid: 'Total pagado (aplicado)',
    noPayments: 'Sin pagos registrados.',
    agreementsSection: 'Convenios de pago',
    downPayment: 'Pie',
    installments: 'Cuotas',
    waiver: 'Condonación',
    settlesInFull: 'Liquida la deuda',
    yes: 'Sí',
    no: 'No',
    noAgreements: 'Sin convenios registrados.',
    historySection: 'Historial de gestiones',
    outcome: 'Resultado',
    agent: 'Gestor',
    notes: 'Notas',
    noInteractions: 'Sin gestiones registradas.',
    earlierOmitted: 'Se muestran las {shown} gestiones más recientes.',
    actionsSection: 'Actuaciones',
    action: 'Actuación',
    by: 'Registrada por',
    noActions: 'Sin actuaciones registradas.',
    footer: 'Generado el {at} ({zone}) por {by}. Montos en {currency}.',
    none: '—',
    stages: { judicial: 'Cobranza judicial', coactiva: 'Cobro coactivo' },
    actionKinds: {
      filing: 'Presentación de la demanda',
      admission: 'Admisión de la demanda',
      payment_order: 'Mandamiento de pago',
      lawsuit_served: 'Notificación de la demanda',
      notification: 'Notificación',
      hearing: 'Audiencia',
      seizure: 'Embargo',
      ruling: 'Sentencia o resolución',
      settlement: 'Acuerdo o transacción',
      other: 'Otra actuación',
      case_opened: 'Paso a etapa legal',
      firm_changed: 'Cambio de firma',
      case_closed: 'Cierre del caso',
    },
    paymentChannels: {
      cashier: 'Caja',
      bank: 'Banco',
      direct_debit: 'Débito automático',
      payroll: 'Descuento por nómina',
      gateway: 'Pasarela de pagos',
    },
    paymentStatuses: { applied: 'Aplicado', reversed: 'Reversado' },
    agreementStatuses: {
      pending_approval: 'Pendiente de aprobación',
      active: 'Vigente',
      kept: 'Cumplido',
      broken: 'Incumplido',
      cancelled: 'Cancelado',
      rejected: 'Rechazado',
    },
    channels: { voice: 'Llamada', sms: 'SMS', whatsapp: 'WhatsApp', webchat: 'Chat web', email: 'Correo' },
    outcomes: {
      no_answer: 'No contesta',
      busy: 'Ocupado',
      failed: 'Fallida',
      machine: 'Contestador',
      human: 'Atendida',
      abandoned: 'Abandonada',
    },
  },
  en: {
    title: 'Debt determination',
    caseLine: 'Case no. {id} · {stage}',
    caseSection: 'Case',
    stage: 'Stage',
    firm: 'Assigned firm',
    openedAt: 'Entered the legal stage',
    court: 'Court',
    caseNumber: 'Case number',
    lawsuitServed: 'Lawsuit served',
    notServed: 'Not served',
    closedAt: 'Case closed',
    accountSection: 'Obligation',
    creditor: 'Creditor',
    portfolio: 'Portfolio',
    accountNumber: 'Account number',
    product: 'Product',
    debtor: 'Debtor',
    nationalId: 'National id',
    originalAmount: 'Original amount',
    dueDate: 'Due date',
    daysPastDue: 'Days past due',
    debtSection: 'Debt',
    concept: 'Item',
    atOpening: 'On entering the legal stage',
    current: 'To date',
    principal: 'Principal',
    interest: 'Late interest',
    fees: 'Collection fees and costs',
    total: 'Total owed',
    paymentsSection: 'Payments',
    date: 'Date',
    channel: 'Channel',
    reference: 'Reference',
    status: 'Status',
    amount: 'Amount',
    totalPaid: 'Total paid (applied)',
    noPayments: 'No payments recorded.',
    agreementsSection: 'Payment agreements',
    downPayment: 'Down payment',
    installments: 'Installments',
    waiver: 'Waiver',
    settlesInFull: 'Settles the debt',
    yes: 'Yes',
    no: 'No',
    noAgreements: 'No agreements recorded.',
    historySection: 'Collection history',
    outcome: 'Outcome',
    agent: 'Agent',
    notes: 'Notes',
    noInteractions: 'No interactions recorded.',
    earlierOmitted: 'The {shown} most recent interactions are shown.',
    actionsSection: 'Legal actions',
    action: 'Action',
    by: 'Recorded by',
    noActions: 'No legal actions recorded.',
    footer: 'Generated {at} ({zone}) by {by}. Amounts in {currency}.',
    none: '—',
    stages: { judicial: 'Court collection', coactiva: 'Coercive collection (coactiva)' },
    actionKinds: {
      filing: 'Lawsuit filed',
      admission: 'Lawsuit admitted',
      payment_order: 'Payment order',
      lawsuit_served: 'Lawsuit served',
      notification: 'Notification',
      hearing: 'Hearing',
      seizure: 'Seizure',
      ruling: 'Ruling',
      settlement: 'Settlement',
      other: 'Other action',
      case_opened: 'Entered the legal stage',
      firm_changed: 'Firm changed',
      case_closed: 'Case closed',
    },
    paymentChannels: {
      cashier: 'Cashier',
      bank: 'Bank',
      direct_debit: 'Direct debit',
      payroll: 'Payroll deduction',
      gateway: 'Payment gateway',
    },
    paymentStatuses: { applied: 'Applied', reversed: 'Reversed' },
    agreementStatuses: {
      pending_approval: 'Awaiting approval',
      active: 'Active',
      kept: 'Kept',
      broken: 'Broken',
      cancelled: 'Cancelled',
      rejected: 'Rejected',
    },
    channels: { voice: 'Call', sms: 'SMS', whatsapp: 'WhatsApp', webchat: 'Web chat', email: 'E-mail' },
    outcomes: {
      no_answer: 'No answer',
      busy: 'Busy',
      failed: 'Failed',
      machine: 'Answering machine',
      human: 'Answered',
      abandoned: 'Abandoned',
    },
  },
};
