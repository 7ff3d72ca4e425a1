/** The assembled live dialer (DialerEngine) of this process. */
export const DIALER_ENGINE = Symbol('DIALER_ENGINE');
/** The carrier this process places calls through. */
export const CARRIER = Symbol('CARRIER');
