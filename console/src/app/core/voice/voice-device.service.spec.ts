import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthTokens, VoiceTokenResponse } from '@recupera/shared';
import { AuthStore } from '../auth/auth.store';
import { VOICE_DEVICE_FACTORY, VOICE_TOKEN_URL, VoiceDeviceService } from './voice-device.service';
import type { VoiceCall, VoiceDevice } from './voice-device.type';
import { tokenRefreshDelayMs } from './voice-token.util';

const NOW = Date.parse('2026-03-09T12:00:00Z');
const HOUR_MS = 3_600_000;

class FakeCall implements VoiceCall {
  accepted = false;
  rejected = false;
  muted: boolean[] = [];
  private ended: (() => void)[] = [];
  accept(): void {
    this.accepted = true;
  }
  reject(): void {
    this.rejected = true;
  }
  disconnect(): void {
    this.end();
  }
  mute(on: boolean): void {
    this.muted.push(on);
  }
  onEnded(listener: () => void): void {
    this.ended.push(listener);
  }
  end(): void {
    this.ended.forEach((listener) => listener());
  }
}

/** Stands in for the Twilio device: the test rings it and reads what the service did with it. */
class FakeDevice implements VoiceDevice {
  registered = false;
  destroyed = false;
  tokens: string[] = [];
  registerError: Error | null = null;
  private incomingListeners: ((call: VoiceCall) => void)[] = [];
  private errorListeners: ((message: string) => void)[] = [];

  constructor(readonly token: string) {}

  register(): Promise<void> {
    if (this.registerError) return Promise.reject(this.registerError);
    this.registered = true;
    return Promise.resolve();
  }
  updateToken(token: string): void {
    this.tokens.push(token);
  }
  destroy(): void {
    this.destroyed = true;
  }
  onIncoming(listener: (call: VoiceCall) => void): void {
    this.incomingListeners.push(listener);
  }
  onError(listener: (message: string) => void): void {
    this.errorListeners.push(listener);
  }
  ring(call: FakeCall): void {
    this.incomingListeners.forEach((listener) => listener(call));
  }
  fail(message: string): void {
    this.errorListeners.forEach((listener) => listener(message));
  }
}

function twilio(token: string, expiresInMs = HOUR_MS): VoiceTokenResponse {
  return {
    carrier: 'twilio',
    identity: 'user-7',
    token,
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  };
}

const TOKENS: AuthTokens = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 900,
  user: { id: '7', email: 'ag@recupera.test', fullName: 'Ana', role: 'agent', teamId: 'tm-1', locale: 'es' },
};

