import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ErrorCode,
  type AgentStateView,
  type RenderedScript,
  type RenderedStep,
  type ScriptPushed,
} from '@recupera/shared';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { callView } from './call-view.factory';
import { FakeAgentSocket } from './fake-agent-socket.factory';
import { ScriptStore } from './script.store';
import { SoftphoneStore } from './softphone.store';
import { WrapUpStore } from './wrap-up.store';

function step(patch: Partial<RenderedStep> & Pick<RenderedStep, 'id'>): RenderedStep {
  return {
    title: patch.id,
    required: false,
    body: [{ kind: 'text', value: `Texto de ${patch.id}` }],
    question: null,
    next: null,
    actions: [],
    missingFields: [],
    ...patch,
  };
}

/** A greeting that branches to the debtor (a required disclosure) or a third party; both end at "cierre". */
const SCRIPT: RenderedScript = {
  scriptId: 'scr-1',
  version: 1,
  name: 'Cobranza',
  locale: 'es-MX',
  startStepId: 'saludo',
  missingFields: [],
  steps: [
    step({
      id: 'saludo',
      question: {
        prompt: [
          { kind: 'text', value: '¿Hablo con ' },
          { kind: 'field', path: 'debtor.fullName', value: 'María López', missing: false },
          { kind: 'text', value: '?' },
        ],
        answers: [
          { id: 'titular', label: [{ kind: 'text', value: 'Sí' }], next: 'identificacion' },
          { id: 'tercero', label: [{ kind: 'text', value: 'No' }], next: 'tercero' },
        ],
      },
    }),
    step({
      id: 'identificacion',
      required: true,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'rpc' }],
    }),
    step({ id: 'tercero', next: 'cierre', actions: [{ type: 'set_disposition', code: 'third_party' }] }),
    step({ id: 'cierre' }),
  ],
};

function pushed(patch: Partial<ScriptPushed> = {}): Omit<ScriptPushed, 'seq'> {
  return {
    callId: 'call-1',
    versionId: 'ver-1',
    script: SCRIPT,
    pushedAt: new Date().toISOString(),
    ...patch,
  };
}

function onCall(): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'on_call',
    since: new Date().toISOString(),
    breakReason: null,
    callId: 'call-1',
    campaignId: 'cmp-1',
  };
}

