import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AgentStateView, AuthTokens, ChatMessageView, ConversationDetail } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { AgentSocketService } from '../../core/realtime/agent-socket.service';
import { AgreementBuilderStore } from '../agent/agreement-builder.store';
import { FakeAgentSocket } from '../agent/fake-agent-socket.factory';
import { ChatWorkspaceComponent } from './chat-workspace.component';

const NOW = Date.parse('2026-03-09T16:00:00Z');

const TOKENS: AuthTokens = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 900,
  user: {
    id: 'ag-1',
    email: 'ag@recupera.test',
    fullName: 'Ana Pérez',
    role: 'agent',
    teamId: 'tm-1',
    locale: 'es',
  },
};

const STATE: AgentStateView = {
  agentId: 'ag-1',
  teamId: 'tm-1',
  state: 'available',
  since: new Date(NOW).toISOString(),
  breakReason: null,
  callId: null,
  campaignId: null,
};

function message(patch: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    id: 'm-1',
    conversationId: 'cv-1',
    author: 'debtor',
    agentName: null,
    body: 'Hola',
    media: [],
    status: 'received',
    at: new Date(NOW).toISOString(),
    clientRef: null,
    ...patch,
  };
}

function chat(patch: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: 'cv-1',
    channel: 'webchat',
    status: 'assigned',
    queue: 'cobranza',
    address: 'widget-abc',
    account: {
      accountId: 'acc-1',
      accountNumber: '100234',
      debtorName: 'María López',
      balance: { amountMinor: 1_250_000, currency: 'COP' },
      daysPastDue: 47,
    },
    agentId: 'ag-1',
    agentName: 'Ana Pérez',
    interactionId: 'int-1',
    openedAt: new Date(NOW).toISOString(),
    lastMessageAt: null,
    freeFormUntil: null,
    messages: [message()],
    dispositions: [],
    ...patch,
  };
}

describe(ChatWorkspaceComponent.name, () => {
  let socket: FakeAgentSocket;
  let fixture: ComponentFixture<ChatWorkspaceComponent>;

  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    socket = new FakeAgentSocket();
    socket.autoAnswer = { ok: true };
    TestBed.configureTestingModule({
      imports: [ChatWorkspaceComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AgentSocketService, useValue: socket },
      ],
    });
    TestBed.inject(AuthStore).setSession(TOKENS);
    fixture = TestBed.createComponent(ChatWorkspaceComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) => [...root().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const one = (id: string) => all(id)[0];

  async function server(apply: () => void): Promise<void> {
    apply();
    await fixture.whenStable();
  }

  it('shows a tab per chat with its unread count, and the focused chat with its messages', async () => {
    await server(() =>
      socket.emit('agent.snapshot', {
        state: STATE,
        call: null,
        script: null,
        preview: null,
        chats: [
          chat(),
          chat({ id: 'cv-2', account: null, address: '+573001112233', channel: 'sms', messages: [] }),
        ],
        chatOffer: null,
      }),
    );
    expect(all('chat-tab').map((tab) => tab.dataset['conversationId'])).toEqual(['cv-1', 'cv-2']);
    expect(one('chat-panel')?.dataset['conversationId']).toBe('cv-1');
    expect(all('chat-message').map((m) => m.dataset['author'])).toEqual(['debtor']);

    await server(() =>
      socket.emit('chat.message', message({ id: 'm-2', conversationId: 'cv-2', body: '¿Hola?' })),
    );
    expect(one('chat-unread')?.textContent?.trim()).toBe('1');

    await server(() => all('chat-tab')[1]!.click());
    expect(one('chat-panel')?.dataset['conversationId']).toBe('cv-2');
    expect(all('chat-unread')).toHaveLength(0);
    // An unknown number offers the match tool.
    expect(one('chat-match')).toBeDefined();

    await server(() =>
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', ctrlKey: true, altKey: true })),
    );
    expect(one('chat-panel')?.dataset['conversationId']).toBe('cv-1');
  });

  it("builds the agreement on the focused chat's account and interaction", async () => {
    await server(() =>
      socket.emit('agent.snapshot', {
        state: STATE,
        call: null,
        script: null,
        preview: null,
        chats: [chat()],
        chatOffer: null,
      }),
    );
    await server(() => one('chat-agreement')!.click());
    expect(one('agreement-builder')?.textContent).toContain('12.500');
    const builder = fixture.debugElement.injector.get(AgreementBuilderStore);
    expect(builder.subject()?.interactionId).toBe('int-1');
    // The softphone's own builder still follows the call (none here).
    expect(TestBed.inject(AgreementBuilderStore).subject()).toBeNull();
  });

  it('shows the debtor typing and sends what the agent wrote on Enter', async () => {
    await server(() =>
      socket.emit('agent.snapshot', {
        state: STATE,
        call: null,
        script: null,
        preview: null,
        chats: [chat()],
        chatOffer: null,
      }),
    );
    await server(() => socket.emit('chat.typing', { conversationId: 'cv-1', typing: true }));
    expect(one('chat-typing')).toBeDefined();

    const input = one('chat-input') as HTMLTextAreaElement;
    input.value = 'Con gusto';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await fixture.whenStable();

    expect(socket.sent.filter((s) => s.event === 'chat.send-requested').map((s) => s.payload)).toEqual([
      expect.objectContaining({ conversationId: 'cv-1', body: 'Con gusto' }),
    ]);
    expect(all('chat-message').map((m) => m.dataset['author'])).toEqual(['debtor', 'agent']);
  });
});