describe(VoiceDeviceService.name, () => {
  let backend: HttpTestingController;
  let service: VoiceDeviceService;
  let devices: FakeDevice[];
  let sdkFails: boolean;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    localStorage.clear();
    devices = [];
    sdkFails = false;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: VOICE_DEVICE_FACTORY,
          useValue: (token: string) => {
            if (sdkFails) return Promise.reject(new Error('chunk failed to load'));
            const device = new FakeDevice(token);
            devices.push(device);
            return Promise.resolve(device);
          },
        },
      ],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    backend = TestBed.inject(HttpTestingController);
    service = TestBed.inject(VoiceDeviceService);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 6; i++) await Promise.resolve();
  }

  async function answerToken(response: VoiceTokenResponse): Promise<void> {
    backend.expectOne(VOICE_TOKEN_URL).flush(response);
    await settle();
  }

  it('creates no device on the simulated carrier', async () => {
    service.start();
    expect(service.status()).toBe('connecting');
    await answerToken({ carrier: 'simulated' });

    expect(service.status()).toBe('simulated');
    expect(devices).toHaveLength(0);
    // Started once: a second start asks for nothing.
    service.start();
    backend.expectNone(VOICE_TOKEN_URL);
  });

  it('registers a Twilio device with the token', async () => {
    service.start();
    await answerToken(twilio('tok-1'));

    expect(devices).toHaveLength(1);
    expect(devices[0].token).toBe('tok-1');
    expect(devices[0].registered).toBe(true);
    expect(service.status()).toBe('ready');
  });

  it('renews the token a minute before it expires, again and again', async () => {
    service.start();
    await answerToken(twilio('tok-1'));

    jest.advanceTimersByTime(HOUR_MS - 61_000);
    backend.expectNone(VOICE_TOKEN_URL);
    jest.advanceTimersByTime(1_000);
    await answerToken(twilio('tok-2'));
    expect(devices[0].tokens).toEqual(['tok-2']);

    jest.advanceTimersByTime(HOUR_MS - 60_000);
    await answerToken(twilio('tok-3'));
    expect(devices[0].tokens).toEqual(['tok-2', 'tok-3']);
    expect(devices).toHaveLength(1);
    expect(service.status()).toBe('ready');
  });

  it('retries a failed renewal while the old token lasts, and says so once it has expired', async () => {
    service.start();
    await answerToken(twilio('tok-1', 3 * 60_000));

    jest.advanceTimersByTime(2 * 60_000);
    backend.expectOne(VOICE_TOKEN_URL).flush('down', { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(service.status()).toBe('ready');

    jest.advanceTimersByTime(15_000);
    backend.expectOne(VOICE_TOKEN_URL).flush('down', { status: 503, statusText: 'Unavailable' });
    await settle();
    jest.advanceTimersByTime(15_000);
    backend.expectOne(VOICE_TOKEN_URL).flush('down', { status: 503, statusText: 'Unavailable' });
    await settle();
    jest.advanceTimersByTime(15_000);
    backend.expectOne(VOICE_TOKEN_URL).flush('down', { status: 503, statusText: 'Unavailable' });
    await settle();
    jest.advanceTimersByTime(15_000);
    backend.expectOne(VOICE_TOKEN_URL).flush('down', { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(service.status()).toBe('error');
    expect(service.error()).toBe('token_failed');

    jest.advanceTimersByTime(15_000);
    await answerToken(twilio('tok-2'));
    expect(devices[0].tokens).toEqual(['tok-2']);
    expect(service.status()).toBe('ready');
  });

  it('answers the conference call while the agent is free for it, muted if the softphone is', async () => {
    let free = true;
    service.setAnswerPolicy(() => free);
    service.start();
    await answerToken(twilio('tok-1'));

    service.mute(true);
    const call = new FakeCall();
    devices[0].ring(call);
    expect(call.accepted).toBe(true);
    expect(call.muted).toEqual([true]);
    expect(service.inCall()).toBe(true);

    service.mute(false);
    expect(call.muted).toEqual([true, false]);
    call.end();
    expect(service.inCall()).toBe(false);

    free = false;
    const unexpected = new FakeCall();
    devices[0].ring(unexpected);
    expect(unexpected.accepted).toBe(false);
    expect(unexpected.rejected).toBe(true);
  });

  it('says the server has no browser audio configured (409)', async () => {
    service.start();
    backend
      .expectOne(VOICE_TOKEN_URL)
      .flush(
        { code: 'conflict', message: 'Browser audio is not configured' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(service.status()).toBe('error');
    expect(service.error()).toBe('not_configured');
    expect(devices).toHaveLength(0);
  });

  it('reports an SDK that does not load or a device that fails, and opens again on start', async () => {
    sdkFails = true;
    service.start();
    await answerToken(twilio('tok-1'));
    expect(service.status()).toBe('error');
    expect(service.error()).toBe('sdk_failed');
    expect(service.errorDetail()).toBe('chunk failed to load');

    sdkFails = false;
    service.start();
    await answerToken(twilio('tok-2'));
    expect(service.status()).toBe('ready');
    devices[0].fail('Signaling connection error');
    expect(service.error()).toBe('device_failed');
    expect(service.errorDetail()).toBe('Signaling connection error');
  });

  it('destroys the device and stops renewing when the agent signs out', async () => {
    service.start();
    await answerToken(twilio('tok-1'));

    TestBed.inject(AuthStore).clear();
    TestBed.tick();

    expect(devices[0].destroyed).toBe(true);
    expect(service.status()).toBe('idle');
    jest.advanceTimersByTime(2 * HOUR_MS);
    backend.expectNone(VOICE_TOKEN_URL);
  });
});

describe(tokenRefreshDelayMs.name, () => {
  const now = Date.parse('2026-03-09T12:00:00Z');

  it('renews a minute before the expiry', () => {
    expect(tokenRefreshDelayMs('2026-03-09T13:00:00Z', now)).toBe(HOUR_MS - 60_000);
  });

  it('renews a short-lived token halfway, and an expired or unreadable one at once', () => {
    expect(tokenRefreshDelayMs('2026-03-09T12:01:00Z', now)).toBe(30_000);
    expect(tokenRefreshDelayMs('2026-03-09T11:59:00Z', now)).toBe(0);
    expect(tokenRefreshDelayMs('soon', now)).toBe(0);
  });
});
