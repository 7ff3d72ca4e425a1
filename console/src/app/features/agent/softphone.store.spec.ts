import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ComplianceError,
  ErrorCode,
  type AgentStateView,
  type AuthTokens,
  type CallView,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { VoiceDeviceService } from '../../core/voice/voice-device.service';
import { readCallDraft, writeCallDraft } from './call-draft-storage.util';
import { callView } from './call-view.factory';
import { FakeAgentSocket } from './fake-agent-socket.factory';
import { SoftphoneStore } from './softphone.store';

const NOW = Date.parse('2026-03-09T16:00:00Z');

function stateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'offline',
    since: new Date(NOW).toISOString(),
    breakReason: null,
    callId: null,
    campaignId: null,
    ...patch,
  };
}

const CALL: CallView = callView({ connectedAt: new Date(NOW).toISOString() });

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
} as const;

describe(SoftphoneStore.name, () => {
  let socket: FakeAgentSocket;
  let store: SoftphoneStore;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
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
    store = TestBed.inject(SoftphoneStore);
    store.connect();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the state of the snapshot and counts the time in it every second', () => {
    expect(socket.connects).toBe(1);
    expect(store.ready()).toBe(false);
    expect(store.state()).toBe('offline');

    socket.emit('agent.snapshot', {
      state: stateView({ state: 'break', breakReason: 'lunch', since: new Date(NOW - 65_000).toISOString() }),
      call: null,
      script: null,
      preview: null,
    });

    expect(store.ready()).toBe(true);
    expect(store.state()).toBe('break');
    expect(store.breakReason()).toBe('lunch');
    expect(store.secondsInState()).toBe(65);
    jest.advanceTimersByTime(3_000);
    expect(store.secondsInState()).toBe(68);
    expect(store.canGoAvailable()).toBe(true);
    expect(store.canHangUp()).toBe(false);
  });

  it('restores a call in progress from the snapshot after a reconnection', () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'on_call', callId: 'call-1', campaignId: 'cmp-1' }),
      call: { ...CALL, connectedAt: new Date(NOW - 42_000).toISOString() },
      script: null,
      preview: null,
    });

    expect(store.call()?.debtorName).toBe('María López');
    expect(store.callSeconds()).toBe(42);
    expect(store.canHangUp()).toBe(true);
    expect(store.canGoAvailable()).toBe(false);
    expect(store.canTakeBreak()).toBe(false);
  });

  it('asks to go available and follows the state the server reports', async () => {
    socket.emit('agent.snapshot', { state: stateView(), call: null, script: null, preview: null });

    const asked = store.goAvailable();
    expect(store.pending()).toBe('available');
    expect(store.canGoAvailable()).toBe(false);
    const request = await socket.answer({ ok: true });
    await asked;

    expect(request).toMatchObject({ event: 'agent.state-requested', payload: { state: 'available' } });
    expect(store.pending()).toBeNull();
    socket.emit('agent.state-changed', stateView({ state: 'available' }));
    expect(store.state()).toBe('available');
    expect(store.canGoAvailable()).toBe(false);
    expect(store.canTakeBreak()).toBe(true);
  });

  it('sends the chosen break reason', async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'available' }),
      call: null,
      script: null,
      preview: null,
    });

    const asked = store.takeBreak('training');
    const request = await socket.answer({ ok: true });
    await asked;

    expect(request).toMatchObject({
      event: 'agent.state-requested',
      payload: { state: 'break', breakReason: 'training' },
    });
  });

  it('takes a call, hangs it up, wraps it up and is available again', async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'available' }),
      call: null,
      script: null,
      preview: null,
    });

    socket.emit(
      'agent.state-changed',
      stateView({ state: 'on_call', callId: 'call-1', campaignId: 'cmp-1' }),
    );
    socket.emit('call.connected', CALL);
    expect(store.call()).toMatchObject(CALL);
    jest.advanceTimersByTime(5_000);
    expect(store.callSeconds()).toBe(5);

    const hangingUp = store.hangUp();
    expect(store.pending()).toBe('hang-up');
    const hangUp = await socket.answer({ ok: true });
    await hangingUp;
    expect(hangUp).toMatchObject({ event: 'call.hang-up-requested', payload: { callId: 'call-1' } });

    socket.emit('call.ended', {
      callId: 'call-1',
      endedBy: 'agent',
      talkSeconds: 5,
      endedAt: new Date().toISOString(),
    });
    socket.emit(
      'agent.state-changed',
      stateView({ state: 'wrap_up', since: new Date().toISOString(), callId: 'call-1', campaignId: 'cmp-1' }),
    );
    expect(store.call()).toBeNull();
    expect(store.lastCall()?.debtorName).toBe('María López');
    expect(store.lastEnded()).toMatchObject({ endedBy: 'agent', talkSeconds: 5 });
    expect(store.state()).toBe('wrap_up');
    expect(store.secondsInState()).toBe(0);
    expect(store.canHangUp()).toBe(false);
    expect(store.canFinishWrapUp()).toBe(true);
    // Wrap-up ends through its own button, which names the call it closes.
    expect(store.canGoAvailable()).toBe(false);

    const finishing = store.finishWrapUp({ dispositionCode: 'RPC', notes: 'Paga el viernes' });
    const finish = await socket.answer({ ok: true });
    await finishing;
    expect(finish).toEqual({
      event: 'call.wrap-up-finished',
      payload: { callId: 'call-1', dispositionCode: 'RPC', notes: 'Paga el viernes' },
      answer: expect.any(Function),
    });

    socket.emit('agent.state-changed', stateView({ state: 'available', since: new Date().toISOString() }));
    expect(store.state()).toBe('available');
    expect(store.canFinishWrapUp()).toBe(false);
  });

  it('closes the screen pop when the state leaves the call even if call.ended was lost', () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'available' }),
      call: null,
      script: null,
      preview: null,
    });
    socket.emit('call.connected', CALL);

    socket.emit(
      'agent.state-changed',
      stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
    );

    expect(store.call()).toBeNull();
    expect(store.lastCall()?.callId).toBe('call-1');
    expect(store.canFinishWrapUp()).toBe(true);
  });

  it("shows a refused request's message and lets the agent try again", async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'available' }),
      call: null,
      script: null,
      preview: null,
    });

    const asked = store.takeBreak('rest');
    await socket.answer({
      ok: false,
      code: ErrorCode.Conflict,
      message: 'You cannot go break while on_call',
    });
    await asked;

    expect(store.error()).toEqual({
      headline: 'La acción no es posible en tu estado actual.',
      detail: 'You cannot go break while on_call',
    });
    expect(store.pending()).toBeNull();
    expect(store.canTakeBreak()).toBe(true);

    store.dismissError();
    expect(store.error()).toBeNull();
  });

  it('clears the last refusal when the next request goes out', async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'offline' }),
      call: null,
      script: null,
      preview: null,
    });
    const first = store.goAvailable();
    await socket.answer({ ok: false, code: ErrorCode.ServiceUnavailable, message: 'Not connected' });
    await first;
    expect(store.error()?.headline).toBe('No hay conexión con la central telefónica. Intenta de nuevo.');

    const second = store.goAvailable();
    expect(store.error()).toBeNull();
    await socket.answer({ ok: true });
    await second;
    expect(store.error()).toBeNull();
  });

  it('puts a call in wrap-up from the snapshot in the wrap-up panel, not on the line', () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
      call: CALL,
      script: null,
      preview: null,
    });

    expect(store.call()).toBeNull();
    expect(store.lastCall()).toEqual(CALL);
    expect(store.activeCall()).toEqual(CALL);
    expect(store.canHangUp()).toBe(false);
    expect(store.canFinishWrapUp()).toBe(true);
  });

  it("says which wrap-up rule the server's refusal names, in the agent's language", async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
      call: null,
      script: null,
      preview: null,
    });

    const finishing = store.finishWrapUp({ dispositionCode: 'PTP' });
    await socket.answer({ ok: false, code: ErrorCode.ValidationFailed, message: 'agreement_required' });
    await finishing;

    expect(store.error()).toEqual({
      headline: 'Algunos datos no son válidos.',
      detail: 'Una promesa de pago necesita el convenio creado en esta llamada.',
    });
    expect(store.state()).toBe('wrap_up');
    expect(store.canFinishWrapUp()).toBe(true);
  });

  it('counts on the server clock when the browser clock runs ahead', () => {
    // The server says the change happened 30 s "before" the browser's now: its clock is behind.
    socket.emit(
      'agent.state-changed',
      stateView({ state: 'available', since: new Date(NOW - 30_000).toISOString() }),
    );
    expect(store.secondsInState()).toBe(0);
    jest.advanceTimersByTime(2_000);
    expect(store.secondsInState()).toBe(2);
  });

  it('asks for nothing while the line is down', async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'offline' }),
      call: null,
      script: null,
      preview: null,
    });
    socket.status.set('connecting');

    expect(store.canGoAvailable()).toBe(false);
    await store.goAvailable();
    expect(socket.requests).toHaveLength(0);
  });

  function onCall(call: CallView = CALL): void {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'available' }),
      call: null,
      script: null,
      preview: null,
    });
    socket.emit(
      'agent.state-changed',
      stateView({ state: 'on_call', callId: call.callId, campaignId: 'cmp-1' }),
    );
    socket.emit('call.connected', call);
  }

  it('follows the switches the server reports for the call on the line', async () => {
    onCall();
    expect(store.controls()).toEqual({ held: false, muted: false, transfer: 'none' });
    expect(store.canHold()).toBe(true);
    expect(store.canTransfer()).toBe(true);

    const holding = store.toggleHold();
    expect(store.pending()).toBe('hold');
    const hold = await socket.answer({ ok: true });
    await holding;
    expect(hold).toMatchObject({ event: 'call.hold-requested', payload: { callId: 'call-1', on: true } });

    socket.emit('call.controls-changed', {
      callId: 'call-1',
      held: true,
      muted: false,
      transfer: 'requested',
    });
    expect(store.controls()).toEqual({ held: true, muted: false, transfer: 'requested' });
    expect(store.canTransfer()).toBe(false);
    // Another call's switches are not this one's.
    socket.emit('call.controls-changed', { callId: 'call-9', held: false, muted: true, transfer: 'none' });
    expect(store.controls().muted).toBe(false);

    socket.emit('call.controls-changed', { callId: 'call-1', held: false, muted: false, transfer: 'taken' });
    expect(store.canHold()).toBe(false);
    expect(store.canMute()).toBe(false);
    expect(store.canTransfer()).toBe(false);
  });

  it('mutes the microphone at once and puts it back as the server has it when the mute is refused', async () => {
    const voice = TestBed.inject(VoiceDeviceService);
    const mute = jest.spyOn(voice, 'mute');
    onCall();
    mute.mockClear();

    const muting = store.toggleMute();
    expect(mute).toHaveBeenLastCalledWith(true);
    const request = await socket.answer({
      ok: false,
      code: ErrorCode.Conflict,
      message: 'This call is not on your line',
    });
    await muting;
    expect(request).toMatchObject({ event: 'call.mute-requested', payload: { callId: 'call-1', on: true } });
    expect(mute).toHaveBeenLastCalledWith(false);

    socket.emit('call.controls-changed', { callId: 'call-1', held: false, muted: true, transfer: 'none' });
    expect(mute).toHaveBeenLastCalledWith(true);
  });

  it('answers the conference call only while available or reserved', () => {
    const voice = TestBed.inject(VoiceDeviceService);
    const policy = (voice as unknown as { answerPolicy: () => boolean }).answerPolicy;
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'break' }),
      call: null,
      script: null,
      preview: null,
    });
    expect(policy()).toBe(false);
    socket.emit('agent.state-changed', stateView({ state: 'available' }));
    expect(policy()).toBe(true);
    socket.emit('agent.state-changed', stateView({ state: 'reserved', callId: 'call-1' }));
    expect(policy()).toBe(true);
  });

  it("counts the campaign's wrap-up limit down from the state's start, then past it", () => {
    onCall(callView({ connectedAt: new Date(NOW).toISOString(), wrapUpLimitSeconds: 60 }));
    socket.emit('call.ended', {
      callId: 'call-1',
      endedBy: 'debtor',
      talkSeconds: 30,
      endedAt: new Date().toISOString(),
    });
    socket.emit(
      'agent.state-changed',
      stateView({ state: 'wrap_up', callId: 'call-1', since: new Date().toISOString() }),
    );

    expect(store.wrapUpCountdown()).toEqual({ seconds: 60, overdue: false });
    jest.advanceTimersByTime(45_000);
    expect(store.wrapUpCountdown()).toEqual({ seconds: 15, overdue: false });
    jest.advanceTimersByTime(20_000);
    expect(store.wrapUpCountdown()).toEqual({ seconds: 5, overdue: true });
  });

  it('closes a wrap-up the campaign expired, even before the state change arrives', () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
      call: { ...CALL, wrapUpLimitSeconds: 60 },
      script: null,
      preview: null,
    });
    writeCallDraft('wrapUp', 'call-1', {
      dispositionCode: 'RPC',
      notes: 'x',
      callbackAt: '',
      assignTo: 'me',
    });

    socket.emit('call.wrap-up-expired', { callId: 'call-1', limitSeconds: 60 });

    expect(store.wrapUpOpen()).toBe(false);
    expect(store.canFinishWrapUp()).toBe(false);
    expect(store.activeCall()).toBeNull();
    expect(store.wrapUpExpiredNotice()).toMatchObject({ callId: 'call-1', limitSeconds: 60 });
    expect(readCallDraft('wrapUp', 'call-1')).toBeNull();

    socket.emit('agent.state-changed', stateView({ state: 'available' }));
    store.dismissWrapUpExpired();
    expect(store.wrapUpExpiredNotice()).toBeNull();
  });

  it("keeps only the drafts of the snapshot's call", () => {
    writeCallDraft('wrapUp', 'call-1', { note: 'mine' });
    writeCallDraft('agreement', 'call-1', { note: 'mine' });
    writeCallDraft('wrapUp', 'call-0', { note: 'old' });

    socket.emit('agent.snapshot', {
      state: stateView({ state: 'wrap_up', callId: 'call-1', campaignId: 'cmp-1' }),
      call: CALL,
      script: null,
      preview: null,
    });
    expect(readCallDraft('wrapUp', 'call-1')).toEqual({ note: 'mine' });
    expect(readCallDraft('agreement', 'call-1')).toEqual({ note: 'mine' });
    expect(readCallDraft('wrapUp', 'call-0')).toBeNull();

    socket.emit('agent.snapshot', {
      state: stateView({ state: 'available' }),
      call: null,
      script: null,
      preview: null,
    });
    expect(readCallDraft('wrapUp', 'call-1')).toBeNull();
    expect(readCallDraft('agreement', 'call-1')).toBeNull();
  });

  it("names the gate's reason when a dial is refused", async () => {
    socket.emit('agent.snapshot', {
      state: stateView({ state: 'preview', callId: 'call-1' }),
      call: null,
      script: null,
      preview: null,
    });

    const dialling = store.perform('preview-dial', 'preview.dial-requested', { callId: 'call-1' });
    await socket.answer({ ok: false, code: ErrorCode.Conflict, message: ComplianceError.DailyCap });

    expect(await dialling).toBe(false);
    expect(store.error()).toEqual({
      headline: 'No se puede llamar a esta cuenta ahora.',
      detail: 'Tope de intentos del día',
    });
  });

  it('forgets the line and every draft when the agent signs out', () => {
    writeCallDraft('wrapUp', 'call-1', { note: 'mine' });
    onCall();
    TestBed.inject(AuthStore).setSession(TOKENS);
    TestBed.tick();
    TestBed.inject(AuthStore).clear();
    TestBed.tick();

    expect(store.ready()).toBe(false);
    expect(store.call()).toBeNull();
    expect(readCallDraft('wrapUp', 'call-1')).toBeNull();
  });
});
