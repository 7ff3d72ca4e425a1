import {
  agencyDate,
  previousMonth,
  type AccountDetail,
  type AccountListItem,
  type AuthTokens,
  type DelinquencyResponse,
  type Page,
  type RecoveryDashboard,
  type TeamResponse,
} from '@recupera/shared';
import { DEMO, DEMO_PASSWORD } from '../support/demo-logins.constant';
import { apiCall, startServer, type ServerProcess } from '../support/server-process.util';

/** The whole product as `npm start` runs it: migrations, demo seed, API, docs and console. */
describe('npm start on an empty database', () => {
  let server: ServerProcess;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    for (const [role, email] of Object.entries(DEMO)) {
      const { body } = await apiCall<AuthTokens>(server.url, 'POST', '/auth/login', undefined, {
        email,
        password: DEMO_PASSWORD,
      });
      tokens[role] = body.accessToken;
    }
  }, 180_000);
  afterAll(() => server?.stop());

  it('seeds the demo agency and prints the log-ins', () => {
    expect(server.output()).toContain('Demo agency ready');
    expect(server.output()).toContain('gerente@recupera.demo');
    expect(server.output()).toContain('caja@recupera.demo');
    // Every demo log-in the README lists signs in (the cashier and the field crew too).
    expect(Object.keys(DEMO).filter((role) => !tokens[role])).toEqual([]);
  });

  it('serves the OpenAPI docs and the console', async () => {
    const docs = await fetch(`${server.url}/api/docs-json`);
    expect(docs.status).toBe(200);
    expect(Object.keys(((await docs.json()) as { paths: object }).paths)).toContain('/api/imports/uploads');
    const console = await fetch(`${server.url}/agent`);
    expect(await console.text()).toContain('<rc-root');
  });

  it('gives the manager recovery for this and last month, goals per supervisor and delinquency by aging', async () => {
    // Last month, a whole one of the demo's history (which reaches the rollups within seconds).
    const month = previousMonth(agencyDate('America/Bogota', new Date()).slice(0, 7));
    const ask = () =>
      apiCall<RecoveryDashboard>(server.url, 'GET', `/recovery?month=${month}`, tokens['manager']);
    let answer = await ask();
    for (
      let i = 0;
      i < 90 && !(answer.body.totals.recoveredMinor > 0 && answer.body.totals.previousMonthMinor > 0);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 1_000));
      answer = await ask();
    }
    const { status, body } = answer;
    expect(status).toBe(200);
    expect(body.currencies.length).toBeGreaterThan(0);
    expect(body.totals.recoveredMinor).toBeGreaterThan(0);
    expect(body.totals.previousMonthMinor).toBeGreaterThan(0);
    expect(body.teams).toHaveLength(2);
    // Each team's goal is in its own client's currency (Norte in pesos, Sur in dollars).
    const withGoal = new Set<string>();
    for (const currency of body.currencies) {
      const view = await apiCall<RecoveryDashboard>(
        server.url,
        'GET',
        `/recovery?month=${month}&currency=${currency}`,
        tokens['manager'],
      );
      for (const team of view.body.teams) if ((team.goalMinor ?? 0) > 0) withGoal.add(team.teamId);
    }
    expect([...withGoal].sort()).toEqual(body.teams.map((t) => t.teamId).sort());
    // The receivable balance by bucket is recounted by its own job, first at start-up.
    const delinquency = () =>
      apiCall<DelinquencyResponse>(server.url, 'GET', '/recovery/delinquency?by=aging', tokens['manager']);
    let aging = await delinquency();
    for (let i = 0; i < 90 && aging.body.rows.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      aging = await delinquency();
    }
    expect(aging.body.rows.length).toBeGreaterThan(0);
  });

  it("keeps each supervisor to their own team's accounts", async () => {
    const norte = await apiCall<TeamResponse[]>(server.url, 'GET', '/teams', tokens['supervisorNorte']);
    expect(norte.body).toHaveLength(1);
    const sur = await apiCall<Page<AccountListItem>>(
      server.url,
      'GET',
      '/accounts?pageSize=1',
      tokens['supervisorSur'],
    );
    const foreign = await apiCall(
      server.url,
      'GET',
      `/accounts/${sur.body.items[0].id}`,
      tokens['supervisorNorte'],
    );
    expect(foreign.status).toBe(404);
  });

  it("shows an agent their work list with history, and nobody else's accounts", async () => {
    const mine = await apiCall<Page<AccountListItem>>(server.url, 'GET', '/accounts', tokens['agentNorte']);
    expect(mine.body.total).toBeGreaterThan(1000);
    const withHistory = await Promise.all(
      mine.body.items
        .slice(0, 25)
        .map((a) => apiCall<AccountDetail>(server.url, 'GET', `/accounts/${a.id}`, tokens['agentNorte'])),
    );
    expect(withHistory.some((d) => d.body.interactions.length > 0)).toBe(true);
    expect(withHistory.every((d) => d.body.contactPoints.some((c) => c.value.startsWith('+52')))).toBe(true);
    const other = await apiCall<Page<AccountListItem>>(
      server.url,
      'GET',
      '/accounts?pageSize=1',
      tokens['agentSur'],
    );
    expect(
      (await apiCall(server.url, 'GET', `/accounts/${other.body.items[0].id}`, tokens['agentNorte'])).status,
    ).toBe(404);
  });
});
