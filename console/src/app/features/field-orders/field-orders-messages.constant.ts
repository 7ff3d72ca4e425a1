/** This feature's words; spread into the console's dictionaries (messages-es / messages-en). */
export const FIELD_ORDERS_MESSAGES_ES = {
  'nav.fieldOrders': 'Órdenes de campo',
} as const satisfies Record<string, string>;

export const FIELD_ORDERS_MESSAGES_EN: Readonly<Record<keyof typeof FIELD_ORDERS_MESSAGES_ES, string>> = {
  'nav.fieldOrders': 'Field orders',
};