describe(ScriptStore.name, () => {
  let socket: FakeAgentSocket;
  let store: ScriptStore;
  let wrapUp: WrapUpStore;

  beforeEach(() => {
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
    TestBed.inject(SoftphoneStore).connect();
    store = TestBed.inject(ScriptStore);
    wrapUp = TestBed.inject(WrapUpStore);
    socket.emit('agent.snapshot', { state: onCall(), call: null, script: null, preview: null });
    socket.emit('call.connected', callView());
  });

  /** Answers every record the store sends, in order, and returns what was sent. */
  /** Lets the store's queue send what it has queued. */
  function settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve));
  }

  /** Answers every record the store sends, in order, and returns what was sent. */
  async function acknowledgeAll(): Promise<unknown[]> {
    const sent: unknown[] = [];
    await settle();
    for (let i = 0; i < 20 && socket.requests.length > 0; i++) {
      const request = await socket.answer({ ok: true });
      expect(request.event).toBe('script.step-recorded');
      sent.push(request.payload);
      await settle();
    }
    return sent;
  }

  function titles(): string[] {
    return store.trail().map((s) => s.id);
  }

  it('starts at the start step of the pushed script and records it as shown', async () => {
    socket.emit('script.pushed', pushed());
    expect(store.script()?.name).toBe('Cobranza');
    expect(store.current()?.id).toBe('saludo');
    expect(store.canGoBack()).toBe(false);
    expect(store.atEnd()).toBe(false);
    expect(await acknowledgeAll()).toEqual([{ callId: 'call-1', stepId: 'saludo', completed: false }]);
  });

  it('walks a branch: the answer is recorded with the step and chooses the next one', async () => {
    socket.emit('script.pushed', pushed());
    await acknowledgeAll();

    void store.answer('titular');
    expect(store.current()?.id).toBe('identificacion');
    expect(await acknowledgeAll()).toEqual([
      { callId: 'call-1', stepId: 'saludo', completed: true, answerId: 'titular' },
      { callId: 'call-1', stepId: 'identificacion', completed: false },
    ]);

    void store.next();
    expect(titles()).toEqual(['saludo', 'identificacion', 'cierre']);
    expect(store.atEnd()).toBe(true);
    expect(await acknowledgeAll()).toEqual([
      { callId: 'call-1', stepId: 'identificacion', completed: true },
      { callId: 'call-1', stepId: 'cierre', completed: false },
    ]);

    // The end goes nowhere, and an answer the step does not have is ignored.
    await store.next();
    await store.answer('titular');
    await settle();
    expect(socket.requests).toHaveLength(0);
    expect(store.current()?.id).toBe('cierre');
  });

  it('sends one record at a time, so the server appends them in order', async () => {
    socket.emit('script.pushed', pushed());
    void store.answer('titular');
    await settle();
    expect(socket.requests).toHaveLength(1);
    await acknowledgeAll();
    expect(socket.requests).toHaveLength(0);
  });

  it('goes back one step without recording, and another answer takes another branch', async () => {
    socket.emit('script.pushed', pushed());
    void store.answer('titular');
    await acknowledgeAll();

    store.back();
    expect(store.current()?.id).toBe('saludo');
    expect(store.canGoBack()).toBe(false);
    await settle();
    expect(socket.requests).toHaveLength(0);
    store.back();
    expect(store.current()?.id).toBe('saludo');

    void store.answer('tercero');
    expect(titles()).toEqual(['saludo', 'tercero']);
    expect(await acknowledgeAll()).toEqual([
      { callId: 'call-1', stepId: 'saludo', completed: true, answerId: 'tercero' },
      { callId: 'call-1', stepId: 'tercero', completed: false },
    ]);
  });

  it("preselects the step's disposition in the wrap-up, but never over the agent's own choice", async () => {
    socket.emit('script.pushed', pushed());
    void store.answer('titular');
    expect(wrapUp.draft().dispositionCode).toBe('RPC');
    expect(store.dispositions()).toEqual([{ code: 'rpc', option: expect.objectContaining({ code: 'RPC' }) }]);

    // The script changes its own suggestion when the agent takes another branch…
    store.back();
    void store.answer('tercero');
    expect(wrapUp.draft().dispositionCode).toBe('TER');

    // …but a disposition the agent picked stays.
    wrapUp.patch({ dispositionCode: 'PTP' });
    store.back();
    void store.answer('titular');
    expect(wrapUp.draft().dispositionCode).toBe('PTP');
    await acknowledgeAll();
  });

  it('says when a step could not be recorded, and forgets it once one is', async () => {
    socket.emit('script.pushed', pushed());
    await settle();
    await socket.answer({ ok: false, code: ErrorCode.Conflict, message: 'This call has no script of yours' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.recordFailed()).toBe(true);
    void store.answer('titular');
    await acknowledgeAll();
    expect(store.recordFailed()).toBe(false);
  });

  it("keeps the agent's place when a reconnection's snapshot brings back the same call's script", async () => {
    socket.emit('script.pushed', pushed());
    void store.answer('titular');
    await acknowledgeAll();

    socket.emit('agent.snapshot', { state: onCall(), call: callView(), script: pushed(), preview: null });
    expect(titles()).toEqual(['saludo', 'identificacion']);
    await settle();
    expect(socket.requests).toHaveLength(0);
  });

  it("restores a snapshot's script from its start after a reload, and drops it when the snapshot has none", async () => {
    socket.emit('agent.snapshot', { state: onCall(), call: callView(), script: pushed(), preview: null });
    expect(store.current()?.id).toBe('saludo');
    expect(await acknowledgeAll()).toEqual([{ callId: 'call-1', stepId: 'saludo', completed: false }]);

    socket.emit('agent.snapshot', {
      state: { ...onCall(), state: 'available', callId: null },
      call: null,
      script: null,
      preview: null,
    });
    expect(store.script()).toBeNull();
    expect(store.current()).toBeNull();
  });

  it('shows no script of another call than the one the agent works on', () => {
    socket.emit('script.pushed', pushed({ callId: 'call-2' }));
    expect(store.script()).toBeNull();
    expect(store.current()).toBeNull();
  });
});
