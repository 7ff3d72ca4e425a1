import {
  DEFAULT_AGREEMENT_RULES,
  DEFAULT_COMPLIANCE_PROFILES,
  DEFAULT_MX_COLLECTION_SCRIPT,
  WAIVER_LIMIT_BP,
  WEEKDAYS,
  addDays,
  defaultHolidaysOf,
  evaluateAttempt,
  minorToMajorString,
  planAgreement,
  type AuthTokens,
  type CampaignResponse,
  type DispositionSetResponse,
  type PortfolioResponse,
  type ScriptResponse,
  type ScriptVersionResponse,
  type TeamResponse,
} from '@recupera/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD } from '../support/demo-logins.constant';
import { apiCall, startServer, type ServerProcess } from '../support/server-process.util';
import { VIEWPORT, fullPageScreenshot, launchChromium, screenshotsDir } from './chromium.util';

/**
 * The agent's softphone against the real floor: the built server runs its dialer in-process on the
 * simulated carrier, so a campaign started through the API rings the agent's console for real
 * (socket.io, BullMQ, Redis, MariaDB), only with every network duration scaled down.
 */

/**
 * ×0.1: a debtor answers in 0.4–1.4 s and an unanswered line gives up after 2.5 s, so a person is
 * on the line within seconds, while they still talk for ~18 s on average — long enough that the
 * agent's hang-up, not the debtor's, ends the call.
 */
const TIME_SCALE = '0.1';
/** Where the demo bank's debtors live (jurisdiction MX): the contact window is in their local time. */
const DEBTOR_TIME_ZONE = 'America/Mexico_City';
const CALL_TIMEOUT_MS = 90_000;

/** An amount as the console shows it ("12.500,50 MXN") in minor units: every currency shown has two decimals. */
function minorOf(text: string): number {
  return Number(text.replace(/\D/g, ''));
}

/** Today in the machine's time zone, which the headless browser shares: the builder's start date. */
function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Whether the compliance gate lets the dialer call a Mexican debtor right now (07:00–22:00 local). */
function insideMexicanContactWindow(now: Date): boolean {
  const verdict = evaluateAttempt(
    {
      profile: DEFAULT_COMPLIANCE_PROFILES.MX,
      timeZone: DEBTOR_TIME_ZONE,
      holidays: defaultHolidaysOf('MX'),
      channel: 'voice',
      contactPoint: { id: 'probe', valid: true, doNotContact: false, consent: { voice: 'granted' } },
      history: [],
      legal: { lawsuitServed: false },
    },
    now,
  );
  return verdict.allowed;
}

