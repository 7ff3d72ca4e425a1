import type {
  AccountDetail,
  AccountListItem,
  AuthTokens,
  ManagerSummary,
  Page,
  TeamResponse,
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
    expect(Object.keys(tokens)).toHaveLength(6);
  });

  it('serves the OpenAPI docs and the console', async () => {
    const docs = await fetch(`${server.url}/api/docs-json`);
    expect(docs.status).toBe(200);
    expect(Object.keys(((await docs.json()) as { paths: object }).paths)).toContain('/api/imports/uploads');
    const console = await fetch(`${server.url}/agent`);
    expect(await console.text()).toContain('<rc-root');
  });

  it('gives the manager recovery for this and last month per client and goals per supervisor', async () => {
    const { body } = await apiCall<ManagerSummary>(
      server.url,
      'GET',
      '/dashboard/summary',
      tokens['manager'],
    );
    expect(body.clients.map((c) => c.clientCode).sort()).toEqual(['AGVALLE', 'BCORD']);
    expect(body.clients.find((c) => c.clientCode === 'BCORD')?.accounts).toBe(29_410);
    expect(body.clients.every((c) => c.recoveredPreviousMonthMinor > 0)).toBe(true);
    expect(body.teams).toHaveLength(2);
    expect(body.teams.every((t) => t.goalMinor !== null && t.goalMinor > 0)).toBe(true);
    expect(body.aging.length).toBeGreaterThan(0);
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
