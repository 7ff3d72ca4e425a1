import type { GoalResponse } from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

describe('Goals', () => {
  let t: TestApp;
  let teamId = '';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: false, runDialer: false });
    const supervisor = await insertUser(t.db, { email: 'sup@g.test', role: 'supervisor' });
    const [team] = await t.db.query("INSERT INTO teams (name, supervisor_id) VALUES ('Equipo Norte', ?)", [
      supervisor,
    ]);
    teamId = String((team as { insertId: number }).insertId);
    await insertUser(t.db, { email: 'manager@g.test', role: 'manager' });
    tokens['manager'] = await login(t.url, 'manager@g.test');
    tokens['supervisor'] = await login(t.url, 'sup@g.test');
  });

  afterAll(async () => {
    await t?.close();
  });

  const goal = (patch: Record<string, unknown> = {}) => ({
    periodKind: 'month',
    periodStart: '2026-11-01',
    scope: 'team',
    scopeId: teamId,
    metric: 'recovered',
    target: 5_000_000,
    currency: 'COP',
    ...patch,
  });

  it('sets a goal, replaces it on a second PUT, lists it with its scope and audits both', async () => {
    const first = await api<GoalResponse>(t.url, 'PUT', '/goals', { token: tokens['manager'], body: goal() });
    expect(first.status).toBe(200);
    const second = await api<GoalResponse>(t.url, 'PUT', '/goals', {
      token: tokens['manager'],
      body: goal({ target: 6_000_000 }),
    });
    expect(second.body.id).toBe(first.body.id);
    const list = await api<GoalResponse[]>(t.url, 'GET', '/goals?periodKind=month&periodStart=2026-11-01', {
      token: tokens['supervisor'],
    });
    expect(list.body).toEqual([
      expect.objectContaining({
        scopeName: 'Equipo Norte',
        target: 6_000_000,
        currency: 'COP',
        metric: 'recovered',
      }),
    ]);
    const [audit] = await t.db.query(
      "SELECT action FROM audit_events WHERE entity_type = 'goal' ORDER BY id",
    );
    expect(audit).toEqual([{ action: 'goal.created' }, { action: 'goal.updated' }]);
  });

  it('refuses bad periods, scopes and currencies with a clear reason, and supervisors', async () => {
    const put = (body: unknown, token = tokens['manager']) => api(t.url, 'PUT', '/goals', { token, body });
    expect((await put(goal({ periodStart: '2026-11-15' }))).status).toBe(400);
    expect((await put(goal({ periodKind: 'year', periodStart: '2026-03-01' }))).status).toBe(400);
    expect((await put(goal({ currency: undefined }))).status).toBe(400);
    expect((await put(goal({ metric: 'sweep_rate', currency: undefined, target: 12_000 }))).status).toBe(400);
    expect((await put(goal({ scopeId: '999999' }))).status).toBe(404);
    expect((await put(goal(), tokens['supervisor'])).status).toBe(403);
  });

  it('deletes a goal', async () => {
    const set = await api<GoalResponse>(t.url, 'PUT', '/goals', {
      token: tokens['manager'],
      body: goal({ metric: 'promises', currency: undefined, target: 40 }),
    });
    expect((await api(t.url, 'DELETE', `/goals/${set.body.id}`, { token: tokens['manager'] })).status).toBe(
      204,
    );
    expect((await api(t.url, 'DELETE', `/goals/${set.body.id}`, { token: tokens['manager'] })).status).toBe(
      404,
    );
  });
});
