/** This feature's words; spread into the console's dictionaries (messages-es / messages-en). */
export const DEBITS_MESSAGES_ES = {} as const satisfies Record<string, string>;

export const DEBITS_MESSAGES_EN: Readonly<Record<keyof typeof DEBITS_MESSAGES_ES, string>> = {};
