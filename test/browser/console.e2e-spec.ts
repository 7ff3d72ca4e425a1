import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD } from '../support/demo-logins.constant';
import { PROMISES_QUEUE, type PromiseJobName } from '@recupera/shared';
import { Queue } from 'bullmq';
import { REPO_ROOT, connectDatabase, startServer, type ServerProcess } from '../support/server-process.util';
import { VIEWPORT, fullPageScreenshot, launchChromium, screenshotsDir } from './chromium.util';

/**
 * The console as people use it: Debian's Chromium (driven by playwright-core) against the built
 * server and console, on a fresh database seeded with the demo agency.
 */

const UCI_FILE = join(REPO_ROOT, '../shared/data/uci-credit-card-default.csv');
/** Equipo Norte — Tarjetas (server/src/modules/demo/demo-users.constant.ts). */
const NORTE_AGENTS = [
  'Andrés Cabrera',
  'Héctor Villalobos',
  'Jorge Salinas',
  'Lucía Fernández',
  'Marisol Ortega',
  'Paola Quintero',
  'Renata Ibarra',
  'Sergio Maldonado',
];

describe('console in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext | null = null;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    screenshotsDir();
    // Both at once, but each kept as soon as it is up, so afterAll cleans up even if the other fails.
    const started = await Promise.allSettled([
      startServer({ seedDemo: true }).then((running) => (server = running)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    context = null;
    // An uncaught exception in the console is a failure even if the page looked right.
    expect(pageErrors).toEqual([]);
  });

  /** A fresh browser profile per test: no session, no language choice left over. */
  async function openPage(): Promise<Page> {
    // An English browser, so the Spanish the console shows is its own default, not the browser's.
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', acceptDownloads: true });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(30_000);
    pageErrors = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  /** Waits until the element shows the text (translations and data arrive asynchronously). */
  async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
    await locator.filter({ hasText: text }).first().waitFor();
  }

  /** The value shown under a KPI card's label. */
  function kpiValue(root: Locator, label: string): Locator {
    return root
      .locator('rc-kpi-card')
      .filter({ has: root.page().locator('.rc-kpi__label').getByText(label, { exact: true }) })
      .locator('.rc-kpi__value');
  }

  /** Resolves once every chart canvas under `root` has stopped changing (ECharts animates in). */
  async function waitForChartsToSettle(page: Page, rootSelector: string): Promise<void> {
    await page.waitForFunction(
      (selector) => {
        const state = window as unknown as { __rcChartSnapshot?: string; __rcChartStable?: number };
        const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`));
        if (canvases.length === 0) return false;
        const snapshot = canvases.map((canvas) => canvas.toDataURL()).join('|');
        state.__rcChartStable = snapshot === state.__rcChartSnapshot ? (state.__rcChartStable ?? 0) + 1 : 0;
        state.__rcChartSnapshot = snapshot;
        return state.__rcChartStable >= 2;
      },
      rootSelector,
      { polling: 250 },
    );
  }

  it('an agent signs in (in Spanish), sees their work list and opens an account', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login(\?|$)/);
    await waitForText(page.locator('h2'), 'Iniciar sesión');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    await logIn(page, DEMO.agentNorte);
    await page.waitForURL(`${server.url}/agent`);
    const worklist = page.getByTestId('agent-worklist');
    const rows = worklist.locator('tr[data-testid^="account-row-"]');
    await rows.first().waitFor();

    expect(await page.locator('h1').innerText()).toBe('Mi cartera');
    expect(await page.getByTestId('user-name').innerText()).toBe('Lucía Fernández');
    expect(await page.getByTestId('user-role').innerText()).toBe('Agente');
    const headers = await worklist.locator('th').allTextContents();
    expect(headers.map((header) => header.trim())).toEqual([
      'Cuenta',
      'Deudor',
      'Saldo',
      'Días de mora',
      'Tramo de mora',
      'Estado',
    ]);
    expect(await page.locator('.rc-count').innerText()).toMatch(/^\d{1,3}(\.\d{3})* cuentas$/);
    expect(await rows.count()).toBe(25);

    // Every row shows an account number and a balance in pesos, formatted the Spanish way.
    const firstRows = await rows.evaluateAll((trs) =>
      trs.slice(0, 10).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.innerText.trim())),
    );
    for (const [accountNumber, debtor, balance] of firstRows) {
      expect(accountNumber).toMatch(/^\d+$/);
      expect(debtor.length).toBeGreaterThan(3);
      expect(balance).toMatch(/^\d{1,3}(\.?\d{3})*,\d{2}\sMXN$/);
    }
    await fullPageScreenshot(page, 'agent-worklist.png');

    const [accountNumber, debtor, balance] = firstRows[0];
    await rows.first().click();
    await page.waitForURL(/\/accounts\/[^/]+$/);
    const detail = page.getByTestId('account-detail');
    await detail.getByTestId('account-balance').waitFor();

    const heading = await detail.locator('h1').innerText();
    expect(heading).toContain(accountNumber);
    expect(heading).toContain(debtor);
    expect(await detail.getByTestId('account-balance').innerText()).toBe(balance);
    await waitForText(detail.locator('h2'), 'Medios de contacto');
    const contactValues = await detail.locator('td.rc-mono').allInnerTexts();
    expect(contactValues.some((value) => /^\+52\d{10}$/.test(value.trim()))).toBe(true);
  });

  it('a wrong password shows the Spanish error and stays on the sign-in page', async () => {
    const page = await openPage();
    await logIn(page, DEMO.supervisorSur, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Correo o contraseña incorrectos.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('nav').count()).toBe(0);
  });

  it('a manager sees goal attainment per supervisor, filters to a portfolio, drills into the accounts and exports XLSX', async () => {
    const page = await openPage();
    await logIn(page, DEMO.manager);
    await page.waitForURL(`${server.url}/dashboard`);
    const dashboard = page.getByTestId('recovery-dashboard');
    await dashboard.waitFor();
    expect(await dashboard.locator('h1').innerText()).toBe('Tablero de recaudo');
    // Last month (a whole one of the demo's history), Banco Cordillera, in pesos: the history reaches
    // the rollups within seconds of the seed (reload until it has), and each supervisor is measured
    // against the team's goal.
    const now = new Date();
    const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 15).toISOString().slice(0, 7);
    await page.goto(`${server.url}/dashboard?month=${lastMonth}`);
    await dashboard.waitFor();
    await page.getByTestId('recovery-filter-client').click();
    await page.getByRole('option', { name: /Banco Cordillera/ }).click();
    await page.waitForURL(/clientId=/);
    const norte = dashboard
      .getByTestId('recovery-teams-table')
      .getByTestId('recovery-team-row')
      .filter({ hasText: 'Equipo Norte' });
    const hasFigures = (text: string) => /\d+(,\d+)?\s?%/.test(text) && /[1-9][\d.]*,\d{2}\s?MXN/.test(text);
    for (let tries = 0; !hasFigures(await norte.innerText().catch(() => '')); tries++) {
      if (tries >= 45) throw new Error(`no attainment for Equipo Norte: ${await norte.innerText()}`);
      await page.waitForTimeout(2_000);
      await page.reload();
      await dashboard.waitFor();
    }
    expect(await norte.innerText()).toMatch(/MXN/);
    expect(await kpiValue(dashboard, 'Recaudado en el mes').innerText()).toMatch(/\d/);

    const charts = ['goals', 'trend', 'funnel'].map((name) =>
      dashboard.locator(`[data-testid="recovery-chart-${name}"] canvas`),
    );
    for (const chart of charts) await chart.first().waitFor();
    await waitForChartsToSettle(page, '[data-testid="recovery-dashboard"]');
    const painted = await Promise.all(
      charts.map((chart) =>
        chart.first().evaluate((canvas) => {
          const c = canvas as HTMLCanvasElement;
          const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
          let opaque = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) opaque++;
          return opaque;
        }),
      ),
    );
    for (const opaque of painted) expect(opaque).toBeGreaterThan(1000);
    await fullPageScreenshot(page, 'manager-dashboard.png', () =>
      waitForChartsToSettle(page, '[data-testid="recovery-dashboard"]'),
    );

    // One of its portfolios: the filters go to the address.
    await page.getByTestId('recovery-filter-portfolio').click();
    await page.getByRole('option', { name: /Tarjetas/ }).click();
    await page.waitForURL(/portfolioId=/);
    const portfolios = dashboard.getByTestId('recovery-sweep-portfolios');
    // The month's sweep memberships are counted with its history; reload until they are in.
    for (let tries = 0; (await portfolios.locator('tr.mat-mdc-row').count()) === 0; tries++) {
      if (tries >= 45) throw new Error(`no sweep rows: ${await dashboard.innerText()}`);
      await page.waitForTimeout(2_000);
      await page.reload();
      await dashboard.waitFor();
    }

    // Drill into the accounts behind a sweep figure.
    await portfolios.getByTestId('recovery-drill').first().click();
    const drill = page.getByTestId('recovery-drill-dialog');
    await drill.waitFor();
    await drill.getByTestId('recovery-drill-account').first().waitFor();
    expect(await drill.getByTestId('recovery-drill-account').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // The leaderboard as an Excel file.
    const download = page.waitForEvent('download');
    await dashboard.getByTestId('recovery-export-leaderboard-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await file.path();
    expect(readFileSync(saved!).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByTestId('locale-en').click();
    await waitForText(dashboard.locator('h1'), 'Recovery dashboard');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('nav-accounts').innerText()).toBe('Accounts');
    expect(await page.getByTestId('nav-audit').innerText()).toBe('Audit');
    expect(await page.getByTestId('user-role').innerText()).toBe('Manager');
    expect(await dashboard.innerText()).not.toContain('Recaudado en el mes');
  });

  it("a supervisor sees the floor with Equipo Norte's eight agents", async () => {
    const page = await openPage();
    await logIn(page, DEMO.supervisorNorte);
    await page.waitForURL(`${server.url}/floor`);
    const floor = page.getByTestId('supervisor-floor');
    const roster = floor.getByTestId('floor-roster');
    await roster.locator('tbody tr').first().waitFor();

    expect(await floor.locator('h1').innerText()).toBe('Piso');
    expect(await kpiValue(floor, 'Equipo').innerText()).toBe('Equipo Norte — Tarjetas');
    expect(await kpiValue(floor, 'Agentes').innerText()).toBe('8');
    expect(await roster.locator('tbody tr').count()).toBe(8);
    const names = await roster.locator('tbody tr td:first-child').allInnerTexts();
    expect(names.map((name) => name.trim()).sort()).toEqual(NORTE_AGENTS);
    const emails = await roster.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(emails.map((email) => email.trim()).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `agente${i + 1}@recupera.demo`),
    );
  });

  it("a cashier's payment keeps an installment, and a supervisor sees a broken agreement go back to the dialer", async () => {
    const db = await connectDatabase(server.database);
    try {
      const rows = async (sql: string, params: unknown[] = []) =>
        ((await db.query(sql, params)) as unknown as [Record<string, unknown>[]])[0];
      // Two of Equipo Norte's active agreements: the cashier pays the next installment of the first;
      // the second's next installment is made ten days overdue, unpaid, for the nightly check to break.
      const open = await rows(
        `SELECT g.id AS agreement_id, a.id AS account_id, a.account_number, a.currency,
                n.id AS installment_id, n.seq, n.amount_minor - n.paid_minor AS owed
           FROM agreements g JOIN accounts a ON a.id = g.account_id JOIN teams t ON t.id = a.assigned_team_id
           JOIN installments n ON n.agreement_id = g.id
          WHERE g.status = 'active' AND t.name = 'Equipo Norte — Tarjetas' AND n.status IN ('pending', 'partial')
            AND n.due_date = (SELECT MIN(m.due_date) FROM installments m WHERE m.agreement_id = g.id
                               AND m.status IN ('pending', 'partial'))
          ORDER BY g.id LIMIT 2`,
      );
      expect(open).toHaveLength(2);
      const [paid, broken] = open;

      const page = await openPage();
      await logIn(page, DEMO.cashier);
      await page.waitForURL(`${server.url}/payments`);
      await page.getByTestId('payment-account-number').fill(String(paid['account_number']));
      await page.getByTestId('payment-search').click();
      await page.getByTestId('payment-account').waitFor();
      // The owed amount typed in major units, the way a cashier reads it off the receipt.
      const owed = Number(paid['owed']);
      await page
        .getByTestId('payment-amount')
        .fill(`${Math.floor(owed / 100)}.${String(owed % 100).padStart(2, '0')}`);
      await page.getByTestId('payment-reference').fill(`CAJA-E2E-${String(paid['installment_id'])}`);
      await page.getByTestId('payment-submit').click();
      await waitForText(page.getByTestId('payment-result'), 'Pago aplicado');
      await waitForText(page.getByTestId('payment-allocation'), `Cuota ${String(paid['seq'])}`);
      await fullPageScreenshot(page, 'cashier-payment.png');
      const [installment] = await rows(
        'SELECT status, paid_minor, amount_minor FROM installments WHERE id = ?',
        [paid['installment_id']],
      );
      expect(installment['status']).toBe('paid');
      expect(Number(installment['paid_minor'])).toBe(Number(installment['amount_minor']));

      await db.query(
        `UPDATE installments SET due_date = DATE_SUB(CURDATE(), INTERVAL 10 DAY), paid_minor = 0, status = 'pending'
          WHERE id = ?`,
        [broken['installment_id']],
      );
      await runPromiseCheck();
      const [agreement] = await rows('SELECT status FROM agreements WHERE id = ?', [broken['agreement_id']]);
      expect(agreement['status']).toBe('broken');
      const [account] = await rows('SELECT status FROM accounts WHERE id = ?', [broken['account_id']]);
      expect(account['status']).toBe('active');

      const supervisor = await openPage();
      await logIn(supervisor, DEMO.supervisorNorte);
      await supervisor.waitForURL(`${server.url}/floor`);
      const alert = supervisor
        .getByTestId('floor-alert')
        .filter({ hasText: String(broken['account_number']) })
        .filter({ hasText: 'Acuerdo incumplido: la cuenta vuelve a la marcación.' });
      await alert.first().waitFor();
    } finally {
      await db.end();
    }
  });

  /** Runs the nightly broken-promise check now, through the server's own queue, and waits for it. */
  async function runPromiseCheck(): Promise<void> {
    const redis = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    const queue = new Queue(PROMISES_QUEUE, {
      connection: { host: redis.hostname, port: Number(redis.port || 6379) },
      prefix: server.env['QUEUE_PREFIX'],
    });
    try {
      const job = await queue.add('promises.check' satisfies PromiseJobName, {}, { removeOnComplete: false });
      for (let i = 0; i < 120; i++) {
        const state = await job.getState();
        if (state === 'completed') return;
        if (state === 'failed') throw new Error(`the promise check failed: ${job.failedReason}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error('the promise check did not finish within a minute');
    } finally {
      await queue.close();
    }
  }

  it('an admin imports the UCI file through the console and downloads the rejects', async () => {
    const page = await openPage();
    await logIn(page, DEMO.admin);
    await page.waitForURL(`${server.url}/admin/imports`);
    const imports = page.getByTestId('imports-page');
    await waitForText(imports.locator('h1'), 'Importaciones');

    await page.getByTestId('import-file-input').setInputFiles(UCI_FILE);
    await imports.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    expect(await imports.locator('[data-testid="import-preview"] th').first().innerText()).toBe('ID');

    // The UCI preset maps ID, BILL_AMT1, LIMIT_BAL and PAY_0.
    const template = imports.getByTestId('import-template');
    await template.click();
    await page.getByRole('option', { name: 'UCI default of credit card clients (Taiwan, 2005)' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await waitForText(template, 'UCI default of credit card clients (Taiwan, 2005)');
    expect(await imports.getByTestId('import-map-accountNumber').innerText()).toBe('ID');
    expect(await imports.getByTestId('import-map-balance').innerText()).toBe('BILL_AMT1');
    expect(await imports.getByTestId('import-map-originalAmount').innerText()).toBe('LIMIT_BAL');
    expect(await imports.getByTestId('import-map-monthsPastDue').innerText()).toBe('PAY_0');

    // Into the water utility's business portfolio, where every account of the file is new.
    const start = imports.getByTestId('import-start');
    expect(await start.isDisabled()).toBe(true);
    await imports.getByTestId('import-portfolio').click();
    await page
      .getByRole('group', { name: 'Aguas del Valle EP (AGVALLE)' })
      .getByRole('option', { name: 'Comercial e industrial · Tardía' })
      .click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await waitForText(imports.getByTestId('import-portfolio'), 'Comercial e industrial · Tardía');
    expect(await start.isEnabled()).toBe(true);

    await start.click();
    await imports.getByTestId('import-progress').waitFor();
    const summary = imports.getByTestId('import-summary');
    await summary.waitFor({ timeout: 150_000 });

    expect(await summary.locator('h3').innerText()).toBe('Importación completada');
    expect(await kpiValue(summary, 'Filas procesadas').innerText()).toBe('30.000');
    expect(await kpiValue(summary, 'Nuevas').innerText()).toBe('29.410');
    expect(await kpiValue(summary, 'Actualizadas').innerText()).toBe('0');
    expect(await kpiValue(summary, 'Sin cambios').innerText()).toBe('0');
    expect(await kpiValue(summary, 'Rechazadas').innerText()).toBe('590');
    expect(await imports.getByTestId('import-progress-rows').innerText()).toMatch(/30\.000.*590/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      summary.getByTestId('import-rejects-link').click(),
    ]);
    expect(download.suggestedFilename()).toBe('rechazos-uci-credit-card-default.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split(/\r?\n/).filter((line) => line !== '');
    expect(lines[0]).toBe('line,column,reason');
    expect(lines).toHaveLength(1 + 590);
    expect(lines[1]).toMatch(/^28,BILL_AMT1,/);
    expect(lines.slice(1).every((line) => /^\d+,BILL_AMT1,/.test(line))).toBe(true);
  });

  it('an agent cannot reach the admin pages', async () => {
    const page = await openPage();
    await logIn(page, DEMO.agentNorte);
    await page.waitForURL(`${server.url}/agent`);
    await page.getByTestId('agent-worklist').waitFor();
    expect(await page.getByTestId('nav-admin-imports').count()).toBe(0);

    await page.goto(`${server.url}/admin/imports`);
    // Sent back to their own home: the work list, not the import page.
    await page.waitForURL(`${server.url}/agent`);
    await page.getByTestId('agent-worklist').locator('tr[data-testid^="account-row-"]').first().waitFor();
    expect(await page.locator('h1').innerText()).toBe('Mi cartera');
    expect(await page.getByTestId('imports-page').count()).toBe(0);
    expect(await page.getByTestId('import-file-input').count()).toBe(0);
    expect(await page.getByTestId('nav-admin-imports').count()).toBe(0);
  });
});
