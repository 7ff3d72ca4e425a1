import { Inject, Injectable } from '@nestjs/common';
import { voiceIdentity, type VoiceTokenResponse } from '@recupera/shared';
import { jwt } from 'twilio';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';

/** A browser softphone token lives an hour; the console asks for a new one before it runs out. */
export const VOICE_TOKEN_TTL_SECONDS = 3_600;

/**
 * Tokens for `@twilio/voice-sdk` in the console. The identity is the user's own line, so the
 * conference the dialer bridges their debtors into is the only one their softphone can join.
 */
@Injectable()
export class VoiceTokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(userId: string, now = new Date()): VoiceTokenResponse {
    if (this.config.carrier === 'simulated') return { carrier: 'simulated' };
    const twilio = this.config.twilio;
    if (!twilio?.voice)
      throw AppException.conflict(
        'Browser audio is not configured: set TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET and TWILIO_TWIML_APP_SID',
      );
    const identity = voiceIdentity(userId);
    const token = new jwt.AccessToken(twilio.accountSid, twilio.voice.apiKeySid, twilio.voice.apiKeySecret, {
      identity,
      ttl: VOICE_TOKEN_TTL_SECONDS,
    });
    token.addGrant(
      new jwt.AccessToken.VoiceGrant({
        outgoingApplicationSid: twilio.voice.twimlAppSid,
        incomingAllow: true,
      }),
    );
    return {
      carrier: 'twilio',
      identity,
      token: token.toJwt(),
      expiresAt: new Date(now.getTime() + VOICE_TOKEN_TTL_SECONDS * 1_000).toISOString(),
    };
  }
}
