import type { WidgetAgreementView, WidgetSnapshot } from '@recupera/shared';
import { WidgetApi } from './widget-api.util';
import { RecuperaWidget, type WidgetSocket } from './widget-app.util';

type Handler = (payload: unknown) => void;

/** Stands in for the /widget socket: records requests, answers them, and pushes server events. */
class FakeSocket {
  connected = true;
  readonly requests: { event: string; payload: unknown }[] = [];
  readonly answers: Record<string, (payload: unknown) => unknown> = {};
  private readonly handlers = new Map<string, Handler[]>();

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  timeout(): this {
    return this;
  }

  emitWithAck(event: string, payload: unknown): Promise<unknown> {
    this.requests.push({ event, payload });
    return Promise.resolve(this.answers[event]?.(payload) ?? { ok: true });
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  push(event: string, payload: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }
}

const SNAPSHOT: WidgetSnapshot = {
  debtorName: 'Ana Pérez',
  accounts: [
    {
      accountId: '11',
      accountNumber: '4000123412341234',
      clientName: 'Banco Cordillera',
      balance: { amountMinor: 1_250_000, currency: 'MXN' },
      daysPastDue: 45,
      dueDate: '2026-10-18',
    },
  ],
  agreements: [],
  conversation: null,
};

const AGREEMENT: WidgetAgreementView = {
  id: '5',
  accountId: '11',
  status: 'active',
  total: { amountMinor: 1_000_000, currency: 'MXN' },
  downPayment: { amountMinor: 200_000, currency: 'MXN' },
  settlesInFull: true,
  installments: [
    {
      seq: 1,
      dueDate: '2026-12-15',
      amount: { amountMinor: 400_000, currency: 'MXN' },
      paid: { amountMinor: 0, currency: 'MXN' },
      status: 'pending',
    },
    {
      seq: 2,
      dueDate: '2027-01-15',
      amount: { amountMinor: 400_000, currency: 'MXN' },
      paid: { amountMinor: 0, currency: 'MXN' },
      status: 'pending',
    },
  ],
  createdAt: '2026-12-02T15:10:00.000Z',
};

function json(status: number, body: unknown): Response {
  return {
    ok: status < 400,
    status,
    statusText: '',
    text: () => Promise.resolve(JSON.stringify(body)),
  } as Response;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe(RecuperaWidget.name, () => {
  let root: ShadowRoot;
  let socket: FakeSocket;
  let calls: { url: string; init: RequestInit }[];
  let routes: Record<string, () => Response>;

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    root.querySelector<T>(`[data-testid="${id}"]`);
  const all = (id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  function start(locale: 'es' | 'en' = 'es'): RecuperaWidget {
    const host = document.createElement('div');
    document.body.append(host);
    root = host.attachShadow({ mode: 'open' });
    const fetcher = ((url: string, init: RequestInit) => {
      calls.push({ url, init });
      const route = routes[`${init.method} ${url.replace('https://recupera.test', '')}`];
      return Promise.resolve(route ? route() : json(404, { code: 'not_found' }));
    }) as unknown as typeof fetch;
    const widget = new RecuperaWidget(
      { base: 'https://recupera.test', clientCode: 'BCORD', locale, storage: window.sessionStorage, root },
      () => socket as unknown as WidgetSocket,
      new WidgetApi('https://recupera.test', 'BCORD', fetcher),
    );
    widget.start();
    return widget;
  }

  async function signIn(): Promise<void> {
    byTestId('widget-launcher')!.click();
    type('widget-account-number', '4000123412341234');
    type('widget-national-id', 'PEAA-800101');
    byTestId('widget-identify')!.click();
    await flush();
    type('widget-code', '123456');
    byTestId('widget-verify')!.click();
    await flush();
    await flush();
  }

  beforeEach(() => {
    window.sessionStorage.clear();
    document.body.replaceChildren();
    socket = new FakeSocket();
    calls = [];
    routes = {
      'POST /api/widget/BCORD/identify': () =>
        json(201, {
          challengeId: 'c'.repeat(32),
          sentTo: '+52 *** *** 4321',
          expiresAt: '2999-01-01T00:00:00Z',
        }),
      'POST /api/widget/verify': () =>
        json(200, { token: 'f'.repeat(64), expiresAt: '2999-01-01T00:00:00Z' }),
      'GET /api/widget/session': () => json(200, SNAPSHOT),
    };
  });

  it('identifies the debtor by code and shows their balance, with the token kept for a reload', async () => {
    start();
    const launcher = byTestId('widget-launcher')!;
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    await signIn();
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      accountNumber: '4000123412341234',
      nationalId: 'PEAA-800101',
    });
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ challengeId: 'c'.repeat(32), code: '123456' });
    expect((calls[2].init.headers as Record<string, string>)['authorization']).toBe(
      `Bearer ${'f'.repeat(64)}`,
    );
    expect(byTestId('widget-balance')!.textContent).toContain('12,500.00');
    expect(byTestId('widget-agreements')!.textContent).toContain('No tienes convenios abiertos.');
    expect(JSON.parse(window.sessionStorage.getItem('recupera-widget:BCORD')!).session.token).toBe(
      'f'.repeat(64),
    );
  });

