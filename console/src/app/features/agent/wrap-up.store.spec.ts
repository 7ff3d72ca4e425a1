import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ErrorCode, WRAP_UP_NOTES_MAX, type AgentStateView } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { AgreementBuilderStore } from './agreement-builder.store';
import { callView } from './call-view.factory';
import { FakeAgentSocket } from './fake-agent-socket.factory';
import { SoftphoneStore } from './softphone.store';
import { WrapUpStore } from './wrap-up.store';

const NOW = Date.parse('2026-03-09T12:00:00Z');
const HOUR_MS = 3_600_000;

function stateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'wrap_up',
    since: new Date(NOW).toISOString(),
    breakReason: null,
    callId: 'call-1',
    campaignId: 'cmp-1',
    ...patch,
  };
}

/** The value a `datetime-local` input holds for an instant, in the browser's wall time. */
function wallTime(instant: number): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe(WrapUpStore.name, () => {
  let socket: FakeAgentSocket;
  let softphone: SoftphoneStore;
  let store: WrapUpStore;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    localStorage.clear();
    // Drafts are kept per call in the tab's storage: each test starts without them.
    sessionStorage.clear();
    boot();
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'on_call' }),
      call: null,
      script: null,
      preview: null,
    });
    socket.emit('call.connected', callView());
    socket.emit('call.ended', {
      callId: 'call-1',
      endedBy: 'agent',
      talkSeconds: 90,
      endedAt: new Date().toISOString(),
    });
    socket.emit('agent.state-changed', stateView());
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  /** A console starting: a new page (the tab's storage is all that is left of the last one). */
  function boot(): void {
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    softphone = TestBed.inject(SoftphoneStore);
    softphone.connect();
    store = TestBed.inject(WrapUpStore);
  }

  function reload(): void {
    TestBed.resetTestingModule();
    boot();
  }

  /** The snapshot of a (re)connection: still wrapping up call-1, or free. */
  function snapshot(wrapping: boolean): void {
    socket.emit('agent.snapshot', {
      state: wrapping ? stateView() : stateView({ state: 'available', callId: null, campaignId: null }),
      call: wrapping ? callView() : null,
      script: null,
      preview: null,
    });
  }

  /** Asks to finish and answers the request it sends (if any) with `ok`. */
  async function finish(): Promise<unknown> {
    const finishing = store.finish();
    if (socket.requests.length === 0) {
      await finishing;
      return null;
    }
    const request = await socket.answer({ ok: true });
    await finishing;
    return request.payload;
  }

  it("offers the campaign's codes grouped by category, achievements first, in the UI language", () => {
    expect(store.groups().map((g) => g.category)).toEqual([
      'promise',
      'rpc',
      'callback',
      'refusal',
      'dispute',
      'third_party',
      'no_contact',
      'wrong_number',
      'deceased',
    ]);
    expect(store.groups()[0]).toEqual({
      category: 'promise',
      options: [{ code: 'PTP', label: 'Promesa de pago' }],
    });

    TestBed.inject(I18nService).setLocale('en');
    expect(store.groups()[0].options[0].label).toBe('Promise to pay');
  });

  it('sends nothing without a disposition and says what is missing', async () => {
    expect(store.problems()).toEqual([]);

    expect(await finish()).toBeNull();

    expect(store.problems()).toEqual(['Elige una tipificación.']);
  });

  it('sends the disposition and the notes, trimmed, and no callback when the category does not ask', async () => {
    store.patch({ dispositionCode: 'VLL', callbackAt: wallTime(NOW + 2 * HOUR_MS), assignTo: 'team' });
    store.patch({ dispositionCode: 'RPC', notes: '  Pagará al cobrar la quincena.  ' });
    expect(store.needsCallback()).toBe(false);

    expect(await finish()).toEqual({
      callId: 'call-1',
      dispositionCode: 'RPC',
      notes: 'Pagará al cobrar la quincena.',
    });
  });

  it('leaves empty notes out', async () => {
    store.patch({ dispositionCode: 'NC', notes: '   ' });

    expect(await finish()).toEqual({ callId: 'call-1', dispositionCode: 'NC' });
  });

  it('asks a callback disposition for a time within the next 30 days and who takes it', async () => {
    store.patch({ dispositionCode: 'VLL' });
    expect(store.needsCallback()).toBe(true);
    expect(await finish()).toBeNull();
    expect(store.problems()).toEqual(['Indica cuándo volver a llamar.']);

    store.patch({ callbackAt: wallTime(NOW + 31 * 24 * HOUR_MS) });
    expect(store.problems()).toEqual([
      'La rellamada debe ser en el futuro y dentro de los próximos 30 días.',
    ]);
    store.patch({ callbackAt: wallTime(NOW - HOUR_MS) });
    expect(store.problems()).toHaveLength(1);
    expect(await finish()).toBeNull();

    const at = NOW + 20 * HOUR_MS;
    store.patch({ callbackAt: wallTime(at), assignTo: 'team' });
    expect(store.problems()).toEqual([]);
    expect(await finish()).toEqual({
      callId: 'call-1',
      dispositionCode: 'VLL',
      callback: { at: new Date(at).toISOString(), assignTo: 'team' },
    });
  });

  it('offers callback times from the next minute to 30 days ahead', () => {
    expect(store.callbackBounds()).toEqual({
      min: wallTime(NOW + 60_000),
      max: wallTime(NOW + 30 * 24 * HOUR_MS),
    });
  });

  it('warns before sending a promise when no agreement was made on the call', async () => {
    store.patch({ dispositionCode: 'PTP' });
    expect(store.promiseWithoutAgreement()).toBe(true);

    expect(await finish()).toBeNull();
    expect(store.confirmingPromise()).toBe(true);

    // Choosing again starts over: the warning was about that choice.
    store.patch({ dispositionCode: 'RPC' });
    store.patch({ dispositionCode: 'PTP' });
    expect(store.confirmingPromise()).toBe(false);
    expect(await finish()).toBeNull();

    // Warned, the agent may insist (the server has the last word).
    expect(await finish()).toEqual({ callId: 'call-1', dispositionCode: 'PTP' });
  });

  it('sends a promise at once when the agreement was made on the call', async () => {
    const builder = TestBed.inject(AgreementBuilderStore);
    const creating = builder.create();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/accounts/acc-1/agreements')
      .flush({ id: 'agr-1', status: 'active', installments: [] });
    await creating;
    store.patch({ dispositionCode: 'PTP' });

    expect(store.promiseWithoutAgreement()).toBe(false);
    expect(await finish()).toEqual({ callId: 'call-1', dispositionCode: 'PTP' });
  });

  it('keeps what the agent typed when the server refuses the wrap-up, so they can fix and resend', async () => {
    store.patch({
      dispositionCode: 'VLL',
      callbackAt: wallTime(NOW + HOUR_MS),
      notes: 'Llamar a la oficina',
    });
    const finishing = store.finish();
    expect(softphone.pending()).toBe('wrap-up');
    await socket.answer({ ok: false, code: ErrorCode.ValidationFailed, message: 'callback_out_of_range' });
    await finishing;

    expect(softphone.error()).toEqual({
      headline: 'Algunos datos no son válidos.',
      detail: 'La rellamada debe ser en el futuro y dentro de los próximos 30 días.',
    });
    expect(softphone.state()).toBe('wrap_up');
    expect(store.draft()).toEqual({
      dispositionCode: 'VLL',
      callbackAt: wallTime(NOW + HOUR_MS),
      notes: 'Llamar a la oficina',
      assignTo: 'me',
    });

    store.patch({ callbackAt: wallTime(NOW + 3 * HOUR_MS) });
    const payload = await finish();
    expect(payload).toMatchObject({ dispositionCode: 'VLL', notes: 'Llamar a la oficina' });
    expect(softphone.error()).toBeNull();
  });

  it("shows the server's own words for a refusal it does not code", async () => {
    store.patch({ dispositionCode: 'RPC', notes: 'x'.repeat(WRAP_UP_NOTES_MAX) });
    const finishing = store.finish();
    await socket.answer({
      ok: false,
      code: ErrorCode.ValidationFailed,
      message: 'Invalid payload: notes must be shorter than or equal to 2000 characters',
    });
    await finishing;

    expect(softphone.error()?.detail).toBe(
      'Invalid payload: notes must be shorter than or equal to 2000 characters',
    );
    expect(store.draft().notes).toHaveLength(WRAP_UP_NOTES_MAX);
  });

  it('refuses notes beyond the limit before they are sent', async () => {
    store.patch({ dispositionCode: 'RPC', notes: 'x'.repeat(WRAP_UP_NOTES_MAX + 1) });

    expect(await finish()).toBeNull();
    expect(store.problems()).toEqual(['Las notas admiten hasta 2000 caracteres.']);
  });

  it('starts an empty form for the next call', () => {
    store.patch({ dispositionCode: 'RPC', notes: 'Nota' });
    socket.emit('agent.state-changed', stateView({ state: 'available', callId: null }));
    socket.emit('call.connected', callView({ callId: 'call-2' }));

    expect(store.draft()).toEqual({ dispositionCode: '', notes: '', callbackAt: '', assignTo: 'me' });
  });

  it('keeps what was typed through a 30-second drop of the line, and sends it once it is back', async () => {
    store.patch({ dispositionCode: 'VLL', callbackAt: wallTime(NOW + 2 * HOUR_MS), notes: 'Llamar tarde' });

    socket.status.set('disconnected');
    expect(store.canFinish()).toBe(false);
    expect(await finish()).toBeNull();
    jest.advanceTimersByTime(30_000);
    socket.status.set('connected');
    snapshot(true);

    expect(store.draft()).toEqual({
      dispositionCode: 'VLL',
      callbackAt: wallTime(NOW + 2 * HOUR_MS),
      notes: 'Llamar tarde',
      assignTo: 'me',
    });
    expect(store.canFinish()).toBe(true);
    expect(await finish()).toMatchObject({ callId: 'call-1', dispositionCode: 'VLL', notes: 'Llamar tarde' });
  });

  it('brings back what was typed after a reload, when the snapshot shows the same call in wrap-up', () => {
    store.patch({
      dispositionCode: 'VLL',
      callbackAt: wallTime(NOW + HOUR_MS),
      assignTo: 'team',
      notes: 'Nota',
    });

    reload();
    expect(store.draft()).toEqual({ dispositionCode: '', notes: '', callbackAt: '', assignTo: 'me' });
    snapshot(true);

    expect(store.draft()).toEqual({
      dispositionCode: 'VLL',
      callbackAt: wallTime(NOW + HOUR_MS),
      assignTo: 'team',
      notes: 'Nota',
    });
  });

  it('forgets the draft once the wrap-up is accepted', async () => {
    store.patch({ dispositionCode: 'RPC', notes: 'Nota' });
    await finish();

    reload();
    snapshot(true);
    expect(store.draft().notes).toBe('');
  });

  it('keeps the draft when the server refuses the wrap-up, across a reload too', async () => {
    store.patch({ dispositionCode: 'RPC', notes: 'Nota' });
    const finishing = store.finish();
    await socket.answer({ ok: false, code: ErrorCode.ValidationFailed, message: 'unknown_disposition' });
    await finishing;

    reload();
    snapshot(true);
    expect(store.draft()).toMatchObject({ dispositionCode: 'RPC', notes: 'Nota' });
  });

  it('forgets the draft when the snapshot shows the agent no longer on that call', () => {
    store.patch({ dispositionCode: 'RPC', notes: 'Nota' });

    reload();
    snapshot(false);
    reload();
    snapshot(true);

    expect(store.draft().notes).toBe('');
  });

  it('ignores a stored draft it cannot read', () => {
    sessionStorage.setItem('recupera.callDraft.wrapUp.call-1', '{"dispositionCode":1}');
    reload();
    snapshot(true);

    expect(store.draft()).toEqual({ dispositionCode: '', notes: '', callbackAt: '', assignTo: 'me' });
  });
});
