/**
 * The slice of `@twilio/voice-sdk` the softphone uses, behind an interface: the service is tested
 * with a fake device, and the SDK is only loaded (a chunk of its own) when a Twilio line starts.
 */
export interface VoiceCall {
  accept(): void;
  reject(): void;
  disconnect(): void;
  mute(on: boolean): void;
  /** The call ended: hung up, cancelled by the caller, or rejected. */
  onEnded(listener: () => void): void;
}

export interface VoiceDevice {
  register(): Promise<void>;
  updateToken(token: string): void;
  destroy(): void;
  onIncoming(listener: (call: VoiceCall) => void): void;
  onError(listener: (message: string) => void): void;
}

/** Creates a device for a token; the default one imports the SDK lazily. */
export type VoiceDeviceFactory = (token: string) => Promise<VoiceDevice>;

/**
 * The audio line of the softphone: `simulated` has no browser audio (the simulated carrier plays
 * the calls in the dialer); `ready` is a registered Twilio device waiting for its conference.
 */
export type VoiceLineStatus = 'idle' | 'connecting' | 'simulated' | 'ready' | 'error';

/** Why the line is down: not configured on the server, no token, the SDK or the device failed. */
export type VoiceLineError = 'not_configured' | 'token_failed' | 'sdk_failed' | 'device_failed';