  it('shows one message for an unknown account and a wrong national id', async () => {
    routes['POST /api/widget/BCORD/identify'] = () =>
      json(404, { code: 'not_found', message: 'Account not found' });
    start();
    byTestId('widget-launcher')!.click();
    type('widget-account-number', '1');
    type('widget-national-id', '2');
    byTestId('widget-identify')!.click();
    await flush();
    const error = byTestId('widget-error')!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('No encontramos una cuenta con esos datos.');
    expect(byTestId('widget-code')).toBeNull();
  });

  it('asks for an agreement, chats with the agent who joins and sees the agreement they made', async () => {
    start();
    await signIn();
    socket.answers['widget.chat-requested'] = () => ({ ok: true, conversationId: '77' });
    socket.answers['widget.send-requested'] = () => ({ ok: true, messageId: '900' });
    byTestId('widget-ask-agreement')!.click();
    await flush();
    expect(socket.requests[0]).toEqual({
      event: 'widget.chat-requested',
      payload: { accountId: '11', queue: 'convenios' },
    });
    expect(byTestId('widget-waiting')!.hidden).toBe(false);

    socket.push('widget.agent-joined', {
      conversationId: '77',
      agentName: 'Laura Gómez',
      queue: 'convenios',
    });
    expect(byTestId('widget-agent-name')!.textContent).toBe('Laura Gómez te atiende');
    socket.push('widget.typing', { typing: true });
    expect(byTestId('widget-typing')!.hidden).toBe(false);
    socket.push('widget.message', {
      id: '901',
      conversationId: '77',
      author: 'agent',
      agentName: 'Laura Gómez',
      body: 'Le propongo dos cuotas',
      media: [],
      status: 'delivered',
      at: new Date().toISOString(),
      clientRef: null,
    });
    expect(byTestId('widget-typing')!.hidden).toBe(true);

    type('widget-message-input', 'De acuerdo');
    byTestId('widget-send')!.click();
    await flush();
    const sent = socket.requests.find((r) => r.event === 'widget.send-requested')!;
    expect(sent.payload).toMatchObject({ body: 'De acuerdo' });
    expect(
      all('widget-message').map((m) => [m.dataset['author'], m.querySelector('.text')!.textContent]),
    ).toEqual([
      ['agent', 'Le propongo dos cuotas'],
      ['debtor', 'De acuerdo'],
    ]);

    expect(all('widget-agreement')).toHaveLength(0);
    socket.push('widget.agreement', AGREEMENT);
    const agreements = all('widget-agreement');
    expect(agreements).toHaveLength(1);
    expect(agreements[0].querySelectorAll('[data-testid="widget-installment"]')).toHaveLength(2);

    socket.push('widget.closed', { conversationId: '77' });
    expect(byTestId('widget-chat-ended')!.hidden).toBe(false);
    expect(byTestId('widget-message-input')!.closest('form')!.hidden).toBe(true);
  });

  it('leaves the chat and goes back to the accounts', async () => {
    start();
    await signIn();
    socket.answers['widget.chat-requested'] = () => ({ ok: true, conversationId: '77' });
    byTestId('widget-ask-agent')!.click();
    await flush();
    expect(socket.requests[0].payload).toEqual({ accountId: '11', queue: 'cobranza' });
    byTestId('widget-leave')!.click();
    await flush();
    expect(socket.requests.map((r) => r.event)).toContain('widget.leave-requested');
    expect(byTestId('widget-ask-agent')).not.toBeNull();
  });

  it('resumes the session after a reload, and starts over when the server no longer knows it', async () => {
    start();
    await signIn();
    document.body.replaceChildren();
    calls = [];
    start();
    await flush();
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET https://recupera.test/api/widget/session',
    ]);
    expect(byTestId('widget-balance')).not.toBeNull();

    routes['GET /api/widget/session'] = () => json(403, { code: 'forbidden' });
    document.body.replaceChildren();
    start();
    await flush();
    expect(byTestId('widget-account-number')).not.toBeNull();
    expect(byTestId('widget-error')!.textContent).toBe('Tu sesión terminó. Identifícate de nuevo.');
    expect(JSON.parse(window.sessionStorage.getItem('recupera-widget:BCORD')!).session).toBeNull();
  });

  it('speaks English when the page asks for it', () => {
    start('en');
    expect(byTestId('widget-identify')!.textContent).toBe('Send me a code');
  });
});
