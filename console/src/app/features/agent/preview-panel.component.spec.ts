import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import {
  ComplianceError,
  ErrorCode,
  PREVIEW_SKIP_REASONS,
  type AgentStateView,
  type ScriptPushed,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { callView, previewView } from './call-view.factory';
import { FakeAgentSocket } from './fake-agent-socket.factory';
import { PreviewPanelComponent } from './preview-panel.component';
import { PreviewStore } from './preview.store';
import { ScriptStore } from './script.store';
import { SoftphoneStore } from './softphone.store';
import { WrapUpStore } from './wrap-up.store';

const PREVIEW = previewView({
  callId: 'call-5',
  accountId: 'acc-5',
  balanceMinor: 98_765_432,
  currency: 'COP',
});

function stateView(patch: Partial<AgentStateView> = {}): AgentStateView {
  return {
    agentId: 'ag-1',
    teamId: 'tm-1',
    state: 'preview',
    since: new Date().toISOString(),
    breakReason: null,
    callId: 'call-5',
    campaignId: 'cmp-1',
    ...patch,
  };
}

function script(callId: string): Omit<ScriptPushed, 'seq'> {
  return {
    callId,
    versionId: 'ver-1',
    pushedAt: new Date().toISOString(),
    script: {
      scriptId: 'scr-1',
      version: 1,
      name: 'Cobranza',
      locale: 'es-CO',
      startStepId: 'saludo',
      missingFields: [],
      steps: [
        {
          id: 'saludo',
          title: 'Saludo',
          required: false,
          body: [{ kind: 'text', value: 'Buenos días' }],
          question: null,
          next: null,
          actions: [{ type: 'set_disposition', code: 'rpc' }],
          missingFields: [],
        },
      ],
    },
  };
}

describe(PreviewPanelComponent.name, () => {
  let socket: FakeAgentSocket;
  let fixture: ComponentFixture<PreviewPanelComponent>;
  let softphone: SoftphoneStore;

  beforeEach(async () => {
    // The language chosen in a test is remembered in localStorage; drafts live in sessionStorage.
    localStorage.clear();
    sessionStorage.clear();
    socket = new FakeAgentSocket();
    socket.autoAnswer = { ok: true };
    TestBed.configureTestingModule({
      imports: [PreviewPanelComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    softphone = TestBed.inject(SoftphoneStore);
    TestBed.inject(ScriptStore);
    softphone.connect();
    fixture = TestBed.createComponent(PreviewPanelComponent);
    await fixture.whenStable();
  });

  function byTestId(id: string): HTMLElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`);
  }

  function text(id: string): string {
    return byTestId(id)?.textContent?.trim() ?? '';
  }

  function disabled(id: string): boolean {
    return (byTestId(id) as HTMLButtonElement).disabled;
  }

  async function serverSends(apply: () => void): Promise<void> {
    apply();
    await fixture.whenStable();
  }

  async function offered(): Promise<void> {
    await serverSends(() => {
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'available', callId: null, campaignId: null }),
        call: null,
        script: null,
        preview: null,
      });
      socket.emit('agent.state-changed', stateView());
      socket.emit('preview.offered', PREVIEW);
      socket.emit('script.pushed', script('call-5'));
    });
  }

  function skipReason(): Promise<MatSelectHarness> {
    return TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="preview-skip-reason"]' }),
    );
  }

  it('shows the previewed account, its money to the cent, and its script before anything rings', async () => {
    await offered();

    expect(text('preview-debtor')).toBe('María López');
    expect(text('preview-account')).toBe('100234');
    expect(byTestId('preview-account')?.getAttribute('href')).toBe('/accounts/acc-5');
    expect(text('preview-phone')).toBe('+525512345678');
    expect(text('preview-balance')).toBe('987.654,32\u00a0COP');
    expect(text('preview-days-past-due')).toBe('47');
    expect(text('preview-campaign')).toBe('Tarjetas temprana');
    expect(text('script-step-title')).toBe('Saludo');
    // The script's disposition waits in the wrap-up draft of the call to come.
    expect(TestBed.inject(WrapUpStore).draft().dispositionCode).toBe('RPC');
    expect(softphone.canGoAvailable()).toBe(false);
    expect(softphone.canTakeBreak()).toBe(false);
  });

  it('shows the script of the previewed account after a call that was wrapped up', async () => {
    await serverSends(() => {
      socket.emit('agent.snapshot', {
        state: stateView({ state: 'wrap_up', callId: 'call-4' }),
        call: callView({ callId: 'call-4' }),
        script: script('call-4'),
        preview: null,
      });
      socket.emit('agent.state-changed', stateView({ state: 'available', callId: null }));
    });
    expect(softphone.activeCall()?.callId).toBe('call-4');

    await serverSends(() => {
      socket.emit('agent.state-changed', stateView());
      socket.emit('preview.offered', PREVIEW);
      socket.emit('script.pushed', script('call-5'));
    });

    expect(text('preview-debtor')).toBe('María López');
    expect(text('script-step-title')).toBe('Saludo');
    expect(TestBed.inject(PreviewStore).workItem()?.callId).toBe('call-5');
  });

  it('dials the account, shows it ringing, and gives way to the call that connects', async () => {
    await offered();

    (byTestId('preview-dial') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(socket.sent.at(-1)).toEqual({ event: 'preview.dial-requested', payload: { callId: 'call-5' } });

    await serverSends(() => socket.emit('agent.state-changed', stateView({ state: 'reserved' })));
    expect(text('preview-dialling')).toBe('Llamando…');
    expect(byTestId('preview-dial')).toBeNull();
    expect(text('script-step-title')).toBe('Saludo');

    await serverSends(() => {
      socket.emit('agent.state-changed', stateView({ state: 'on_call' }));
      socket.emit('call.connected', callView({ callId: 'call-5' }));
    });
    expect(byTestId('preview-panel')).toBeNull();
    expect(TestBed.inject(WrapUpStore).draft().dispositionCode).toBe('RPC');
  });

  it('skips only with a reason, each labelled in Spanish and English', async () => {
    await offered();
    expect(disabled('preview-skip')).toBe(true);

    const select = await skipReason();
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      'Contacto reciente',
      'Pago en curso',
      'Disputa en curso',
      'Datos erróneos',
      'No gestionable ahora',
      'Otro motivo',
    ]);
    await select.clickOptions({ text: 'Pago en curso' });
    await fixture.whenStable();
    expect(disabled('preview-skip')).toBe(false);

    (byTestId('preview-skip') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(socket.sent.at(-1)).toEqual({
      event: 'preview.skip-requested',
      payload: { callId: 'call-5', reason: 'payment_in_progress' },
    });

    await serverSends(() =>
      socket.emit('agent.state-changed', stateView({ state: 'available', callId: null })),
    );
    expect(byTestId('preview-panel')).toBeNull();

    const i18n = TestBed.inject(I18nService);
    i18n.setLocale('en');
    expect(PREVIEW_SKIP_REASONS.map((r) => i18n.label('previewSkipReason', r))).toEqual([
      'Recent contact',
      'Payment in progress',
      'Dispute in progress',
      'Wrong data',
      'Not workable now',
      'Other',
    ]);
  });

  it("names the contact gate's reason when the dial is refused", async () => {
    await offered();
    socket.autoAnswer = { ok: false, code: ErrorCode.Conflict, message: ComplianceError.OutsideWindow };

    await TestBed.inject(PreviewStore).dial();

    expect(softphone.error()).toEqual({
      headline: 'No se puede llamar a esta cuenta ahora.',
      detail: 'Fuera del horario permitido',
    });
    TestBed.inject(I18nService).setLocale('en');
    expect(softphone.error()).toEqual({
      headline: 'This account cannot be called now.',
      detail: 'Outside the allowed hours',
    });
  });

  it('brings the preview back from the snapshot after a reload', async () => {
    await serverSends(() =>
      socket.emit('agent.snapshot', {
        state: stateView(),
        call: null,
        script: script('call-5'),
        preview: PREVIEW,
      }),
    );

    expect(text('preview-debtor')).toBe('María López');
    expect(text('script-step-title')).toBe('Saludo');
    expect(disabled('preview-dial')).toBe(false);
  });

  it('says how the dial ended when nobody answered', async () => {
    await offered();
    await TestBed.inject(PreviewStore).dial();
    await serverSends(() => {
      socket.emit('agent.state-changed', stateView({ state: 'reserved' }));
      socket.emit('agent.state-changed', stateView({ state: 'available', callId: null }));
      socket.emit('call.ended', {
        callId: 'call-5',
        endedBy: 'debtor',
        talkSeconds: 0,
        endedAt: new Date().toISOString(),
        outcome: 'no_answer',
      });
    });

    expect(byTestId('preview-panel')).toBeNull();
    expect(TestBed.inject(PreviewStore).dialOutcome()).toEqual({ callId: 'call-5', outcome: 'no_answer' });
  });

  it('waits for the line to dial or skip', async () => {
    await offered();
    await serverSends(() => socket.status.set('connecting'));

    expect(disabled('preview-dial')).toBe(true);
    expect(disabled('preview-skip')).toBe(true);
  });
});
