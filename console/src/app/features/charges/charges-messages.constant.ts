/** This feature's words; spread into the console's dictionaries (messages-es / messages-en). */
export const CHARGES_MESSAGES_ES = {} as const satisfies Record<string, string>;

export const CHARGES_MESSAGES_EN: Readonly<Record<keyof typeof CHARGES_MESSAGES_ES, string>> = {};
