/** This feature's words; spread into the console's dictionaries (messages-es / messages-en). */
export const PAYMENTS_MESSAGES_ES = {
  'nav.payments': 'Pagos',
} as const satisfies Record<string, string>;

export const PAYMENTS_MESSAGES_EN: Readonly<Record<keyof typeof PAYMENTS_MESSAGES_ES, string>> = {
  'nav.payments': 'Payments',
};
