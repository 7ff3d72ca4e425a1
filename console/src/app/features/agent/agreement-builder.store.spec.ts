import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  AgreementError,
  ErrorCode,
  type AgentStateView,
  type AgreementResponse,
  type AuthTokens,
  type CallView,
  type CreateAgreementRequest,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { AgreementBuilderStore } from './agreement-builder.store';
import { callView } from './call-view.factory';
import { FakeAgentSocket } from './fake-agent-socket.factory';
import { SoftphoneStore } from './softphone.store';

// Midday UTC: the same calendar day in every time zone the test may run in.
const NOW = Date.parse('2026-03-09T12:00:00Z');
const CALL: CallView = callView({ connectedAt: new Date(NOW).toISOString() });
const URL = '/api/accounts/acc-1/agreements';

function stateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'on_call',
    since: new Date(NOW).toISOString(),
    breakReason: null,
    callId: 'call-1',
    campaignId: 'cmp-1',
    ...patch,
  };
}

function agreement(patch: Partial<AgreementResponse> = {}): AgreementResponse {
  return {
    id: 'agr-1',
    accountId: 'acc-1',
    accountNumber: '100234',
    status: 'active',
    currency: 'MXN',
    totalMinor: 1_250_050,
    downPaymentMinor: 250_050,
    waiverMinor: 0,
    settlesInFull: true,
    installments: [
      { seq: 0, dueDate: '2026-03-09', amountMinor: 250_050 },
      { seq: 1, dueDate: '2026-04-09', amountMinor: 333_333 },
      { seq: 2, dueDate: '2026-05-09', amountMinor: 333_333 },
      { seq: 3, dueDate: '2026-06-09', amountMinor: 333_334 },
    ],
    agentId: 'ag-1',
    teamId: 'tm-1',
    createdAt: new Date(NOW).toISOString(),
    approvedBy: null,
    approvedAt: null,
    ...patch,
  };
}

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

