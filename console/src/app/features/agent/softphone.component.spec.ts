import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ErrorCode,
  type AckResult,
  type AgentServerToClientEvents,
  type AgentStateView,
  type CallView,
} from '@recupera/shared';
import type { SocketStatus } from '../../core/realtime/admin-socket.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { callView } from './call-view.factory';
import { SoftphoneComponent } from './softphone.component';
import { WrapUpStore } from './wrap-up.store';

type Handlers = { [E in keyof AgentServerToClientEvents]?: AgentServerToClientEvents[E] };

/** The /agent socket as the server would drive it; every request is acknowledged with `nextAck`. */
/** A server event's payload before the server numbers it. */
type Unsequenced<E extends keyof AgentServerToClientEvents> = Omit<
  Parameters<AgentServerToClientEvents[E]>[0],
  'seq'
>;

class FakeAgentSocket {
  readonly handlers: Handlers = {};
  readonly status = signal<SocketStatus>('disconnected');
  private seq = 0;
  readonly requests: { event: string; payload: unknown }[] = [];
  nextAck: AckResult = { ok: true };

  connect(): void {
    this.status.set('connected');
  }

  on<E extends keyof AgentServerToClientEvents>(event: E, handler: AgentServerToClientEvents[E]): () => void {
    (this.handlers as Record<string, unknown>)[event] = handler;
    return () => delete this.handlers[event];
  }

  request(event: string, payload: unknown): Promise<AckResult> {
    this.requests.push({ event, payload });
    return Promise.resolve(this.nextAck);
  }

  /** Plays a server event, numbered as the server numbers them (1, 2, 3…). */
  emit<E extends keyof AgentServerToClientEvents>(event: E, payload: Unsequenced<E>): void {
    this.seq += 1;
    (this.handlers[event] as (payload: unknown) => void)({ ...payload, seq: this.seq });
  }
}

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

describe(SoftphoneComponent.name, () => {
  let socket: FakeAgentSocket;
  let fixture: ComponentFixture<SoftphoneComponent>;

  beforeEach(async () => {
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      imports: [SoftphoneComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
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
      socket.emit('agent.snapshot', { state: stateView({ state: 'offline' }), call: null, script: null }),
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
      socket.emit('agent.snapshot', { state: stateView({ state: 'offline' }), call: null, script: null }),
    );

    const f2 = await press('F2');
    expect(f2.defaultPrevented).toBe(true);
    expect(socket.requests).toEqual([{ event: 'agent.state-requested', payload: { state: 'available' } }]);

    await serverSends(() => socket.emit('agent.state-changed', stateView({ state: 'available' })));
    expect(text('softphone-state')).toBe('Disponible');
    await press('F3');
    expect(socket.requests[1]).toEqual({
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
      socket.emit('agent.snapshot', { state: stateView({ state: 'offline' }), call: null, script: null }),
    );

    const event = await press('F2', { ctrlKey: true });

    expect(event.defaultPrevented).toBe(false);
    expect(socket.requests).toEqual([]);
  });

  it('pops the call on screen, hangs up with F4 and finishes the wrap-up with F9', async () => {
    await serverSends(() => {
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null });
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
    expect(socket.requests).toEqual([{ event: 'call.hang-up-requested', payload: { callId: 'call-7' } }]);

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
    expect(socket.requests).toHaveLength(1);
    expect(text('wrap-up-problems')).toBe('Elige una tipificación.');

    TestBed.inject(WrapUpStore).patch({ dispositionCode: 'RPC' });
    await press('F9');
    expect(socket.requests[1]).toEqual({
      event: 'call.wrap-up-finished',
      payload: { callId: 'call-7', dispositionCode: 'RPC' },
    });
  });

  it('builds the agreement on the call and asks a callback disposition for its time', async () => {
    await serverSends(() => {
      socket.emit('agent.snapshot', { state: stateView(), call: null, script: null });
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
    expect(socket.requests).toEqual([]);
    expect(byTestId('wrap-up-promise-confirm')).not.toBeNull();
  });

  it('shows why the server refused a request', async () => {
    await serverSends(() => socket.emit('agent.snapshot', { state: stateView(), call: null, script: null }));
    socket.nextAck = { ok: false, code: ErrorCode.Conflict, message: 'You cannot go break while on_call' };

    (byTestId('softphone-break') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(text('softphone-error')).toContain('La acción no es posible en tu estado actual.');
    expect(text('softphone-error')).toContain('You cannot go break while on_call');
  });
});
