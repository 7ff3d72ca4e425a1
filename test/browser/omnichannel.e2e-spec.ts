import { randomBytes } from 'node:crypto';
import {
  DEFAULT_COMPLIANCE_PROFILES,
  addDays,
  evaluateAttempt,
  type AuthTokens,
  type SimulatedOutboxMessage,
} from '@recupera/shared';
import { getExpectedTwilioSignature } from 'twilio';
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

/** The simulated carrier signs its webhooks as Twilio does, with this suite's own token. */
const CARRIER_TOKEN = randomBytes(16).toString('hex');

/** An Etc/GMT zone where Mexico's SMS window (07:00–22:00) is open right now, or null. */
function zoneWhereSmsIsLawfulNow(now: Date): string | null {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const hour = (now.getUTCHours() + offset + 24) % 24;
    if (hour < 9 || hour > 19) continue;
    const verdict = evaluateAttempt(
      {
        profile: DEFAULT_COMPLIANCE_PROFILES.MX,
        timeZone: zone,
        holidays: new Set(),
        channel: 'sms',
        contactPoint: { id: 'probe', valid: true, doNotContact: false, consent: { sms: 'granted' } },
        history: [],
        legal: { lawsuitServed: false },
      },
      now,
    );
    if (verdict.allowed) return zone;
  }
  return null;
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
  const pageErrors: string[] = [];

  beforeAll(async () => {
    screenshotsDir();
    const started = await Promise.allSettled([
      startServer({ seedDemo: true, env: { SIMULATED_CARRIER_AUTH_TOKEN: CARRIER_TOKEN } }).then(
        (running) => (server = running),
      ),
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
    expect(pageErrors.splice(0)).toEqual([]);
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

  /**
   * One debtor with one account of Equipo Norte, a mobile the code goes to (their first, as the widget
   * picks it), and no agreement yet. Written with NOT EXISTS rather than a HAVING: that scanned the
   * whole demo for 80 s.
   */
  async function widgetDebtor(exceptAccountId = '0'): Promise<WidgetDebtor> {
    const [rows] = await db.query(
      `SELECT a.id, a.account_number, d.national_id, a.balance_minor, cp.value AS mobile
         FROM accounts a
         JOIN clients c ON c.id = a.client_id AND c.code = 'BCORD'
         JOIN teams t ON t.id = a.assigned_team_id AND t.name LIKE 'Equipo Norte%'
         JOIN debtors d ON d.id = a.debtor_id
         JOIN contact_points cp ON cp.debtor_id = d.id AND cp.type = 'mobile' AND cp.valid = 1
                               AND cp.do_not_contact = 0
        WHERE a.status = 'active' AND a.balance_minor > 0 AND d.national_id IS NOT NULL AND a.id <> ?
          AND NOT EXISTS (SELECT 1 FROM contact_points e WHERE e.debtor_id = d.id AND e.type = 'mobile'
                             AND e.valid = 1 AND e.do_not_contact = 0 AND e.id < cp.id)
          AND NOT EXISTS (SELECT 1 FROM accounts o WHERE o.debtor_id = d.id AND o.id <> a.id)
          AND NOT EXISTS (SELECT 1 FROM agreements g WHERE g.account_id = a.id)
        ORDER BY a.id LIMIT 1`,
      [exceptAccountId],
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

  /** What the simulated carrier delivered to a phone, newest first. */
  async function outbox(to: string): Promise<SimulatedOutboxMessage[]> {
    const delivered = await apiCall<SimulatedOutboxMessage[]>(
      server.url,
      'GET',
      `/simulated-carrier/outbox?to=${encodeURIComponent(to)}`,
      adminToken,
    );
    expect(delivered.status).toBe(200);
    return delivered.body;
  }

  /** Waits for a message to reach the phone, and returns what `pick` reads from it. */
  async function delivered<T>(
    to: string,
    pick: (message: SimulatedOutboxMessage) => T | undefined,
  ): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = (await outbox(to)).map(pick).find((value) => value !== undefined);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`the expected message never reached ${to}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The one-time code the simulated carrier "texted" to the debtor's mobile. */
  function codeTextedTo(mobile: string): Promise<string> {
    return delivered(mobile, (m) => /\b(\d{6})\b/.exec(m.body)?.[1]);
  }

  /** An SMS from the debtor, posted and signed the way Twilio posts it to our webhook. */
  async function smsFromDebtor(from: string, to: string, body: string): Promise<number> {
    const url = `${server.url}/api/webhooks/twilio/messages`;
    const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, From: from, To: to, Body: body };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(CARRIER_TOKEN, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    return response.status;
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

  it('an inbound SMS "BAJA" withdraws SMS consent at once: the account shows it, and the next SMS to that number is refused', async () => {
    const first = await widgetDebtor();
    const debtor = await widgetDebtor(first.accountId);
    const zone = zoneWhereSmsIsLawfulNow(new Date());
    if (!zone) {
      console.warn('Skipping: no time zone is inside the Mexican SMS window right now.');
      return;
    }
    // The debtor lives where texting is lawful right now, so only their consent can stop the SMS.
    await db.query(
      'UPDATE debtors d JOIN accounts a ON a.debtor_id = d.id SET d.time_zone = ? WHERE a.id = ?',
      [zone, debtor.accountId],
    );

    const page = await openPage();
    await signIn(page, DEMO.supervisorNorte, '/floor');
    await page.goto(`${server.url}/accounts/${debtor.accountId}`);
    const composer = page.getByTestId('account-message');
    await composer.waitFor();
    expect(await composer.getByTestId('account-message-to').innerText()).toContain(debtor.mobile);
    const reminder =
      'Banco Cordillera: le recordamos el pago de su tarjeta. Responda BAJA para no recibir más SMS.';
    await composer.getByTestId('account-message-body').fill(reminder);
    await composer.getByTestId('account-message-send').click();
    await waitForText(composer.getByTestId('account-message-sent'), debtor.mobile);
    const ourNumber = await delivered(debtor.mobile, (m) => (m.body === reminder ? m.from : undefined));

    // The debtor answers BAJA from their phone.
    expect(await smsFromDebtor(debtor.mobile, ourNumber, 'BAJA')).toBe(200);
    await delivered(debtor.mobile, (m) => (m.body.startsWith('Has sido dado de baja') ? m.body : undefined));

    await page.reload();
    const withdrawn = page.locator(
      '[data-testid="account-channel-consent"][data-channel="sms"][data-status="withdrawn"]',
    );
    await withdrawn.waitFor();
    expect(await withdrawn.innerText()).toBe('SMS: Revocado');
    const next = 'Banco Cordillera: su cuota vence mañana.';
    await composer.getByTestId('account-message-body').fill(next);
    await composer.getByTestId('account-message-send').click();
    await waitForText(composer.getByTestId('account-message-reason'), 'Autorización revocada');
    expect(await composer.getByTestId('account-message-sent').count()).toBe(0);

    // The API says why, and nothing more reached the phone; a call to the same number is still lawful.
    const [points] = await db.query('SELECT id FROM contact_points WHERE value = ? ORDER BY id LIMIT 1', [
      debtor.mobile,
    ]);
    const contactPointId = String((points as { id: number }[])[0]!.id);
    const refused = await apiCall<{ code: string; details: { reason: string } }>(
      server.url,
      'POST',
      '/messages',
      adminToken,
      { accountId: debtor.accountId, contactPointId, channel: 'sms', body: next },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.details.reason).toBe('consent_withdrawn');
    expect((await outbox(debtor.mobile)).filter((m) => m.body === next)).toHaveLength(0);
  });
});
