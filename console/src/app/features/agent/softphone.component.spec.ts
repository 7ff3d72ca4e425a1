import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ErrorCode, type AgentStateView, type AuthTokens, type CallView } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { VOICE_TOKEN_URL } from '../../core/voice/voice-device.service';
import { callView } from './call-view.factory';
import { FakeAgentSocket } from './fake-agent-socket.factory';
import { SoftphoneComponent } from './softphone.component';
import { WrapUpStore } from './wrap-up.store';

function stateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'available',
    since: new Date().toISOString(),
    breakReason: null,
    callId: null,
    campaignId: null,
    ...patch,
  };
}

const CALL: CallView = callView({ callId: 'call-7', accountId: 'acc-9' });

const TOKENS: AuthTokens = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 900,
  user: {
    id: 'ag-1',
    email: 'ag@recupera.test',
    fullName: 'Ana',
    role: 'agent',
    teamId: 'tm-1',
    locale: 'es',
  },
};

describe(SoftphoneComponent.name, () => {
  let socket: FakeAgentSocket;
  let fixture: ComponentFixture<SoftphoneComponent>;

  beforeEach(async () => {
    sessionStorage.clear();
    socket = new FakeAgentSocket();
    // The server acknowledges every request at once.
    socket.autoAnswer = { ok: true };
    TestBed.configureTestingModule({
      imports: [SoftphoneComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    fixture = TestBed.createComponent(SoftphoneComponent);
    await fixture.whenStable();
  });

  function byTestId(id: string): HTMLElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`);
  }

  function text(id: string): string {
    return byTestId(id)?.textContent?.trim() ?? '';
  }

  async function serverSends(apply: () => void): Promise<void> {
    apply();
    await fixture.whenStable();
  }

  async function press(key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true, ...init });
    document.dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  it('connects the line and shows the state as a chip with its shortcut hints', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'offline' }),
        call: null,
        script: null,
        preview: null,
      }),
    );

    expect(socket.status()).toBe('connected');
    expect(text('softphone-state')).toBe('Desconectado');
    expect(byTestId('softphone-state')?.className).toContain('rc-chip--muted');
    expect(text('softphone-time-in-state')).toBe('00:00');
    expect(text('softphone-available')).toMatch(/^Disponible\s+F2$/);
    expect(text('softphone-break')).toMatch(/^Pausa\s+F3$/);
    expect(byTestId('softphone-call')).toBeNull();
  });

  it('goes available with F2 and on break with F3, blocking the browser meaning of the keys', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'offline' }),
        call: null,
        script: null,
        preview: null,
      }),
    );

    const f2 = await press('F2');
    expect(f2.defaultPrevented).toBe(true);
    expect(socket.sent).toEqual([{ event: 'agent.state-requested', payload: { state: 'available' } }]);

    await serverSends(() => socket.emit('agent.state-changed', stateView({ state: 'available' })));
    expect(text('softphone-state')).toBe('Disponible');
    await press('F3');
    expect(socket.sent[1]).toEqual({
      event: 'agent.state-requested',
      payload: { state: 'break', breakReason: 'rest' },
    });

    await serverSends(() =>
      socket.emit('agent.state-changed', stateView({ state: 'break', breakReason: 'rest' })),
    );
    expect(text('softphone-state')).toBe('Pausa');
    expect(text('softphone-hint')).toBe('En pausa: Descanso.');
  });

  it('leaves modified function keys to the browser', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'offline' }),
        call: null,
        script: null,
        preview: null,
      }),
    );

    const event = await press('F2', { ctrlKey: true });

    expect(event.defaultPrevented).toBe(false);
    expect(socket.sent).toEqual([]);
  });

  it('pops the call on screen, hangs up with F4 and finishes the wrap-up with F9', async () => {
    await serverSends(() => {
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null });
      socket.emit(
        'agent.state-changed',
        stateView({ state: 'on_call', callId: 'call-7', campaignId: 'cmp-1' }),
      );
      socket.emit('call.connected', CALL);
    });

    expect(text('softphone-state')).toBe('En llamada');
    expect(text('softphone-debtor')).toBe('María López');
    expect(text('softphone-account')).toBe('100234');
    expect(byTestId('softphone-account')?.getAttribute('href')).toBe('/accounts/acc-9');
    expect(text('softphone-phone')).toBe('+525512345678');
    expect(text('softphone-balance')).toBe('12.500,50\u00a0MXN');
    expect(text('softphone-days-past-due')).toBe('47');
    expect(text('softphone-campaign')).toBe('Tarjetas temprana');
    expect(text('softphone-hang-up')).toMatch(/Colgar\s+F4$/);
    expect((byTestId('softphone-available') as HTMLButtonElement).disabled).toBe(true);

    await press('F4');
    expect(socket.sent).toEqual([{ event: 'call.hang-up-requested', payload: { callId: 'call-7' } }]);

    await serverSends(() => {
      socket.emit('call.ended', {
        callId: 'call-7',
        endedBy: 'agent',
        talkSeconds: 75,
        endedAt: new Date().toISOString(),
      });
      socket.emit(
        'agent.state-changed',
        stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
      );
    });
    expect(byTestId('softphone-call')).toBeNull();
    expect(text('softphone-state')).toBe('Cierre');
    expect(text('softphone-ended')).toBe('Colgaste tras 1 min 15 s.');
    expect(text('softphone-finish-wrap-up')).toMatch(/^Terminar cierre\s+F9$/);

    // Nothing goes without a disposition: the form says what is missing.
    await press('F9');
    expect(socket.sent).toHaveLength(1);
    expect(text('wrap-up-problems')).toBe('Elige una tipificación.');

    TestBed.inject(WrapUpStore).patch({ dispositionCode: 'RPC' });
    await press('F9');
    expect(socket.sent[1]).toEqual({
      event: 'call.wrap-up-finished',
      payload: { callId: 'call-7', dispositionCode: 'RPC' },
    });
  });

  it('builds the agreement on the call and asks a callback disposition for its time', async () => {
    await serverSends(() => {
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null });
      socket.emit(
        'agent.state-changed',
        stateView({ state: 'on_call', callId: 'call-7', campaignId: 'cmp-1' }),
      );
      socket.emit('call.connected', CALL);
    });

    const builder = byTestId('agreement-builder');
    expect(builder?.textContent).toContain('Saldo de la cuenta: 12.500,50\u00a0MXN');
    const amounts = () =>
      Array.from(builder?.querySelectorAll('[data-testid="schedule-amount"]') ?? []).map((td) =>
        td.textContent?.trim(),
      );
    expect(amounts()).toEqual(['4166,83\u00a0MXN', '4166,83\u00a0MXN', '4166,84\u00a0MXN']);
    const downPayment = byTestId('agreement-down-payment') as HTMLInputElement;
    downPayment.value = '2500.50';
    downPayment.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(amounts()).toEqual([
      '2500,50\u00a0MXN',
      '3333,33\u00a0MXN',
      '3333,33\u00a0MXN',
      '3333,34\u00a0MXN',
    ]);
    expect(text('schedule-total')).toBe('12.500,50\u00a0MXN');
    expect((byTestId('agreement-create') as HTMLButtonElement).disabled).toBe(false);

    await serverSends(() => {
      socket.emit('call.ended', {
        callId: 'call-7',
        endedBy: 'debtor',
        talkSeconds: 40,
        endedAt: new Date().toISOString(),
      });
      socket.emit(
        'agent.state-changed',
        stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
      );
    });
    // The draft followed the call into its wrap-up.
    expect((byTestId('agreement-down-payment') as HTMLInputElement).value).toBe('2500.50');
    expect(byTestId('wrap-up-callback-at')).toBeNull();

    const wrapUp = TestBed.inject(WrapUpStore);
    await serverSends(() => wrapUp.patch({ dispositionCode: 'VLL' }));
    expect(byTestId('wrap-up-callback-at')).not.toBeNull();
    expect(text('wrap-up-callback-me')).toBe('Para mí');
    expect(text('wrap-up-callback-team')).toBe('Para el equipo');

    await serverSends(() => wrapUp.patch({ dispositionCode: 'PTP' }));
    expect(byTestId('wrap-up-callback-at')).toBeNull();
    expect(text('wrap-up-promise-warning')).toContain('sin haber creado un convenio');
    await press('F9');
    expect(socket.sent).toEqual([]);
    expect(byTestId('wrap-up-promise-confirm')).not.toBeNull();
  });

  it('shows why the server refused a request', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null }),
    );
    socket.autoAnswer = { ok: false, code: ErrorCode.Conflict, message: 'You cannot go break while on_call' };

    (byTestId('softphone-break') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(text('softphone-error')).toContain('La acción no es posible en tu estado actual.');
    expect(text('softphone-error')).toContain('You cannot go break while on_call');
  });

  /** A call on the line, as the server pops it. */
  async function onCall(call: CallView = CALL): Promise<void> {
    await serverSends(() => {
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null });
      socket.emit(
        'agent.state-changed',
        stateView({ state: 'on_call', callId: call.callId, campaignId: 'cmp-1' }),
      );
      socket.emit('call.connected', call);
    });
  }

  function disabled(id: string): boolean {
    return (byTestId(id) as HTMLButtonElement).disabled;
  }

  it('lists every shortcut in the hint, the new F6, F7 and F8 included', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null }),
    );

    const items = Array.from(
      byTestId('softphone-shortcuts')?.querySelectorAll('[data-testid^="softphone-shortcut-"]') ?? [],
    ).map((item) => item.textContent?.trim().replace(/\s+/g, ' '));
    expect(items).toEqual([
      'F2 Disponible',
      'F3 Pausa',
      'F4 Colgar',
      'F6 Retener',
      'F7 Silenciar',
      'F8 Transferir al supervisor',
      'F9 Terminar cierre',
    ]);
  });

  it('holds with F6, mutes with F7 and asks the supervisor with F8, showing what the server reports', async () => {
    await onCall();
    expect(text('softphone-hold')).toMatch(/^Retener\s+F6$/);
    expect(text('softphone-mute')).toMatch(/^Silenciar\s+F7$/);
    expect(text('softphone-transfer')).toMatch(/^Transferir al supervisor\s+F8$/);

    const f6 = await press('F6');
    expect(f6.defaultPrevented).toBe(true);
    expect(socket.sent).toEqual([{ event: 'call.hold-requested', payload: { callId: 'call-7', on: true } }]);
    await serverSends(() =>
      socket.emit('call.controls-changed', { callId: 'call-7', held: true, muted: false, transfer: 'none' }),
    );
    expect(text('softphone-hold')).toMatch(/^Reanudar\s+F6$/);
    expect(byTestId('softphone-hold')?.getAttribute('aria-pressed')).toBe('true');
    expect(text('softphone-held')).toBe('En espera');

    await press('F7');
    expect(socket.sent[1]).toEqual({ event: 'call.mute-requested', payload: { callId: 'call-7', on: true } });
    await serverSends(() =>
      socket.emit('call.controls-changed', { callId: 'call-7', held: true, muted: true, transfer: 'none' }),
    );
    expect(text('softphone-mute')).toMatch(/^Activar micrófono\s+F7$/);
    expect(text('softphone-muted')).toBe('Micrófono silenciado');

    await press('F8');
    expect(socket.sent[2]).toEqual({ event: 'call.transfer-requested', payload: { callId: 'call-7' } });
    await serverSends(() =>
      socket.emit('call.controls-changed', {
        callId: 'call-7',
        held: true,
        muted: true,
        transfer: 'requested',
      }),
    );
    expect(text('softphone-transfer-status')).toBe('Esperando al supervisor…');
    expect(disabled('softphone-transfer')).toBe(true);
    expect(disabled('softphone-hold')).toBe(false);

    await serverSends(() =>
      socket.emit('call.controls-changed', { callId: 'call-7', held: false, muted: true, transfer: 'taken' }),
    );
    expect(text('softphone-transfer-status')).toBe('El supervisor tomó la llamada.');
    expect(disabled('softphone-hold')).toBe(true);
    expect(disabled('softphone-mute')).toBe(true);

    await serverSends(() => {
      socket.emit('call.ended', {
        callId: 'call-7',
        endedBy: 'transfer',
        talkSeconds: 95,
        endedAt: new Date().toISOString(),
      });
      socket.emit(
        'agent.state-changed',
        stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
      );
    });
    expect(text('softphone-ended')).toBe('Un supervisor tomó la llamada tras 1 min 35 s.');
  });

  it('restores the switches of the call from the snapshot after a reload', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'on_call', callId: 'call-7', campaignId: 'cmp-1' }),
        call: { ...CALL, controls: { held: false, muted: true, transfer: 'requested' } },
        script: null,
        preview: null,
      }),
    );

    expect(text('softphone-mute')).toMatch(/^Activar micrófono/);
    expect(text('softphone-transfer-status')).toBe('Esperando al supervisor…');
  });

  it("counts down the campaign's wrap-up limit and warns once it is overdue", async () => {
    // Half a second more: the softphone's clock was read when it was drawn, a moment ago.
    const since = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000 - 500).toISOString();
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', since: since(20), callId: 'call-7', campaignId: 'cmp-1' }),
        call: { ...CALL, wrapUpLimitSeconds: 90 },
        script: null,
        preview: null,
      }),
    );
    expect(text('softphone-wrap-up-countdown')).toMatch(/^Tiempo para terminar el cierre: 01:1[01]$/);
    expect(byTestId('softphone-wrap-up-countdown')?.getAttribute('data-overdue')).toBe('false');

    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', since: since(102), callId: 'call-7', campaignId: 'cmp-1' }),
        call: { ...CALL, wrapUpLimitSeconds: 90 },
        script: null,
        preview: null,
      }),
    );
    // 102 s into a 90 s limit: 12 s over (11 when the softphone's one-second clock was read just before).
    expect(text('softphone-wrap-up-countdown')).toMatch(/^Cierre vencido hace 00:1[12]$/);
    expect(byTestId('softphone-wrap-up-countdown')?.getAttribute('data-overdue')).toBe('true');
  });

  it('shows no countdown when the campaign sets no wrap-up limit', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
        call: CALL,
        script: null,
        preview: null,
      }),
    );

    expect(byTestId('softphone-wrap-up')).not.toBeNull();
    expect(byTestId('softphone-wrap-up-countdown')).toBeNull();
  });

  it('closes the wrap-up the campaign expired, drops its draft and says why', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
        call: { ...CALL, wrapUpLimitSeconds: 120 },
        script: null,
        preview: null,
      }),
    );
    const wrapUp = TestBed.inject(WrapUpStore);
    wrapUp.patch({ dispositionCode: 'RPC', notes: 'Pagará el viernes' });
    expect(sessionStorage.getItem('recupera.callDraft.wrapUp.call-7')).not.toBeNull();

    await serverSends(() => socket.emit('call.wrap-up-expired', { callId: 'call-7', limitSeconds: 120 }));

    expect(byTestId('softphone-wrap-up')).toBeNull();
    expect(text('softphone-wrap-up-expired')).toContain('Se agotó el tiempo de cierre (2 min)');
    expect(sessionStorage.getItem('recupera.callDraft.wrapUp.call-7')).toBeNull();
    expect(wrapUp.draft().notes).toBe('');

    await serverSends(() => socket.emit('agent.state-changed', stateView({ state: 'available' })));
    (byTestId('softphone-wrap-up-expired-dismiss') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(byTestId('softphone-wrap-up-expired')).toBeNull();
  });

  it('keeps the wrap-up as typed while reconnecting, with its buttons off until the line is back', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
        call: CALL,
        script: null,
        preview: null,
      }),
    );
    TestBed.inject(WrapUpStore).patch({ dispositionCode: 'RPC', notes: 'Pagará el viernes' });
    expect(disabled('softphone-finish-wrap-up')).toBe(false);
    expect(disabled('agreement-create')).toBe(false);

    await serverSends(() => socket.status.set('connecting'));
    expect(text('softphone-reconnecting')).toContain('Reconectando con la central telefónica');
    expect(disabled('softphone-finish-wrap-up')).toBe(true);
    expect(disabled('agreement-create')).toBe(true);
    await press('F9');
    expect(socket.sent).toEqual([]);

    await serverSends(() => {
      socket.status.set('connected');
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', callId: 'call-7', campaignId: 'cmp-1' }),
        call: CALL,
        script: null,
        preview: null,
      });
    });
    expect(byTestId('softphone-connection')).toBeNull();
    expect((byTestId('wrap-up-notes') as HTMLTextAreaElement).value).toBe('Pagará el viernes');
    expect(disabled('softphone-finish-wrap-up')).toBe(false);
    await press('F9');
    expect(socket.sent).toEqual([
      {
        event: 'call.wrap-up-finished',
        payload: { callId: 'call-7', dispositionCode: 'RPC', notes: 'Pagará el viernes' },
      },
    ]);
  });

  /** Lets the answer of an HTTP request reach the service awaiting it, then redraws. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await fixture.whenStable();
  }

  it('says the line is simulated when the carrier has no browser audio', async () => {
    TestBed.inject(HttpTestingController).expectOne(VOICE_TOKEN_URL).flush({ carrier: 'simulated' });
    await settle();

    expect(text('softphone-line')).toBe('Línea simulada');
    expect(byTestId('softphone-line')?.getAttribute('data-status')).toBe('simulated');
  });

  it('shows why the browser audio is down and tries again on request', async () => {
    const backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne(VOICE_TOKEN_URL)
      .flush(
        { code: 'conflict', message: 'Browser audio is not configured' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(text('softphone-line')).toContain('El audio del navegador no está configurado en el servidor.');

    (byTestId('softphone-line-retry') as HTMLButtonElement).click();
    backend.expectOne(VOICE_TOKEN_URL).flush({ carrier: 'simulated' });
    await settle();
    expect(text('softphone-line')).toBe('Línea simulada');
  });
});
