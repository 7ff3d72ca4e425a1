import type { AgreementStatus, InstallmentStatus, MessageAuthor } from '@recupera/shared';

/** The widget's own dictionary: it runs on the creditor's site, outside the console's i18n layer. */
const ES = {
  launcherOpen: 'Ayuda: consulta tu deuda y chatea con un asesor',
  launcherLabel: 'Ayuda',
  panelTitle: 'Tu cuenta en línea',
  close: 'Cerrar',
  identifyIntro: 'Identifícate para ver tu saldo y conversar con un asesor.',
  accountNumber: 'Número de cuenta',
  nationalId: 'Documento de identidad',
  nationalIdHint: 'Con o sin puntos y guiones.',
  identify: 'Enviarme un código',
  codeIntro: 'Enviamos un código de 6 dígitos a {sentTo}. Vence en 5 minutos.',
  code: 'Código de verificación',
  verify: 'Verificar',
  restart: 'Usar otros datos',
  hello: 'Hola, {name}',
  helloAnonymous: 'Hola',
  accountsTitle: 'Tus cuentas',
  account: 'Cuenta {number}',
  balance: 'Saldo',
  daysPastDue: '{days} días de atraso',
  upToDate: 'Al día',
  dueDate: 'Vence el {date}',
  noAccounts: 'No encontramos cuentas abiertas.',
  agreementsTitle: 'Tus convenios de pago',
  noAgreements: 'No tienes convenios abiertos.',
  agreementOf: 'Convenio de la cuenta {number}',
  agreementTotal: 'Total',
  downPayment: 'Pago inicial',
  settlesInFull: 'Liquida toda la deuda',
  installmentsTitle: 'Calendario de cuotas',
  installmentSeq: 'Cuota',
  installmentDue: 'Vence',
  installmentAmount: 'Monto',
  installmentPaid: 'Pagado',
  installmentState: 'Estado',
  chooseAccount: 'Cuenta',
  askAgreement: 'Quiero un convenio de pago',
  askAgent: 'Hablar con un asesor',
  chatTitle: 'Chat con un asesor',
  waiting: 'Te conectaremos con un asesor en un momento…',
  agentJoined: '{name} te atiende',
  typing: '{name} está escribiendo…',
  agentFallback: 'El asesor',
  messageInput: 'Escribe tu mensaje',
  send: 'Enviar',
  leave: 'Salir del chat',
  chatEnded: 'La conversación terminó.',
  back: 'Volver a mis cuentas',
  logout: 'Cerrar sesión',
  messageFailed: 'No se envió',
  messagesLabel: 'Mensajes de la conversación',
  agreementArrived: 'Tu convenio de pago está listo.',
  errorNotFound: 'No encontramos una cuenta con esos datos.',
  errorNoMobile:
    'No tenemos un celular válido para enviarte el código. Comunícate con nosotros por teléfono.',
  errorRateLimited: 'Demasiados intentos. Vuelve a intentarlo más tarde.',
  errorCodeWrong: 'El código no coincide.',
  errorCodeDead: 'Demasiados intentos con ese código: pide uno nuevo.',
  errorCodeExpired: 'El código venció: pide uno nuevo.',
  errorSessionExpired: 'Tu sesión terminó. Identifícate de nuevo.',
  errorInvalid: 'Revisa los datos ingresados.',
  errorNetwork: 'No pudimos conectarnos. Revisa tu conexión e inténtalo de nuevo.',
  errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
  'author.debtor': 'Tú',
  'author.agent': 'Asesor',
  'author.system': 'Aviso',
  'agreement.pending_approval': 'Pendiente de aprobación',
  'agreement.active': 'Vigente',
  'agreement.kept': 'Cumplido',
  'agreement.broken': 'Incumplido',
  'agreement.cancelled': 'Cancelado',
  'agreement.rejected': 'Rechazado',
  'installment.pending': 'Pendiente',
  'installment.partial': 'Pago parcial',
  'installment.paid': 'Pagada',
  'installment.broken': 'Vencida',
  'installment.on_hold': 'En pausa',
  'installment.cancelled': 'Cancelada',
} as const;

export type WidgetTextKey = keyof typeof ES;

