import type { MessageChannel, TemplatePurpose } from '@recupera/shared';

export interface DefaultMessageTemplate {
  name: string;
  channel: MessageChannel;
  purpose: TemplatePurpose;
  body: string;
}

const PREVENTIVE =
  'Hola {{debtor.firstName}}, le recordamos que su {{account.product | default:"obligación"}} {{account.number}} con {{client.name}} vence el {{account.dueDate | date}}. Saldo: {{account.balance | money}}. Si ya pagó, ignore este mensaje. {{agency.name}}. Responda BAJA para no recibir más mensajes.';
const INSTALLMENT =
  'Hola {{debtor.firstName}}, su cuota {{installment.number}} del convenio de la cuenta {{account.number}} por {{installment.amount | money}} vence el {{installment.dueDate | date}}. Gracias por cumplir. {{agency.name}}. Responda BAJA para no recibir más mensajes.';
const BROKEN =
  'Hola {{debtor.firstName}}, no registramos el pago acordado de su cuenta {{account.number}} con {{client.name}}. Saldo: {{account.balance | money}}. Contáctenos para retomar su convenio. {{agency.name}}. Responda BAJA para no recibir más mensajes.';

/**
 * The Spanish templates a new agency starts with, for every client, on SMS and WhatsApp. WhatsApp
 * ones have no content SID: outside the 24-hour window they are refused until a manager pastes the
 * SID of the template WhatsApp approved.
 */
export const DEFAULT_MESSAGE_TEMPLATES: readonly DefaultMessageTemplate[] = (
  [
    ['Recordatorio preventivo', 'preventive', PREVENTIVE],
    ['Recordatorio de cuota', 'installment_reminder', INSTALLMENT],
    ['Aviso de promesa incumplida', 'broken_promise', BROKEN],
  ] as const
).flatMap(([name, purpose, body]) =>
  (['sms', 'whatsapp'] as const).map((channel) => ({
    name: `${name} (${channel === 'sms' ? 'SMS' : 'WhatsApp'})`,
    channel,
    purpose,
    body,
  })),
);
