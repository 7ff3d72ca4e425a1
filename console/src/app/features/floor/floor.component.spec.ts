import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ErrorCode, type AuthTokens, type TeamRoster } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { SupervisorSocketService } from '../../core/realtime/supervisor-socket.service';
import {
  FakeSupervisorSocket,
  agentStateView,
  transferRequested,
  wrapUpOverdue,
} from './fake-supervisor-socket.factory';
import {
  floorAgent,
  floorAlert,
  floorCampaign,
  floorSnapshot,
  pendingAgreement,
} from './floor-snapshot.factory';
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
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    socket = new FakeSupervisorSocket();
    TestBed.configureTestingModule({
      imports: [FloorComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SupervisorSocketService, useValue: socket },
      ],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    fixture = TestBed.createComponent(FloorComponent);
    backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne('/api/teams')
      .flush([
        { id: 'tm-1', name: 'Equipo Norte', supervisorId: 'sup-1', supervisorName: 'Sofía', agentCount: 2 },
      ]);
    backend.expectOne('/api/teams/tm-1/roster').flush(ROSTER);
    backend.expectOne('/api/agreements?status=pending_approval').flush([]);
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
    expect(text(one('floor-alerts'))).toContain('Sin alertas en el piso.');
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

  describe('live floor', () => {
    const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
    const row = (agentId: string) =>
      root().querySelector<HTMLElement>(`[data-testid="floor-agent-row"][data-agent-id="${agentId}"]`);
    const inRow = (agentId: string, id: string) =>
      row(agentId)?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;
    const overlay = (id: string) =>
      document.querySelector<HTMLElement>(`.cdk-overlay-container [data-testid="${id}"]`);

    function snapshot() {
      return floorSnapshot({
        at: new Date().toISOString(),
        agents: [
          floorAgent({ state: { since: isoAgo(65_000) } }),
          floorAgent({
            agentId: 'ag-2',
            name: 'Luis Gómez',
            call: null,
            state: { state: 'available', callId: null, since: isoAgo(5_000) },
            today: { calls: 50, talkSeconds: 3 * 3600 + 59 * 60, promises: 0, promisedMinor: 0 },
          }),
        ],
        campaigns: [
          floorCampaign(),
          floorCampaign({
            campaignId: 'cmp-2',
            name: 'Mora avanzada',
            status: 'paused',
            abandon: { hour: 0.031, today: 0.025, days30: null },
            blockedByReason: [],
          }),
        ],
      });
    }

    async function openMenu(agentId: string): Promise<void> {
      inRow(agentId, 'floor-agent-actions')?.click();
      await fixture.whenStable();
    }

    function type(element: HTMLElement | null, value: string): void {
      const input = element as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }

    it('waits for the first snapshot, then lists every agent with their state, account and day', async () => {
      expect(one('floor-agents-waiting')).not.toBeNull();
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      expect(one('floor-agents-table')).not.toBeNull();
      expect(all('floor-agent-row').map((element) => element.getAttribute('data-agent-id'))).toEqual([
        'ag-1',
        'ag-2',
      ]);
      expect(text(inRow('ag-1', 'floor-agent-state'))).toBe('En llamada');
      expect(text(inRow('ag-1', 'floor-agent-time-in-state'))).toMatch(/^01:0[5-7]$/);
      const account = inRow('ag-1', 'floor-agent-account')?.querySelector('a');
      expect(account?.getAttribute('href')).toBe('/accounts/acc-1');
      expect(text(account ?? null)).toBe('100234');
      expect(text(inRow('ag-1', 'floor-agent-talk'))).toBe('2:05');
      expect(text(inRow('ag-1', 'floor-agent-calls'))).toBe('42');
      expect(text(inRow('ag-1', 'floor-agent-promised'))).toMatch(/1\.250\.000,50/);
      expect(text(inRow('ag-2', 'floor-agent-account'))).toBe('—');
      expect(text(inRow('ag-2', 'floor-agent-talk'))).toBe('3:59');
      // The roster shows the same live states.
      expect(all('floor-agent-state').length).toBe(4);
    });

    it('applies an agent’s state change at once, without waiting for the next snapshot', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      await serverSends(() =>
        socket.emit(
          'agent.state-changed',
          agentStateView({
            agentId: 'ag-2',
            state: 'break',
            breakReason: 'lunch',
            callId: null,
            since: new Date().toISOString(),
          }),
        ),
      );
      expect(row('ag-2')?.getAttribute('data-state')).toBe('break');
      expect(text(inRow('ag-2', 'floor-agent-state'))).toBe('Pausa · Almuerzo');
      expect(text(inRow('ag-2', 'floor-agent-time-in-state'))).toMatch(/^00:0[0-2]$/);
    });

    it('sorts by a column and filters by name or state', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      const callsHeader = Array.from(
        root().querySelectorAll<HTMLElement>('[data-testid="floor-agents-table"] th'),
      ).find((th) => text(th) === 'Llamadas');
      callsHeader?.click();
      await fixture.whenStable();
      callsHeader?.click();
      await fixture.whenStable();
      expect(all('floor-agent-row').map((element) => element.getAttribute('data-agent-id'))).toEqual([
        'ag-2',
        'ag-1',
      ]);

      type(one('floor-agents-search'), 'ana');
      await fixture.whenStable();
      expect(all('floor-agent-row').map((element) => element.getAttribute('data-agent-id'))).toEqual([
        'ag-1',
      ]);
      type(one('floor-agents-search'), 'nadie');
      await fixture.whenStable();
      expect(all('floor-agent-row')).toEqual([]);
      expect(text(one('floor-agents-no-match'))).toContain('Ningún agente coincide con el filtro.');
    });

    it('sends an agent on a break with the reason chosen', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      await openMenu('ag-2');
      overlay('floor-force-break')?.click();
      await fixture.whenStable();
      expect(text(one('floor-force-form'))).toContain('¿Enviar a Luis Gómez a pausa?');
      one('floor-force-confirm')?.click();
      await fixture.whenStable();
      expect(socket.requests[0]).toMatchObject({
        event: 'agent.force-state',
        payload: { agentId: 'ag-2', state: 'break', breakReason: 'rest' },
      });
      expect(one('floor-force-form')).toBeNull();
      await socket.answer({ ok: true });
      await fixture.whenStable();
      expect(text(one('floor-force-notice'))).toContain('Se envió a Luis Gómez a pausa.');
    });

    it('shows the server’s refusal to log out an agent on a call', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      await openMenu('ag-1');
      overlay('floor-force-logout')?.click();
      await fixture.whenStable();
      one('floor-force-confirm')?.click();
      expect(socket.requests[0].payload).toEqual({ agentId: 'ag-1', state: 'offline' });
      await socket.answer({ ok: false, code: ErrorCode.Conflict, message: 'The agent is on a call' });
      await fixture.whenStable();
      const notice = text(one('floor-force-notice'));
      expect(notice).toContain('No se pudo cerrar la sesión de Ana Pérez.');
      expect(notice).toContain('The agent is on a call');
    });

    it('shows each campaign’s pacing and abandon rates against the cap', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      const campaigns = all('floor-campaign');
      expect(campaigns.map((element) => element.getAttribute('data-campaign-id'))).toEqual([
        'cmp-1',
        'cmp-2',
      ]);
      const [running, paused] = campaigns;
      expect(text(running)).toContain('En marcha');
      expect(text(running)).toContain('Predictivo');
      expect(text(running.querySelector('[data-testid="floor-campaign-dial-level"]'))).toBe('1,5');
      expect(text(running.querySelector('[data-testid="floor-campaign-sweep"]'))).toBe('18 % / 63 %');
      expect(
        running.querySelector('[data-testid="floor-campaign-abandon"]')?.getAttribute('data-level'),
      ).toBe('ok');
      expect(text(running.querySelector('[data-testid="floor-campaign-refusals"]'))).toContain(
        'Fuera del horario permitido',
      );
      const abandon = paused.querySelector('[data-testid="floor-campaign-abandon"]');
      expect(abandon?.getAttribute('data-level')).toBe('over');
      expect(abandon?.querySelector('[data-window="hour"]')?.getAttribute('data-level')).toBe('over');
      expect(abandon?.querySelector('[data-window="today"]')?.getAttribute('data-level')).toBe('near');
      expect(abandon?.querySelector('[data-window="days30"]')?.getAttribute('data-level')).toBe('none');
      expect(paused.querySelector('[data-testid="floor-campaign-pause"]')).toBeNull();
      expect(paused.querySelector('[data-testid="floor-campaign-resume"]')).not.toBeNull();
    });

    it('pauses a campaign after the supervisor confirms', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      const running = () => all('floor-campaign')[0];
      (running().querySelector('[data-testid="floor-campaign-pause"]') as HTMLElement).click();
      await fixture.whenStable();
      backend.expectNone('/api/campaigns/cmp-1/pause');
      expect(text(running())).toContain('¿Pausar «Tarjetas temprana»?');
      (running().querySelector('[data-testid="floor-campaign-confirm"]') as HTMLElement).click();
      backend
        .expectOne({ method: 'POST', url: '/api/campaigns/cmp-1/pause' })
        .flush({ id: 'cmp-1', status: 'paused', abandonCapBp: 300, linesPerAgent: 2 });
      await fixture.whenStable();
      expect(running().getAttribute('data-status')).toBe('paused');
      expect(running().querySelector('[data-testid="floor-campaign-resume"]')).not.toBeNull();
    });

    it('edits the abandon cap within the limits', async () => {
      await serverSends(() => socket.emit('floor.snapshot', snapshot()));
      const card = () => all('floor-campaign')[0];
      const field = (id: string) => card().querySelector<HTMLElement>(`[data-testid="${id}"]`);
      expect((field('floor-campaign-cap') as HTMLInputElement).value).toBe('3');
      expect((field('floor-campaign-ratio') as HTMLInputElement).value).toBe('2');
      expect((field('floor-campaign-save') as HTMLButtonElement).disabled).toBe(true);

      type(field('floor-campaign-cap'), '4');
      await fixture.whenStable();
      expect(text(field('floor-campaign-cap-error'))).toBe('Entre 0,5 % y 3 %.');
      expect((field('floor-campaign-save') as HTMLButtonElement).disabled).toBe(true);

      type(field('floor-campaign-cap'), '2.5');
      await fixture.whenStable();
      expect(field('floor-campaign-cap-error')).toBeNull();
      field('floor-campaign-save')?.click();
      const request = backend.expectOne({ method: 'PATCH', url: '/api/campaigns/cmp-1' });
      expect(request.request.body).toEqual({ abandonCapBp: 250 });
      request.flush({ id: 'cmp-1', status: 'running', abandonCapBp: 250, linesPerAgent: 2 });
      await fixture.whenStable();
      expect(field('floor-campaign-saved')).not.toBeNull();
      expect((field('floor-campaign-cap') as HTMLInputElement).value).toBe('2.5');
    });

    it('merges the snapshot’s alerts with the wrap-up ones and links pending agreements to the approvals', async () => {
      await serverSends(() =>
        socket.emit(
          'agent.wrap-up-overdue',
          wrapUpOverdue({ agentId: 'ag-2', since: isoAgo(150_000), limitSeconds: 120 }),
        ),
      );
      await serverSends(() =>
        socket.emit('floor.snapshot', {
          ...snapshot(),
          agents: [
            floorAgent({
              agentId: 'ag-2',
              name: 'Luis Gómez',
              state: { agentId: 'ag-2', state: 'wrap_up', since: isoAgo(150_000) },
            }),
          ],
          alerts: [
            floorAlert({
              kind: 'wrap_up_long',
              subjectId: 'ag-2',
              subject: 'Luis Gómez',
              since: isoAgo(150_000),
            }),
            floorAlert({
              kind: 'abandon_near_cap',
              subjectId: 'cmp-2',
              subject: 'Mora avanzada',
              since: null,
              value: 0.031,
            }),
            floorAlert({ kind: 'agreement_pending', subjectId: 'agr-1', subject: '100234' }),
          ],
        }),
      );
      backend.expectOne('/api/agreements?status=pending_approval').flush([pendingAgreement()]);
      await fixture.whenStable();
      const alerts = all('floor-alert');
      expect(alerts.map((element) => element.getAttribute('data-kind'))).toEqual([
        'abandon_near_cap',
        'wrap_up_overdue',
        'agreement_pending',
      ]);
      expect(text(alerts[0])).toContain('Abandono de 3,1 %: alcanzó el tope de 3 %.');
      expect(text(one('floor-wrap-up-alert'))).toContain('Luis Gómez');
      expect(text(alerts[2])).toContain('Cuenta 100234');
      expect(alerts[2].querySelector('[data-testid="floor-alert-review"]')?.getAttribute('href')).toBe(
        '/#floor-approvals',
      );

      const approval = one('floor-approval');
      expect(text(approval)).toContain('Cuenta 100234');
      expect(text(approval)).toContain('Pedido por Ana Pérez');
      one('floor-approve')?.click();
      backend
        .expectOne({ method: 'POST', url: '/api/agreements/agr-1/approve' })
        .flush(pendingAgreement({ status: 'active' }));
      await fixture.whenStable();
      expect(one('floor-approval')).toBeNull();
      expect(all('floor-alert').map((element) => element.getAttribute('data-kind'))).toEqual([
        'abandon_near_cap',
        'wrap_up_overdue',
      ]);
      expect(text(one('floor-approvals'))).toContain('Se aprobó el acuerdo de la cuenta 100234.');
    });

    it('rejects a pending agreement', async () => {
      await serverSends(() => socket.emit('agreement.approval-requested', pendingAgreement()));
      one('floor-reject')?.click();
      backend
        .expectOne({ method: 'POST', url: '/api/agreements/agr-1/reject' })
        .flush(pendingAgreement({ status: 'rejected' }));
      await fixture.whenStable();
      expect(one('floor-approval')).toBeNull();
      expect(text(one('floor-approvals'))).toContain('Se rechazó el acuerdo de la cuenta 100234.');
    });
  });
});