describe('softphone in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext | null = null;
  let pageErrors: string[] = [];
  let adminToken = '';
  const runningCampaigns = new Set<string>();

  beforeAll(async () => {
    screenshotsDir();
    const started = await Promise.allSettled([
      startServer({
        seedDemo: true,
        env: { SIMULATED_CARRIER_TIME_SCALE: TIME_SCALE, SIMULATED_CARRIER_SCENARIO: 'bench-floor' },
      }).then((running) => (server = running)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    const login = await apiCall<AuthTokens>(server.url, 'POST', '/auth/login', undefined, {
      email: DEMO.admin,
      password: DEMO_PASSWORD,
    });
    adminToken = login.body.accessToken;
  }, 180_000);

  afterAll(async () => {
    // Whatever happened, nothing keeps dialling once the suite is over.
    for (const id of runningCampaigns) await pauseCampaign(id).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    context = null;
    expect(pageErrors).toEqual([]);
  });

  async function openPage(): Promise<Page> {
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(30_000);
    pageErrors = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** Signs the Equipo Norte agent in and waits for the softphone's first snapshot. */
  async function agentWorkspace(page: Page): Promise<Locator> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(DEMO.agentNorte);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/agent`);
    const softphone = page.getByTestId('softphone');
    await softphone.waitFor();
    // The line is up once the buttons are live: before the snapshot nothing can be asked for.
    await waitForEnabled(softphone.getByTestId('softphone-available'));
    return softphone;
  }

  async function waitForText(locator: Locator, text: string | RegExp, timeout?: number): Promise<void> {
    await locator.filter({ hasText: text }).first().waitFor({ timeout });
  }

  async function waitForEnabled(locator: Locator): Promise<void> {
    await locator.and(locator.page().locator(':enabled')).waitFor();
  }

  async function chip(softphone: Locator): Promise<string> {
    return (await softphone.getByTestId('softphone-state').innerText()).trim();
  }

  async function pauseCampaign(id: string): Promise<void> {
    const paused = await apiCall(server.url, 'POST', `/campaigns/${id}/pause`, adminToken);
    if (paused.status === 200) runningCampaigns.delete(id);
  }

  /** The default Mexican collection script, created and published as the admin: its published version's id. */
  async function publishDefaultScript(): Promise<string> {
    const { scriptId: _scriptId, version: _version, ...draft } = DEFAULT_MX_COLLECTION_SCRIPT;
    const created = await apiCall<ScriptResponse>(server.url, 'POST', '/scripts', adminToken, draft);
    expect(created.status).toBe(201);
    const published = await apiCall<ScriptVersionResponse>(
      server.url,
      'POST',
      `/scripts/${created.body.id}/publish`,
      adminToken,
    );
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    return published.body.id;
  }

  /** A progressive campaign on the demo bank's cards for Equipo Norte, dialling around the clock. */
  async function startNorteCampaign(scriptVersionId: string | null = null): Promise<CampaignResponse> {
    const [portfolios, teams, sets] = await Promise.all([
      apiCall<PortfolioResponse[]>(server.url, 'GET', '/portfolios', adminToken),
      apiCall<TeamResponse[]>(server.url, 'GET', '/teams', adminToken),
      apiCall<DispositionSetResponse[]>(server.url, 'GET', '/dispositions/sets', adminToken),
    ]);
    const portfolio = portfolios.body.find((p) => p.clientCode === 'BCORD');
    const team = teams.body.find((t) => t.name.startsWith('Equipo Norte'));
    expect(portfolio).toBeDefined();
    expect(team).toBeDefined();
    expect(sets.body.length).toBeGreaterThan(0);
    const created = await apiCall<CampaignResponse>(server.url, 'POST', '/campaigns', adminToken, {
      name: 'Softphone — Tarjetas Norte',
      portfolioId: portfolio!.id,
      dialMode: 'progressive',
      linesPerAgent: 2,
      teamIds: [team!.id],
      dispositionSetId: sets.body[0].id,
      abandonMessage: 'Le llamamos de Banco Cordillera; le devolveremos la llamada.',
      // The campaign's own hours never narrow the test; the debtors' legal window still applies.
      schedule: { days: [...WEEKDAYS], from: '00:00', to: '23:59' },
      scriptVersionId,
    });
    expect(created.status).toBe(201);
    const started = await apiCall<CampaignResponse>(
      server.url,
      'POST',
      `/campaigns/${created.body.id}/start`,
      adminToken,
    );
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('running');
    runningCampaigns.add(created.body.id);
    return started.body;
  }

  it('an agent goes available, takes a break with a reason and comes back with F2', async () => {
    const page = await openPage();
    const softphone = await agentWorkspace(page);
    expect(await chip(softphone)).toBe('Desconectado');
    expect(await softphone.getByTestId('softphone-hint').innerText()).toBe(
      'Ponte Disponible para recibir llamadas.',
    );
    // The shortcuts are shown on the buttons themselves.
    expect(await softphone.getByTestId('softphone-available').innerText()).toMatch(/Disponible\s*F2/);
    expect(await softphone.getByTestId('softphone-break').innerText()).toMatch(/Pausa\s*F3/);

    await softphone.getByTestId('softphone-available').click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Disponible');
    expect(await softphone.getByTestId('softphone-time-in-state').innerText()).toMatch(/^00:0\d$/);
    expect(await softphone.getByTestId('softphone-available').isDisabled()).toBe(true);
    // The timer runs on its own, without any event from the server.
    await waitForText(softphone.getByTestId('softphone-time-in-state'), /^00:0[2-9]$/);

    await softphone.getByTestId('softphone-break-reason').click();
    await page.getByRole('option', { name: 'Almuerzo' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await softphone.getByTestId('softphone-break').click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Pausa');
    expect(await softphone.getByTestId('softphone-hint').innerText()).toBe('En pausa: Almuerzo.');
    expect(await softphone.getByTestId('softphone-time-in-state').innerText()).toMatch(/^00:0[01]$/);

    await page.keyboard.press('F2');
    await waitForText(softphone.getByTestId('softphone-state'), 'Disponible');
    // The state is pushed before the request's answer; until that answer the softphone takes no
    // other request, so the next key waits for the buttons to come back.
    await waitForEnabled(softphone.getByTestId('softphone-break'));
    await page.keyboard.press('F3');
    await waitForText(softphone.getByTestId('softphone-state'), 'Pausa');
    expect(await softphone.getByTestId('softphone-hint').innerText()).toBe('En pausa: Almuerzo.');

    await page.getByTestId('locale-en').click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Break');
    expect(await softphone.getByTestId('softphone-hint').innerText()).toBe('On break: Lunch.');
    expect(await softphone.getByTestId('softphone-available').innerText()).toMatch(/Available\s*F2/);
    await page.getByTestId('locale-es').click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Pausa');
  });

  it("a supervisor sees an agent's state change on the floor within a second of the agent's action", async () => {
    const page = await openPage();
    const softphone = await agentWorkspace(page);
    const floorContext = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    try {
      const floor = await floorContext.newPage();
      floor.on('pageerror', (error) => pageErrors.push(error.message));
      await floor.goto(`${server.url}/login`);
      await floor.getByTestId('login-email').fill(DEMO.supervisorNorte);
      await floor.getByTestId('login-password').fill(DEMO_PASSWORD);
      await floor.getByTestId('login-submit').click();
      await floor.waitForURL(`${server.url}/floor`);
      // Lucía Fernández is agente1, the agent this suite signs in as.
      const state = floor
        .locator('tr')
        .filter({ hasText: 'Lucía Fernández' })
        .getByTestId('floor-agent-state')
        .first();
      await state.waitFor();
      // The floor is live once the first snapshot arrived (the state column is filled in).
      await floor.getByTestId('floor-live-status').and(floor.locator('[data-status="connected"]')).waitFor();
      await state.filter({ hasNotText: 'Disponible' }).waitFor();

      const clicked = Date.now();
      await softphone.getByTestId('softphone-available').click();
      await state.filter({ hasText: 'Disponible' }).waitFor({ timeout: 1_000 });
      console.log(`floor saw the agent available ${Date.now() - clicked} ms after the click`);

      await softphone.getByTestId('softphone-break').click();
      await state.filter({ hasText: 'Pausa' }).waitFor({ timeout: 1_000 });
    } finally {
      await floorContext.close();
    }
  });

  it('a dialled call pops on the screen, the agent makes an agreement, hangs up, wraps it up as a promise and finds both on the account, which an agent of another team cannot open', async () => {
    const page = await openPage();
    const softphone = await agentWorkspace(page);
    await softphone.getByTestId('softphone-available').click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Disponible');

    const now = new Date();
    if (!insideMexicanContactWindow(now)) {
      console.warn(
        `Skipping the call part: ${now.toISOString()} is outside the Mexican contact window ` +
          `(07:00–22:00 ${DEBTOR_TIME_ZONE}), so the compliance gate lets the dialer call nobody. ` +
          'Only the state change to Disponible was checked.',
      );
      return;
    }

    const campaign = await startNorteCampaign(await publishDefaultScript());
    const call = softphone.getByTestId('softphone-call');
    await call.getByTestId('softphone-debtor').waitFor({ timeout: CALL_TIMEOUT_MS });
    await waitForText(softphone.getByTestId('softphone-state'), 'En llamada');

    const debtor = (await call.getByTestId('softphone-debtor').innerText()).trim();
    const account = call.getByTestId('softphone-account');
    const accountNumber = (await account.innerText()).trim();
    const accountHref = (await account.getAttribute('href')) ?? '';
    expect(debtor.length).toBeGreaterThan(3);
    expect(accountNumber).toMatch(/^\d+$/);
    expect(accountHref).toMatch(/^\/accounts\/[^/]+$/);
    expect(await call.getByTestId('softphone-phone').innerText()).toMatch(/^\+52\d{10}$/);
    const balanceText = await call.getByTestId('softphone-balance').innerText();
    expect(balanceText).toMatch(/^\d{1,3}(\.?\d{3})*,\d{2}\sMXN$/);
    expect(await call.getByTestId('softphone-days-past-due').innerText()).toMatch(/^[\d.]+$/);
    expect(await call.getByTestId('softphone-campaign').innerText()).toBe(campaign.name);
    expect(await call.getByTestId('softphone-call-timer').innerText()).toMatch(/^00:\d\d$/);
    expect(await call.getByTestId('softphone-hang-up').innerText()).toMatch(/Colgar\s*F4/);

    // The campaign's script, pushed with the call and filled with the debtor's data: the greeting
    // asks for the debtor by the name on the screen pop; the debtor's answer leads to the disclosure.
    const script = call.getByTestId('script-panel');
    const stepTitle = script.getByTestId('script-step-title');
    await waitForText(stepTitle, 'Saludo');
    expect(await script.getByTestId('script-step-question').innerText()).toContain(debtor);
    expect(await script.getByTestId('script-step-body').innerText()).toMatch(/^Buenos días, le habla .+\.$/);
    expect(await script.getByTestId('script-next').count()).toBe(0);
    expect(await script.getByTestId('script-back').isDisabled()).toBe(true);
    await script.getByTestId('script-answer-titular').click();
    await waitForText(stepTitle, 'Identificación y aviso (obligatorio)');
    expect(await script.getByTestId('script-step-required').innerText()).toMatch(/^obligatorio$/i);
    expect(await script.getByTestId('script-step-body').innerText()).toContain(accountNumber);
    expect(await script.getByTestId('script-trail').innerText()).toMatch(/Saludo\s*›?\s*Identificación/);
    expect(await script.getByTestId('script-disposition').innerText()).toContain('Tipificación sugerida');
    await waitForEnabled(script.getByTestId('script-next'));

    // The agreement: a fifth down today, the rest in three installments every two weeks. The
    // builder follows the call into its wrap-up, so a debtor who hangs up first changes nothing here.
    const builder = softphone.getByTestId('agreement-builder');
    const balanceMinor = minorOf(balanceText);
    const downPaymentMinor = Math.floor(balanceMinor / 5);
    const today = localDate(new Date());
    const firstDueDate = addDays(today, 14);
    await builder.getByTestId('agreement-down-payment').fill(minorToMajorString(downPaymentMinor, 'MXN'));
    await builder.getByTestId('agreement-installments').fill('3');
    await builder.getByTestId('agreement-frequency').click();
    await page.getByRole('option', { name: 'Quincenal' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await builder.getByTestId('agreement-first-due').fill(firstDueDate);

    // The preview is the shared planner's schedule, to the cent, adding up to the whole balance.
    const planned = planAgreement(
      {
        balanceMinor,
        waiverMinor: 0,
        downPaymentMinor,
        installments: 3,
        frequency: 'biweekly',
        firstDueDate,
        startDate: today,
      },
      { ...DEFAULT_AGREEMENT_RULES, waiverLimitBp: WAIVER_LIMIT_BP.agent },
    );
    if (!planned.ok) throw new Error(`the test's own plan breaks ${planned.problems.join(', ')}`);
    const schedule = builder.getByTestId('agreement-schedule');
    await waitForText(schedule, 'Cancela la deuda');
    await schedule.getByTestId('schedule-row').nth(3).waitFor();
    const previewAmounts = (await schedule.getByTestId('schedule-amount').allInnerTexts()).map(minorOf);
    expect(previewAmounts).toEqual(planned.plan.installments.map((i) => i.amountMinor));
    expect(previewAmounts.reduce((sum, amount) => sum + amount, 0)).toBe(balanceMinor);
    expect(minorOf(await schedule.getByTestId('schedule-total').innerText())).toBe(balanceMinor);
    expect(await builder.getByTestId('agreement-problems').count()).toBe(0);
    expect(await builder.getByTestId('agreement-approval-note').count()).toBe(0);

    await builder.getByTestId('agreement-create').click();
    await waitForText(builder.getByTestId('agreement-status'), 'Activo');
    const created = builder.getByTestId('agreement-created');
    expect((await created.getByTestId('schedule-amount').allInnerTexts()).map(minorOf)).toEqual(
      previewAmounts,
    );
    await fullPageScreenshot(page, 'agent-softphone-call.png');

    // Usually the agent ends the call; a debtor who talks less than it took to agree the plan ends it first.
    if ((await call.count()) > 0) await call.getByTestId('softphone-hang-up').click();
    await waitForText(softphone.getByTestId('softphone-state'), 'Cierre');
    // No new call may take the agent while the test checks the wrap-up.
    await pauseCampaign(campaign.id);
    expect(await call.count()).toBe(0);
    const wrapUp = softphone.getByTestId('softphone-wrap-up');
    expect(await wrapUp.innerText()).toContain(debtor);
    expect(await wrapUp.getByTestId('softphone-ended').innerText()).toMatch(
      /^(Colgaste|El deudor colgó) tras (\d+ min )?\d+ (s|min)\.$/,
    );
    expect(await softphone.getByTestId('softphone-available').isDisabled()).toBe(true);
    expect(await wrapUp.getByTestId('softphone-finish-wrap-up').innerText()).toMatch(/Terminar cierre\s*F9/);
    // The agreement made on the call is still shown with it.
    expect(await wrapUp.getByTestId('agreement-status').innerText()).toBe('Activo');

    // A promise disposition: the agreement is there, so no warning.
    await wrapUp.getByTestId('wrap-up-disposition').click();
    expect(await page.getByRole('group', { name: 'Promesas' }).count()).toBe(1);
    await page.getByRole('option', { name: 'Promesa de pago' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await wrapUp.getByTestId('wrap-up-promise-warning').count()).toBe(0);
    expect(await wrapUp.getByTestId('wrap-up-callback-at').count()).toBe(0);
    const notes = `Acepta 3 cuotas quincenales desde el ${firstDueDate}; paga la inicial hoy.`;
    await wrapUp.getByTestId('wrap-up-notes').fill(notes);
    expect(await wrapUp.getByTestId('wrap-up-notes-count').innerText()).toBe(`${notes.length} / 2.000`);

    // The screen pop's account opens the account page; the line, its wrap-up and its draft survive the trip.
    await wrapUp.getByRole('link', { name: accountNumber }).click();
    await page.waitForURL(`${server.url}${accountHref}`);
    await expectAgreementOnAccount(page, accountNumber, previewAmounts);
    await page.goBack();
    await page.waitForURL(`${server.url}/agent`);
    await waitForText(softphone.getByTestId('softphone-state'), 'Cierre');
    await waitForText(softphone.getByTestId('softphone-time-in-state'), /^00:0[2-9]|^00:[1-5]\d$/);
    expect(await wrapUp.getByTestId('wrap-up-disposition').innerText()).toContain('Promesa de pago');
    expect(await wrapUp.getByTestId('wrap-up-notes').inputValue()).toBe(notes);

    await page.keyboard.press('F9');
    await waitForText(softphone.getByTestId('softphone-state'), 'Disponible');
    expect(await softphone.getByTestId('softphone-error').count()).toBe(0);
    expect(await softphone.getByTestId('softphone-wrap-up').count()).toBe(0);
    expect(await softphone.getByTestId('softphone-call').count()).toBe(0);

    // The account afterwards: the agreement, and the call in the timeline with its disposition and notes.
    await page.goto(`${server.url}${accountHref}`);
    await expectAgreementOnAccount(page, accountNumber, previewAmounts);
    const interaction = page
      .getByTestId('account-timeline')
      .getByTestId('account-interaction')
      .filter({ hasText: notes });
    await interaction.waitFor();
    expect(await interaction.innerText()).toContain('Promesa de pago');

    // An agent of another team (Equipo Sur) opening the same address finds nothing: not the
    // debtor, not the balance, not the agreement.
    const outsider = await context!.browser()!.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    try {
      const other = await outsider.newPage();
      other.on('pageerror', (error) => pageErrors.push(error.message));
      await other.goto(`${server.url}/login`);
      await other.getByTestId('login-email').fill(DEMO.agentSur);
      await other.getByTestId('login-password').fill(DEMO_PASSWORD);
      await other.getByTestId('login-submit').click();
      await other.waitForURL(`${server.url}/agent`);
      await other.goto(`${server.url}${accountHref}`);
      await other.getByTestId('account-not-found').waitFor();
      expect(await other.getByTestId('account-balance').count()).toBe(0);
      expect(await other.getByTestId('account-agreements').count()).toBe(0);
      expect(await other.locator('body').innerText()).not.toContain(accountNumber);
    } finally {
      await outsider.close();
    }
  });

  /** The account page shows the agreement made on the call first, active, with the planned schedule. */
  async function expectAgreementOnAccount(
    page: Page,
    accountNumber: string,
    amounts: number[],
  ): Promise<void> {
    const detail = page.getByTestId('account-detail');
    await detail.getByTestId('account-balance').waitFor();
    expect(await detail.locator('h1').innerText()).toContain(accountNumber);
    const agreement = detail.getByTestId('account-agreements').getByTestId('account-agreement').first();
    await agreement.waitFor();
    expect(await agreement.locator('mat-expansion-panel-header').innerText()).toContain('Activo');
    const rows = agreement.locator('tr.mat-mdc-row');
    await rows.nth(amounts.length - 1).waitFor();
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => (tr.querySelectorAll('td')[2]?.textContent ?? '').trim()),
    );
    expect(shown.map(minorOf)).toEqual(amounts);
  }
});
