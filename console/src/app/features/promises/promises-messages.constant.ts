/** This feature's words; spread into the console's dictionaries (messages-es / messages-en). */
export const PROMISES_MESSAGES_ES = {} as const satisfies Record<string, string>;

export const PROMISES_MESSAGES_EN: Readonly<Record<keyof typeof PROMISES_MESSAGES_ES, string>> = {};
