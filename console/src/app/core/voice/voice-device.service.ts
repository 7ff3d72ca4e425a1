import { HttpClient } from '@angular/common/http';
import { Injectable, InjectionToken, effect, inject, signal, untracked } from '@angular/core';
import { ErrorCode, type VoiceTokenResponse } from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { toApiError } from '../http/api-error.util';
import { twilioDeviceFactory } from './twilio-device.factory';
import { VOICE_TOKEN_RETRY_MS, tokenRefreshDelayMs } from './voice-token.util';
import type {
  VoiceCall,
  VoiceDevice,
  VoiceDeviceFactory,
  VoiceLineError,
  VoiceLineStatus,
} from './voice-device.type';

export const VOICE_DEVICE_FACTORY = new InjectionToken<VoiceDeviceFactory>('VOICE_DEVICE_FACTORY', {
  providedIn: 'root',
  factory: () => twilioDeviceFactory,
});

export const VOICE_TOKEN_URL = '/api/telephony/voice-token';

type TwilioToken = Extract<VoiceTokenResponse, { carrier: 'twilio' }>;

/**
 * The softphone's audio in the browser. With the simulated carrier there is none; with Twilio it
 * registers a Voice SDK device under the agent's identity, answers the dialer's conference call by
 * itself while the agent is free for it, keeps the microphone's mute in step with the softphone's
 * and renews the token before it expires.
 */
@Injectable({ providedIn: 'root' })
export class VoiceDeviceService {
  private readonly http = inject(HttpClient);
  private readonly factory = inject(VOICE_DEVICE_FACTORY);

  private readonly statusState = signal<VoiceLineStatus>('idle');
  private readonly errorState = signal<VoiceLineError | null>(null);
  private readonly errorDetailState = signal<string | null>(null);
  private readonly inCallState = signal(false);
  private device: VoiceDevice | null = null;
  private call: VoiceCall | null = null;
  private muted = false;
  private answerPolicy: () => boolean = () => false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by `stop`, so an answer that arrives for a line already closed is dropped. */
  private generation = 0;

  readonly status = this.statusState.asReadonly();
  readonly error = this.errorState.asReadonly();
  /** The SDK's own words for a device failure. */
  readonly errorDetail = this.errorDetailState.asReadonly();
  /** A conference call is up in the browser. */
  readonly inCall = this.inCallState.asReadonly();

  constructor() {
    // Signing out closes the line: the next user of this browser must not hear the agent's calls.
    const auth = inject(AuthStore);
    effect(() => {
      if (!auth.isAuthenticated()) untracked(() => this.stop());
    });
  }

  /** Opens the line once (idempotent); a line that failed is opened again. */
  start(): void {
    const status = this.statusState();
    if (status !== 'idle' && status !== 'error') return;
    this.stop();
    void this.open(this.generation);
  }

  /** Whether an incoming conference call is answered now (the agent is available or reserved). */
  setAnswerPolicy(policy: () => boolean): void {
    this.answerPolicy = policy;
  }

  /** Mutes or unmutes the microphone on the call, and on the calls that come after until changed. */
  mute(on: boolean): void {
    this.muted = on;
    this.call?.mute(on);
  }

  stop(): void {
    this.generation += 1;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.device?.destroy();
    this.device = null;
    this.call = null;
    this.inCallState.set(false);
    this.statusState.set('idle');
    this.errorState.set(null);
    this.errorDetailState.set(null);
  }

  private async open(generation: number): Promise<void> {
    this.statusState.set('connecting');
    const token = await this.fetchToken(generation);
    if (!token) return;
    if (token.carrier === 'simulated') {
      this.statusState.set('simulated');
      return;
    }
    let device: VoiceDevice;
    try {
      device = await this.factory(token.token);
    } catch (error) {
      if (generation === this.generation) this.fail('sdk_failed', error);
      return;
    }
    if (generation !== this.generation) {
      device.destroy();
      return;
    }
    this.device = device;
    device.onIncoming((call) => this.incoming(call));
    device.onError((message) => this.fail('device_failed', message));
    try {
      await device.register();
    } catch (error) {
      if (generation === this.generation) this.fail('device_failed', error);
      return;
    }
    if (generation !== this.generation) return;
    this.statusState.set('ready');
    this.scheduleRefresh(token, generation);
  }

  /** The token, or null (the failure is on the line's status) when there is none for this line. */
  private async fetchToken(generation: number): Promise<VoiceTokenResponse | null> {
    try {
      const token = await firstValueFrom(this.http.get<VoiceTokenResponse>(VOICE_TOKEN_URL));
      return generation === this.generation ? token : null;
    } catch (failure) {
      if (generation !== this.generation) return null;
      const error = toApiError(failure);
      this.fail(error.code === ErrorCode.Conflict ? 'not_configured' : 'token_failed', error.message);
      return null;
    }
  }

  private scheduleRefresh(token: TwilioToken, generation: number, delayMs?: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    const delay = delayMs ?? tokenRefreshDelayMs(token.expiresAt, Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh(token, generation);
    }, delay);
  }

  private async refresh(current: TwilioToken, generation: number): Promise<void> {
    let next: VoiceTokenResponse | null = null;
    try {
      next = await firstValueFrom(this.http.get<VoiceTokenResponse>(VOICE_TOKEN_URL));
    } catch {
      next = null;
    }
    if (generation !== this.generation || !this.device) return;
    if (next?.carrier !== 'twilio') {
      // The old token still works until it expires: try again meanwhile, and say so once it has.
      if (Date.parse(current.expiresAt) <= Date.now()) this.fail('token_failed', null);
      this.scheduleRefresh(current, generation, VOICE_TOKEN_RETRY_MS);
      return;
    }
    this.device.updateToken(next.token);
    if (this.statusState() === 'error' && this.errorState() === 'token_failed') {
      this.statusState.set('ready');
      this.errorState.set(null);
      this.errorDetailState.set(null);
    }
    this.scheduleRefresh(next, generation);
  }

  private incoming(call: VoiceCall): void {
    if (!this.answerPolicy()) {
      call.reject();
      return;
    }
    this.call = call;
    call.onEnded(() => {
      if (this.call !== call) return;
      this.call = null;
      this.inCallState.set(false);
    });
    call.accept();
    call.mute(this.muted);
    this.inCallState.set(true);
  }

  private fail(error: VoiceLineError, cause: unknown): void {
    this.statusState.set('error');
    this.errorState.set(error);
    const detail = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    this.errorDetailState.set(detail || null);
  }
}
