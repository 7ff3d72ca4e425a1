import type { DelinquencyResponse, DrillResponse, RecoveryDashboard } from '@recupera/shared';
import { Workbook } from 'exceljs';
import { MetricFixtures } from '../../testing/metric-fixtures.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { RollupService } from '../metrics/rollup.service';

const ZONE = 'America/Bogota';
/** Wednesday 11 November 2026, 10:00 in Bogotá: 8 of November's 21 business days have begun. */
const NOW = new Date('2026-11-11T15:00:00Z');

/**
 * The manager's dashboard over the rollups: goals per supervisor with the run-rate projection,
 * month against the previous month and the year, sweep, funnel, ranking, exports and drill-down,
 * each limited to a supervisor's own team for a supervisor.
 */
describe('Recovery dashboard', () => {
  let t: TestApp;
  let f: MetricFixtures;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ agencyTimeZone: ZONE, runWorkers: false, runDialer: false });
    f = new MetricFixtures(t);
    await f.seed('C1', 'P1');
    await f.team('Norte', 'Ana');
    await f.team('Sur', 'Beto');
    for (const n of [1, 2, 3, 4]) await f.account(`N-${n}`, 'C1', 'P1', 100_000 * n);
    for (const n of [1, 2]) await f.account(`S-${n}`, 'C1', 'P1');
    for (const n of [1, 2, 3, 4]) await f.assign(`N-${n}`, 'Norte', '2026-09-01T12:00:00Z');
    for (const n of [1, 2]) await f.assign(`S-${n}`, 'Sur', '2026-09-01T12:00:00Z');
    // Norte: two of four accounts attempted, one reached; 400 000 recovered in November, 100 000 in October.
    await f.attempt('N-1', 'Norte', '2026-11-03T15:00:00Z', 'rpc');
    await f.attempt('N-2', 'Norte', '2026-11-04T15:00:00Z', 'none');
    await f.attempt('N-2', 'Norte', '2026-11-05T15:00:00Z', 'third');
    await f.agreement('N-1', 'Norte', '2026-11-03T15:05:00Z', 300_000);
    await f.payment('N-1', 'Norte', '2026-11-03T16:00:00Z', 150_000);
    await f.payment('N-3', 'Norte', '2026-11-09T16:00:00Z', 250_000);
    await f.payment('N-3', 'Norte', '2026-10-20T16:00:00Z', 100_000);
    // Sur: 50 000 in November, nothing before.
    await f.attempt('S-1', 'Sur', '2026-11-06T15:00:00Z', 'rpc');
    await f.payment('S-1', 'Sur', '2026-11-06T16:00:00Z', 50_000);
    await f.goal('team', 'Norte', 'month', '2026-11-01', 1_000_000);
    await f.goal('team', 'Norte', 'year', '2026-01-01', 10_000_000);
    await f.goal('team', 'Sur', 'month', '2026-11-01', 100_000);
    await t.app.get(RollupService).catchUp(NOW);
    await t.app.get(RollupService).refreshDelinquency(NOW);

    await insertUser(t.db, { email: 'gerente@m.test', role: 'manager' });
    tokens['manager'] = await login(t.url, 'gerente@m.test');
    tokens['norte'] = await login(t.url, 'sup.norte@m.test');
    tokens['agent'] = await login(t.url, 'ana@m.test');
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = <T>(path: string, token: string) => api<T>(t.url, 'GET', path, { token });

  it('shows each supervisor their recovery against the goal, the previous month and the year', async () => {
    const { status, body } = await get<RecoveryDashboard>('/recovery?month=2026-11', tokens['manager']);
    expect(status).toBe(200);
    expect(body.currency).toBe('COP');
    const norte = body.teams.find((team) => team.teamName === 'Norte')!;
    expect(norte).toMatchObject({
      supervisorName: 'Supervisor Norte',
      recoveredMinor: 400_000,
      previousMonthMinor: 100_000,
      changeOverPrevious: 3,
      goalMinor: 1_000_000,
      attainment: 0.4,
      yearToDateMinor: 500_000,
      annualGoalMinor: 10_000_000,
      yearToDateAttainment: 0.05,
    });
    // The projection depends on today; at the month's end it equals attainment for a past month.
    expect(body.teams.find((team) => team.teamName === 'Sur')).toMatchObject({
      recoveredMinor: 50_000,
      attainment: 0.5,
    });
    expect(body.totals).toMatchObject({ recoveredMinor: 450_000, goalMinor: 1_100_000 });
    expect(body.funnel).toMatchObject({
      attempts: 4,
      humanAnswered: 3,
      rightPartyContacts: 2,
      agreements: 1,
      promisedMinor: 300_000,
      contactRate: 0.75,
      rpcRate: 0.5,
      promiseRate: 0.5,
    });
    expect(body.trend[2]).toMatchObject({ day: 3, recoveredMinor: 150_000, cumulativeMinor: 150_000 });
    expect(body.trend[19]).toMatchObject({ day: 20, previousMonthMinor: 100_000 });
    expect(body.trend).toHaveLength(30);
    const sweep = body.sweep.teams.find((row) => row.name === 'Norte')!;
    expect(sweep).toMatchObject({
      assigned: 4,
      attempted: 2,
      rightParty: 1,
      sweepRate: 0.5,
      contactedSweepRate: 0.25,
    });
    expect(body.sweep.portfolios).toEqual([
      expect.objectContaining({ assigned: 6, attempted: 3, sweepRate: 0.5 }),
    ]);
    expect(body.leaderboard.map((a) => [a.agentName, a.recoveredMinor])).toEqual([
      ['Agente Ana', 400_000],
      ['Agente Beto', 50_000],
    ]);
  });

  it('projects attainment from the run-rate over business days', async () => {
    const { body } = await get<RecoveryDashboard>(
      '/recovery?month=2026-11&teamId=' + f.ids['Norte'],
      tokens['manager'],
    );
    const norte = body.teams[0];
    // Projection = recovered ÷ elapsed business days × business days in the month ÷ goal.
    expect(norte.projectedAttainment).toBeCloseTo(
      ((400_000 / body.businessDaysElapsed) * body.businessDaysInMonth) / 1_000_000,
      10,
    );
    expect(body.businessDaysInMonth).toBe(21);
  });

  it('limits a supervisor to their own team, and refuses agents', async () => {
    const { status, body } = await get<RecoveryDashboard>('/recovery?month=2026-11', tokens['norte']);
    expect(status).toBe(200);
    expect(body.teams.map((team) => team.teamName)).toEqual(['Norte']);
    expect(body.totals.recoveredMinor).toBe(400_000);
    expect(body.sweep.agents.map((a) => a.name)).toEqual(['Agente Ana']);
    expect((await get(`/recovery?month=2026-11&teamId=${f.ids['Sur']}`, tokens['norte'])).status).toBe(403);
    expect((await get('/recovery?month=2026-11', tokens['agent'])).status).toBe(403);
    expect((await get('/recovery?month=2026-13', tokens['manager'])).status).toBe(400);
  });

  it('drills from a sweep figure into the accounts behind it', async () => {
    const path = `/recovery/accounts?month=2026-11&scope=team&scopeId=${f.ids['Norte']}&measure=not_attempted`;
    const { status, body } = await get<DrillResponse>(path, tokens['manager']);
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.items.map((a) => a.accountNumber).sort()).toEqual(['N-3', 'N-4']);
    const sur = `/recovery/accounts?month=2026-11&scope=team&scopeId=${f.ids['Sur']}&measure=assigned`;
    expect((await get(sur, tokens['norte'])).status).toBe(403);
  });

  it('exports a table as CSV and as XLSX with exact money', async () => {
    const csv = await fetch(`${t.url}/api/recovery/export?month=2026-11&table=teams&format=csv`, {
      headers: { authorization: `Bearer ${tokens['manager']}`, 'accept-language': 'es' },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('Equipo,Supervisor,Recuperado');
    expect(text).toContain('Norte,Supervisor Norte,4000.00,1000.00,3.0000,10000.00,0.4000');

    const xlsx = await fetch(`${t.url}/api/recovery/export?month=2026-11&table=leaderboard&format=xlsx`, {
      headers: { authorization: `Bearer ${tokens['manager']}`, 'accept-language': 'en' },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Agent');
    expect(sheet.getRow(2).getCell(1).value).toBe('Agente Ana');
    expect(sheet.getRow(2).getCell(3).value).toBe(4000);
  });

  it("renders a client's monthly productivity report as PDF, for managers only", async () => {
    const path = `/api/recovery/report.pdf?clientId=${f.ids['C1']}&month=2026-11`;
    const pdf = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${tokens['manager']}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('Informe de productividad Cliente C1 2026-11');
    const refused = await fetch(`${t.url}${path}`, {
      headers: { authorization: `Bearer ${tokens['norte']}` },
    });
    expect(refused.status).toBe(403);
  });

  it('shows the delinquency index by aging bucket and by sector', async () => {
    const { body } = await get<DelinquencyResponse>('/recovery/delinquency?by=aging', tokens['manager']);
    // Six accounts of 31–60 days: 100 000 × (1 + 2 + 3 + 4) + 2 × 100 000, all overdue.
    expect(body.rows).toEqual([
      expect.objectContaining({
        key: '31-60',
        accounts: 6,
        totalBalanceMinor: 1_200_000,
        delinquencyIndex: 1,
        shareOfBalance: 1,
      }),
    ]);
    const sectors = await get<DelinquencyResponse>('/recovery/delinquency?by=sector', tokens['manager']);
    expect(sectors.body.rows.map((r) => r.key)).toEqual(['Norte']);
    expect((await get('/recovery/delinquency?by=aging', tokens['norte'])).status).toBe(403);
  });
});
