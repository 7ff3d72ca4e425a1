import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ErrorCode, type AuthTokens, type TeamRoster } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import {
  FakeSupervisorSocket,
  agentStateView,
  transferRequested,
  wrapUpOverdue,
} from './fake-supervisor-socket.factory';
import { FloorComponent } from './floor.component';

const TOKENS: AuthTokens = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 900,
  user: {
    id: 'sup-1',
    email: 'sup@recupera.test',
    fullName: 'Sofía',
    role: 'supervisor',
    teamId: 'tm-1',
    locale: 'es',
  },
};

const ROSTER: TeamRoster = {
  teamId: 'tm-1',
  teamName: 'Equipo Norte',
  accounts: 12,
  balance: [{ amountMinor: 1_000_000, currency: 'COP' }],
  agents: [
    {
      id: 'ag-1',
      fullName: 'Ana Pérez',
      email: 'ana@recupera.test',
      active: true,
      assignedAccounts: 6,
      lastLoginAt: null,
    },
    {
      id: 'ag-2',
      fullName: 'Luis Gómez',
      email: 'luis@recupera.test',
      active: true,
      assignedAccounts: 6,
      lastLoginAt: null,
    },
  ],
};

describe(FloorComponent.name, () => {
  let socket: FakeSupervisorSocket;
  let fixture: ComponentFixture<FloorComponent>;

  beforeEach(async () => {
    localStorage.clear();
    socket = new FakeSupervisorSocket();
    TestBed.configureTestingModule({
      imports: [FloorComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SupervisorSocketService, useValue: socket },
      ],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    fixture = TestBed.createComponent(FloorComponent);
    const backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne('/api/teams')
      .flush([
        { id: 'tm-1', name: 'Equipo Norte', supervisorId: 'sup-1', supervisorName: 'Sofía', agentCount: 2 },
      ]);
    backend.expectOne('/api/teams/tm-1/roster').flush(ROSTER);
    await fixture.whenStable();
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) => Array.from(root().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const one = (id: string) => root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function serverSends(apply: () => void): Promise<void> {
    apply();
    await fixture.whenStable();
  }

  it('opens the live floor and shows each agent’s live state in the roster', async () => {
    expect(socket.connects).toBe(1);
    expect(one('floor-live-status')?.getAttribute('data-status')).toBe('connected');
    expect(all('floor-agent-state').map(text)).toEqual(['Sin datos aún', 'Sin datos aún']);
    await serverSends(() =>
      socket.emit('agent.state-changed', agentStateView({ agentId: 'ag-2', state: 'wrap_up' })),
    );
    const states = all('floor-agent-state');
    expect(text(states[1].querySelector('rc-chip'))).toBe('Cierre');
    expect(text(states[1].querySelector('.rc-mono'))).toMatch(/^\d\d:\d\d$/);
    expect(states[1].querySelector('[data-state]')?.getAttribute('data-state')).toBe('wrap_up');
  });

  it('lists a transfer request and puts the taken call on the supervisor’s line', async () => {
    expect(text(one('floor-transfers'))).toContain('Ningún agente pide transferir una llamada.');
    await serverSends(() =>
      socket.emit('call.transfer-requested', transferRequested({ at: new Date().toISOString() })),
    );
    const request = one('floor-transfer-request');
    expect(text(request)).toContain('María López');
    expect(text(one('floor-transfer-account'))).toBe('Cuenta 100234');
    expect(text(one('floor-transfer-balance'))).toMatch(/1\.250\.000,50/);
    expect(text(one('floor-transfer-agent'))).toContain('De Ana Pérez');
    expect(text(one('floor-transfer-waiting'))).toMatch(/^\d\d:\d\d$/);

    one('floor-transfer-take')?.click();
    await fixture.whenStable();
    expect(text(one('floor-transfer-take'))).toBe('Tomando…');
    await socket.answer({ ok: true });
    await fixture.whenStable();
    expect(one('floor-transfer-request')).toBeNull();
    expect(text(one('floor-my-call'))).toContain('En tu línea');
    one('floor-transfer-hang-up')?.click();
    expect(socket.requests[0]).toMatchObject({
      event: 'call.hang-up-requested',
      payload: { callId: 'call-1' },
    });
    await socket.answer({ ok: true });
    await serverSends(() => socket.emit('call.transfer-ended', { callId: 'call-1' }));
    expect(one('floor-my-call')).toBeNull();
  });

  it('says when another supervisor took the call first', async () => {
    await serverSends(() => socket.emit('call.transfer-requested', transferRequested()));
    one('floor-transfer-take')?.click();
    await socket.answer({ ok: false, code: ErrorCode.Conflict, message: 'taken' });
    await fixture.whenStable();
    expect(one('floor-transfer-request')).toBeNull();
    expect(text(one('floor-transfer-notice'))).toContain('Otro supervisor ya tomó la llamada de Ana Pérez');
  });

  it('alerts an overdue wrap-up by the agent’s name until it is dismissed', async () => {
    expect(text(one('floor-alerts'))).toContain('Sin alertas de cierre.');
    await serverSends(() =>
      socket.emit(
        'agent.wrap-up-overdue',
        wrapUpOverdue({
          agentId: 'ag-2',
          since: new Date(Date.now() - 150_000).toISOString(),
          limitSeconds: 120,
        }),
      ),
    );
    const alert = one('floor-wrap-up-alert');
    expect(text(alert)).toContain('Luis Gómez');
    expect(text(alert)).toContain('el límite es 02:00');
    // The floor's clock ticks every second, so the overrun reads 29 or 30 s here.
    expect(text(alert)).toMatch(/\+00:(29|30)/);
    one('floor-wrap-up-alert-dismiss')?.click();
    await fixture.whenStable();
    expect(one('floor-wrap-up-alert')).toBeNull();
  });
});
