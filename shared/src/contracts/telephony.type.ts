/**
 * GET /telephony/voice-token: how the console's softphone carries audio. With the simulated carrier
 * there is no audio (the call lives in the dialer); with Twilio, an access token for
 * `@twilio/voice-sdk` whose identity is the user's conference.
 */
export type VoiceTokenResponse =
  | { carrier: 'simulated' }
  | { carrier: 'twilio'; identity: string; token: string; expiresAt: string };

/** The Twilio client identity (and conference name) of a user: one line per person. */
export function voiceIdentity(userId: string): string {
  return `user-${userId}`;
}

/** The user of a Twilio `From` such as `client:user-42`; null for anything else. */
export function userOfVoiceClient(from: string): string | null {
  return /^client:user-([1-9]\d{0,18})$/.exec(from)?.[1] ?? null;
}