describe(AgreementBuilderStore.name, () => {
  let socket: FakeAgentSocket;
  let backend: HttpTestingController;
  let store: AgreementBuilderStore;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    localStorage.clear();
    // Drafts are kept per call in the tab's storage: each test starts without them.
    sessionStorage.clear();
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    const tokens: AuthTokens = {
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
    TestBed.inject(AuthStore).setSession(tokens);
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SoftphoneStore).connect();
    store = TestBed.inject(AgreementBuilderStore);
    socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null });
    socket.emit('call.connected', CALL);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('previews three monthly installments of the whole balance that add up to it exactly', () => {
    const plan = store.preview().plan;

    expect(store.today()).toBe('2026-03-09');
    expect(plan?.installments).toEqual([
      { seq: 1, dueDate: '2026-04-09', amountMinor: 416_683 },
      { seq: 2, dueDate: '2026-05-09', amountMinor: 416_683 },
      { seq: 3, dueDate: '2026-06-09', amountMinor: 416_684 },
    ]);
    expect(plan?.totalMinor).toBe(CALL.balanceMinor);
    expect(plan?.settlesInFull).toBe(true);
    expect(store.preview().problems).toEqual([]);
    expect(store.canCreate()).toBe(true);
  });

  it('recomputes the schedule as the agent types, to the cent', () => {
    store.patch({ downPayment: '2500.50' });
    expect(store.preview().plan?.installments.map((i) => [i.seq, i.dueDate, i.amountMinor])).toEqual([
      [0, '2026-03-09', 250_050],
      [1, '2026-04-09', 333_333],
      [2, '2026-05-09', 333_333],
      [3, '2026-06-09', 333_334],
    ]);

    store.patch({ installments: '7', frequency: 'biweekly', firstDueDate: '2026-03-16', waiver: '0.07' });
    const plan = store.preview().plan;
    expect(plan?.installments).toHaveLength(8);
    expect(plan?.installments.map((i) => i.dueDate).slice(1, 4)).toEqual([
      '2026-03-16',
      '2026-03-30',
      '2026-04-13',
    ]);
    expect(plan?.totalMinor).toBe(CALL.balanceMinor - 7);
    expect(plan?.settlesInFull).toBe(true);
    expect(sum(plan?.installments.map((i) => i.amountMinor) ?? [])).toBe(CALL.balanceMinor - 7);
    // 999 993 over 7: six of 142 856 and the remainder on the last.
    expect(plan?.installments.at(-1)?.amountMinor).toBe(142_857);
  });

  it("notes that a waiver beyond the agent's 10 % needs their supervisor", () => {
    store.patch({ waiver: '1250.05' });
    expect(store.needsApproval()).toBe(false);

    store.patch({ waiver: '1250.06' });
    expect(store.needsApproval()).toBe(true);
    expect(store.waiverLimit()).toBe('10\u00a0%');
    // Still a plan the agent may propose: it waits for approval once created.
    expect(store.canCreate()).toBe(true);
  });

  it('says which rules the draft breaks, in Spanish and in English', () => {
    store.patch({ installments: '0', firstDueDate: '2026-06-01', downPayment: '12500.50' });
    expect(store.preview()).toEqual({
      plan: null,
      problems: [
        'La cuota inicial debe ser menor que el total del convenio.',
        'El número de cuotas debe estar entre 1 y 24.',
        'La primera cuota debe vencer entre hoy y dentro de 60 días.',
      ],
    });
    expect(store.canCreate()).toBe(false);

    TestBed.inject(I18nService).setLocale('en');
    expect(store.preview().problems).toEqual([
      'The down payment must be less than the agreement’s total.',
      'The number of installments must be between 1 and 24.',
      'The first installment must fall due between today and 60 days from now.',
    ]);

    store.patch({ installments: '3', firstDueDate: '2026-04-09', downPayment: 'mil', waiver: '20000' });
    expect(store.preview().problems).toEqual(['The down payment is not a valid amount.']);
    store.patch({ downPayment: '' });
    expect(store.preview().problems).toEqual([
      'The waiver must be less than the balance.',
      'The total cannot exceed the balance less the waiver.',
      'The down payment must be less than the agreement’s total.',
    ]);
  });

  it('creates the agreement on the call and shows its status', async () => {
    store.patch({ downPayment: '2500.50' });

    const creating = store.create();
    expect(store.saving()).toBe(true);
    expect(store.canCreate()).toBe(false);
    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual<CreateAgreementRequest>({
      waiverMinor: 0,
      downPaymentMinor: 250_050,
      installments: 3,
      frequency: 'monthly',
      firstDueDate: '2026-04-09',
      interactionId: 'call-1',
    });
    request.flush(agreement(), { status: 201, statusText: 'Created' });
    await creating;

    expect(store.saving()).toBe(false);
    expect(store.created()?.status).toBe('active');
    expect(store.agreementMade()).toBe(true);
    expect(store.canCreate()).toBe(false);
  });

  it('follows the supervisor decision on an agreement that waited for approval', async () => {
    store.patch({ waiver: '2000' });
    const creating = store.create();
    backend.expectOne(URL).flush(agreement({ status: 'pending_approval', waiverMinor: 200_000 }));
    await creating;
    expect(store.created()?.status).toBe('pending_approval');

    socket.emit('agreement.decided', agreement({ id: 'agr-other', status: 'rejected' }));
    expect(store.created()?.status).toBe('pending_approval');

    socket.emit('agreement.decided', agreement({ status: 'rejected', approvedBy: 'sup-1' }));
    expect(store.created()?.status).toBe('rejected');

    // Another plan may be proposed on the call; the call still counts as having had an agreement.
    store.proposeAnother();
    expect(store.created()).toBeNull();
    expect(store.draft().waiver).toBe('2000');
    expect(store.agreementMade()).toBe(true);
  });

  it("shows the rules the server found broken and keeps the agent's draft", async () => {
    store.patch({ downPayment: '100' });
    const creating = store.create();
    backend.expectOne(URL).flush(
      {
        code: ErrorCode.ValidationFailed,
        message: 'The plan breaks 1 rule(s): total_out_of_range',
        details: { problems: [AgreementError.TotalOutOfRange] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await creating;

    expect(store.preview().problems).toEqual(['El total no puede superar el saldo menos la condonación.']);
    expect(store.error()).toBeNull();
    expect(store.draft().downPayment).toBe('100');
    expect(store.created()).toBeNull();
    expect(store.agreementMade()).toBe(false);

    // Editing the draft is trying again: the server's verdict was about the previous one.
    store.patch({ downPayment: '200' });
    expect(store.preview().problems).toEqual([]);
  });

  it('says so when the account no longer takes an agreement', async () => {
    const creating = store.create();
    backend
      .expectOne(URL)
      .flush(
        { code: ErrorCode.Conflict, message: 'An account that is in_agreement cannot take a new agreement' },
        { status: 409, statusText: 'Conflict' },
      );
    await creating;

    expect(store.error()).toBe('La cuenta ya no admite un convenio nuevo (puede que ya tenga uno).');
    expect(store.canCreate()).toBe(true);
  });

  it('keeps the agreement through the wrap-up and starts afresh with the next call', async () => {
    store.patch({ downPayment: '2500.50' });
    const creating = store.create();
    backend.expectOne(URL).flush(agreement());
    await creating;

    socket.emit('call.ended', {
      callId: 'call-1',
      endedBy: 'agent',
      talkSeconds: 60,
      endedAt: new Date().toISOString(),
    });
    socket.emit('agent.state-changed', stateView({ state: 'wrap_up' }));
    expect(store.subject()?.interactionId).toBe('call-1');
    expect(store.created()?.id).toBe('agr-1');

    socket.emit('agent.state-changed', stateView({ state: 'available', callId: null }));
    socket.emit('call.connected', callView({ callId: 'call-2', balanceMinor: 90_000 }));
    expect(store.created()).toBeNull();
    expect(store.agreementMade()).toBe(false);
    expect(store.draft().downPayment).toBe('');
    expect(store.preview().plan?.totalMinor).toBe(90_000);
  });

  /** A reload of the page: new stores, the tab's storage kept, the server's snapshot of the call. */
  function reload(state: AgentStateView, call: CallView | null): void {
    backend.verify();
    TestBed.resetTestingModule();
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SoftphoneStore).connect();
    store = TestBed.inject(AgreementBuilderStore);
    socket.emit('agent.snapshot', { state, call, script: null, preview: null });
  }

  it('brings back the draft after a reload of the same call', () => {
    store.patch({ downPayment: '2500.50', installments: '5', frequency: 'biweekly', waiver: '10' });

    reload(stateView(), CALL);

    expect(store.draft()).toEqual({
      downPayment: '2500.50',
      installments: '5',
      frequency: 'biweekly',
      firstDueDate: '2026-04-09',
      waiver: '10',
    });
    expect(store.today()).toBe('2026-03-09');
  });

  it('remembers the agreement made on the call after a reload in its wrap-up', async () => {
    const creating = store.create();
    backend.expectOne(URL).flush(agreement());
    await creating;

    reload(stateView({ state: 'wrap_up' }), CALL);

    expect(store.created()?.id).toBe('agr-1');
    expect(store.agreementMade()).toBe(true);
    expect(store.canCreate()).toBe(false);
  });

  it('starts afresh when the snapshot shows another call', () => {
    store.patch({ downPayment: '2500.50' });

    reload(stateView({ callId: 'call-2' }), callView({ callId: 'call-2' }));
    expect(store.draft().downPayment).toBe('');
    reload(stateView(), CALL);
    expect(store.draft().downPayment).toBe('');
  });

  it('creates nothing while the line is down', async () => {
    socket.status.set('disconnected');
    expect(store.canCreate()).toBe(false);
    await store.create();
    backend.expectNone(URL);

    socket.status.set('connected');
    expect(store.canCreate()).toBe(true);
  });
});
