/**
 * What the demo's simulated debtors and agents write in a chat (Spanish, as the demo agency's
 * debtors and agents would). A debtor opens with one line and answers the agent up to twice; the
 * agent greets, answers each line and closes.
 */
export const DEMO_DEBTOR_OPENINGS = [
  'Hola, me llegó un mensaje de este número sobre mi cuenta. ¿De qué se trata?',
  'Buenas tardes, quisiera saber cuánto debo.',
  'Hola, quiero ponerme al día. ¿Puedo pagar en cuotas?',
  'Buen día. Ya pagué la semana pasada, ¿me pueden confirmar?',
  'Hola, no puedo pagar todo este mes. ¿Qué opciones tengo?',
] as const;

export const DEMO_DEBTOR_FOLLOW_UPS = [
  ['¿Y si pago la mitad ahora y el resto el próximo mes?', 'Ok, muchas gracias.'],
  ['Entiendo. ¿Me pueden llamar mañana en la tarde?', 'Perfecto, gracias.'],
  ['Está bien, lo reviso y les escribo.', 'Gracias por la información.'],
] as const;

export const DEMO_AGENT_GREETING = 'Hola, le saluda su asesor de cobranza. Con gusto le ayudo con su cuenta.';

/** `{balance}` is the account's balance as the agent sees it. */
export const DEMO_AGENT_REPLIES = [
  'Su saldo pendiente es de {balance}. Podemos ofrecerle un convenio de pago en cuotas.',
  'Claro, le dejo registrada la solicitud y un asesor le llamará para formalizarla.',
] as const;

export const DEMO_AGENT_CLOSING = 'Gracias por escribirnos. Que tenga un buen día.';