const EN: Record<WidgetTextKey, string> = {
  launcherOpen: 'Help: check your balance and chat with an advisor',
  launcherLabel: 'Help',
  panelTitle: 'Your account online',
  close: 'Close',
  identifyIntro: 'Identify yourself to see your balance and talk to an advisor.',
  accountNumber: 'Account number',
  nationalId: 'National id',
  nationalIdHint: 'With or without dots and dashes.',
  identify: 'Send me a code',
  codeIntro: 'We sent a 6-digit code to {sentTo}. It expires in 5 minutes.',
  code: 'Verification code',
  verify: 'Verify',
  restart: 'Use other details',
  hello: 'Hello, {name}',
  helloAnonymous: 'Hello',
  accountsTitle: 'Your accounts',
  account: 'Account {number}',
  balance: 'Balance',
  daysPastDue: '{days} days past due',
  upToDate: 'Up to date',
  dueDate: 'Due {date}',
  noAccounts: 'We found no open accounts.',
  agreementsTitle: 'Your payment agreements',
  noAgreements: 'You have no open agreements.',
  agreementOf: 'Agreement for account {number}',
  agreementTotal: 'Total',
  downPayment: 'Down payment',
  settlesInFull: 'Settles the whole debt',
  installmentsTitle: 'Installment schedule',
  installmentSeq: 'Installment',
  installmentDue: 'Due',
  installmentAmount: 'Amount',
  installmentPaid: 'Paid',
  installmentState: 'Status',
  chooseAccount: 'Account',
  askAgreement: 'I want a payment agreement',
  askAgent: 'Talk to an advisor',
  chatTitle: 'Chat with an advisor',
  waiting: 'An advisor will be with you shortly…',
  agentJoined: '{name} is helping you',
  typing: '{name} is typing…',
  agentFallback: 'The advisor',
  messageInput: 'Write your message',
  send: 'Send',
  leave: 'Leave the chat',
  chatEnded: 'The conversation has ended.',
  back: 'Back to my accounts',
  logout: 'Sign out',
  messageFailed: 'Not sent',
  messagesLabel: 'Conversation messages',
  agreementArrived: 'Your payment agreement is ready.',
  errorNotFound: 'We found no account with those details.',
  errorNoMobile: 'We have no valid mobile number to send you the code. Please call us.',
  errorRateLimited: 'Too many attempts. Please try again later.',
  errorCodeWrong: 'The code does not match.',
  errorCodeDead: 'Too many attempts with that code: ask for a new one.',
  errorCodeExpired: 'The code has expired: ask for a new one.',
  errorSessionExpired: 'Your session has ended. Please identify yourself again.',
  errorInvalid: 'Please check the details you entered.',
  errorNetwork: 'We could not connect. Check your connection and try again.',
  errorGeneric: 'Something went wrong. Please try again.',
  'author.debtor': 'You',
  'author.agent': 'Advisor',
  'author.system': 'Notice',
  'agreement.pending_approval': 'Awaiting approval',
  'agreement.active': 'Active',
  'agreement.kept': 'Kept',
  'agreement.broken': 'Broken',
  'agreement.cancelled': 'Cancelled',
  'agreement.rejected': 'Rejected',
  'installment.pending': 'Pending',
  'installment.partial': 'Partly paid',
  'installment.paid': 'Paid',
  'installment.broken': 'Overdue',
  'installment.on_hold': 'On hold',
  'installment.cancelled': 'Cancelled',
};

export type WidgetLocale = 'es' | 'en';

export type Translate = (key: WidgetTextKey, params?: Record<string, string | number>) => string;

/** Spanish unless the embedding page asks for English. */
export function widgetLocale(requested: string | null | undefined): WidgetLocale {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

export function translator(locale: WidgetLocale): Translate {
  const texts: Record<WidgetTextKey, string> = locale === 'en' ? EN : ES;
  return (key, params = {}) =>
    texts[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function authorKey(author: MessageAuthor): WidgetTextKey {
  return `author.${author}`;
}

export function agreementStatusKey(status: AgreementStatus): WidgetTextKey {
  return `agreement.${status}`;
}

export function installmentStatusKey(status: InstallmentStatus): WidgetTextKey {
  return `installment.${status}`;
}
