import { addDays, type AuthTokens, type SimulatedOutboxMessage } from '@recupera/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Connection } from 'mysql2/promise';
import { DEMO, DEMO_PASSWORD } from '../support/demo-logins.constant';
import { apiCall, connectDatabase, startServer, type ServerProcess } from '../support/server-process.util';
import { VIEWPORT, launchChromium, screenshotsDir } from './chromium.util';

/**
 * Web chat end to end: a debtor on the demo creditor's page (the embeddable widget, served with the
 * console) talks to an agent in the console through the real server, socket.io, Redis and MariaDB,
 * on the simulated carrier that "texts" the one-time code to the debtor's mobile.
 */

/** A demo account of Banco Cordillera's Equipo Norte whose debtor can identify in the widget. */
interface WidgetDebtor {
  accountId: string;
  accountNumber: string;
  nationalId: string;
  mobile: string;
  balanceMinor: number;
}

/** An amount as shown ("12.500,50 MXN") in minor units: every currency shown has two decimals. */
function minorOf(text: string): number {
  return Number(text.replace(/\D/g, ''));
}

/** Today in the machine's time zone, which the headless browser shares: the builder's start date. */
function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

describe('web chat in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let db: Connection;
  let adminToken = '';
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    screenshotsDir();
    const started = await Promise.allSettled([
      startServer({ seedDemo: true }).then((running) => (server = running)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    db = await connectDatabase(server.database);
    const login = await apiCall<AuthTokens>(server.url, 'POST', '/auth/login', undefined, {
      email: DEMO.admin,
      password: DEMO_PASSWORD,
    });
    adminToken = login.body.accessToken;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await server?.stop();
  }, 60_000);

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(pageErrors).toEqual([]);
  });

  async function openPage(locale = 'es-MX'): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale });
    context.setDefaultTimeout(30_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signIn(page: Page, email: string, landing: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}${landing}`);
  }

  async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
    await locator.filter({ hasText: text }).first().waitFor();
  }

  /** One debtor with one account of Equipo Norte, a mobile the code goes to, and no agreement yet. */
  async function widgetDebtor(): Promise<WidgetDebtor> {
    const [rows] = await db.query(
      `SELECT a.id, a.account_number, d.national_id, a.balance_minor,
              (SELECT cp.value FROM contact_points cp WHERE cp.debtor_id = d.id AND cp.type = 'mobile'
                  AND cp.valid = 1 AND cp.do_not_contact = 0 ORDER BY cp.id LIMIT 1) AS mobile
         FROM accounts a
         JOIN clients c ON c.id = a.client_id AND c.code = 'BCORD'
         JOIN teams t ON t.id = a.assigned_team_id AND t.name LIKE 'Equipo Norte%'
         JOIN debtors d ON d.id = a.debtor_id
        WHERE a.status = 'active' AND a.balance_minor > 0 AND d.national_id IS NOT NULL
          AND (SELECT COUNT(*) FROM accounts o WHERE o.debtor_id = d.id) = 1
          AND NOT EXISTS (SELECT 1 FROM agreements g WHERE g.account_id = a.id)
        HAVING mobile IS NOT NULL
        ORDER BY a.id LIMIT 1`,
    );
    const [row] = rows as Record<string, string | number>[];
    expect(row).toBeDefined();
    return {
      accountId: String(row!['id']),
      accountNumber: String(row!['account_number']),
      nationalId: String(row!['national_id']),
      mobile: String(row!['mobile']),
      balanceMinor: Number(row!['balance_minor']),
    };
  }

  /** The one-time code the simulated carrier "texted" to the debtor's mobile. */
  async function codeTextedTo(mobile: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const outbox = await apiCall<SimulatedOutboxMessage[]>(
        server.url,
        'GET',
        `/simulated-carrier/outbox?to=${encodeURIComponent(mobile)}`,
        adminToken,
      );
      expect(outbox.status).toBe(200);
      const code = outbox.body.map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean);
      if (code) return code;
      if (Date.now() > deadline) throw new Error(`no code reached ${mobile}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('a debtor identifies in the widget and asks for an agent, who accepts, chats, offers a 2-installment agreement the debtor sees, and finds the chat in the account timeline', async () => {
    const debtor = await widgetDebtor();

    // The agent (Lucía Fernández, Equipo Norte) is available in the console.
    const agent = await openPage('en-US');
    await signIn(agent, DEMO.agentNorte, '/agent');
    const softphone = agent.getByTestId('softphone');
    const available = softphone.getByTestId('softphone-available');
    await available.and(agent.locator(':enabled')).waitFor();
    await available.click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Disponible');

    // The debtor on the creditor's page: account number and national id, then the texted code.
    const site = await openPage();
    await site.goto(`${server.url}/widget/demo.html`);
    await site.getByTestId('widget-launcher').click();
    await site.getByTestId('widget-account-number').fill(debtor.accountNumber);
    await site.getByTestId('widget-national-id').fill(debtor.nationalId);
    await site.getByTestId('widget-identify').click();
    await site.getByTestId('widget-code').waitFor();
    expect(await site.getByTestId('widget-code-sent').innerText()).toContain(debtor.mobile.slice(-4));
    await site.getByTestId('widget-code').fill(await codeTextedTo(debtor.mobile));
    await site.getByTestId('widget-verify').click();
    const balance = site.getByTestId('widget-balance');
    await balance.waitFor();
    expect(minorOf(await balance.innerText())).toBe(debtor.balanceMinor);
    expect(await site.getByTestId('widget-agreement').count()).toBe(0);

    await site.getByTestId('widget-ask-agent').click();
    await site.getByTestId('widget-waiting').waitFor();

    // The offer rings in the agent's workspace; accepting opens the chat beside the softphone.
    const offer = agent.getByTestId('chat-offer');
    await offer.waitFor();
    await offer.getByTestId('chat-offer-accept').click();
    const panel = agent.getByTestId('chat-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('chat-account').innerText()).toBe(debtor.accountNumber);
    expect(minorOf(await panel.getByTestId('chat-balance').innerText())).toBe(debtor.balanceMinor);
    await waitForText(site.getByTestId('widget-agent-name'), 'Lucía');
    expect(await site.getByTestId('widget-waiting').isVisible()).toBe(false);

    // Messages both ways, with the debtor's typing shown to the agent.
    await site.getByTestId('widget-message-input').pressSequentially('Buenas tardes, ', { delay: 30 });
    await panel.getByTestId('chat-typing').waitFor();
    await site.getByTestId('widget-message-input').pressSequentially('quiero pagar en dos partes.');
    await site.getByTestId('widget-send').click();
    await waitForText(
      panel.locator('[data-testid="chat-message"][data-author="debtor"]'),
      'Buenas tardes, quiero pagar en dos partes.',
    );
    const reply = 'Claro, le propongo dos cuotas mensuales sin pago inicial.';
    await panel.getByTestId('chat-input').fill(reply);
    await panel.getByTestId('chat-send').click();
    await waitForText(site.locator('[data-testid="widget-message"][data-author="agent"]'), reply);

    // The same agreement builder as on a call: no down payment, two monthly installments.
    await panel.getByTestId('chat-agreement').click();
    const builder = panel.getByTestId('agreement-builder');
    await builder.waitFor();
    await builder.getByTestId('agreement-down-payment').fill('0');
    await builder.getByTestId('agreement-installments').fill('2');
    await builder.getByTestId('agreement-first-due').fill(addDays(localDate(new Date()), 30));
    await builder.getByTestId('schedule-row').nth(1).waitFor();
    const planned = (await builder.getByTestId('schedule-amount').allInnerTexts()).map(minorOf);
    expect(planned).toHaveLength(2);
    expect(planned[0]! + planned[1]!).toBe(debtor.balanceMinor);
    await builder.getByTestId('agreement-create').click();
    await waitForText(builder.getByTestId('agreement-status'), 'Activo');

    // The debtor sees it arrive in the widget, active, with its two installments.
    const agreement = site.locator('[data-testid="widget-agreement"][data-status="active"]');
    await agreement.waitFor();
    const installments = agreement.getByTestId('widget-installment');
    const shown = await installments.evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? ''),
    );
    expect(shown.map(minorOf)).toEqual(planned);

    // The agent wraps the chat up as a promise; the debtor's window says the chat is over.
    await panel.getByTestId('chat-wrap-up').click();
    await panel.getByTestId('chat-disposition').click();
    await agent.getByRole('option', { name: 'Promesa de pago' }).click();
    await agent.getByRole('listbox').waitFor({ state: 'detached' });
    await panel.getByTestId('chat-wrap-up-submit').click();
    await panel.waitFor({ state: 'detached' });
    await site.getByTestId('widget-chat-ended').waitFor();

    // The account's timeline has the conversation, with its messages, beside the calls.
    await agent.goto(`${server.url}/accounts/${debtor.accountId}`);
    const timeline = agent.getByTestId('account-timeline');
    const chat = timeline.getByTestId('account-interaction').filter({ hasText: 'Promesa de pago' }).first();
    await chat.waitFor();
    await chat.getByTestId('account-conversation-toggle').click();
    const transcript = chat.getByTestId('conversation-transcript');
    await waitForText(transcript.getByTestId('conversation-message'), 'quiero pagar en dos partes.');
    await waitForText(transcript.getByTestId('conversation-message'), reply);
  });
});
