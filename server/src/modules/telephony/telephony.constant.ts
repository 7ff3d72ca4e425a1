/** The Twilio carrier, or null when this deployment does not use Twilio (config.twilio unset). */
export const TWILIO_CARRIER = Symbol('TWILIO_CARRIER');

/** Twilio retries a webhook for at most a day; two days of memory covers every retry. */
export const TWILIO_WEBHOOK_DEDUP_SECONDS = 172_800;
