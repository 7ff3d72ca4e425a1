import {
  ErrorCode,
  type AuditEventResponse,
  type Page,
  type TeamResponse,
  type TeamRoster,
  type UserResponse,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

describe('Users, teams and the audit trail', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    await insertUser(t.db, { email: 'root@x.co', role: 'admin' });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    admin = await login(t.url, 'root@x.co');
  });
  afterAll(() => t.close());

  it('creates a supervisor, a team and an agent, and the agent can log in', async () => {
    const supervisor = await api<UserResponse>(t.url, 'POST', '/users', {
      token: admin,
      body: {
        email: 'Sara@X.co',
        fullName: 'Sara Supervisora',
        role: 'supervisor',
        password: 'una clave larga 123',
      },
    });
    expect(supervisor).toMatchObject({
      status: 201,
      body: { email: 'sara@x.co', role: 'supervisor', active: true },
    });
    expect(JSON.stringify(supervisor.body)).not.toContain('password');
    const team = await api<TeamResponse>(t.url, 'POST', '/teams', {
      token: admin,
      body: { name: 'Equipo Centro', supervisorId: supervisor.body.id },
    });
    expect(team).toMatchObject({
      status: 201,
      body: { name: 'Equipo Centro', supervisorName: 'Sara Supervisora', agentCount: 0 },
    });
    const agent = await api<UserResponse>(t.url, 'POST', '/users', {
      token: admin,
      body: {
        email: 'pedro@x.co',
        fullName: 'Pedro Agente',
        role: 'agent',
        password: 'otra clave larga 456',
        teamId: team.body.id,
        locale: 'en',
      },
    });
    expect(agent.body).toMatchObject({ teamName: 'Equipo Centro', locale: 'en' });
    expect(await login(t.url, 'pedro@x.co', 'otra clave larga 456')).toEqual(expect.any(String));
    const supervisorToken = await login(t.url, 'sara@x.co', 'una clave larga 123');
    const roster = await api<TeamRoster>(t.url, 'GET', `/teams/${team.body.id}/roster`, {
      token: supervisorToken,
    });
    expect(roster.body.agents.map((a) => a.fullName)).toEqual(['Pedro Agente']);
  });

  it('refuses duplicates, weak passwords and a team led by a non-supervisor', async () => {
    const duplicate = await api(t.url, 'POST', '/users', {
      token: admin,
      body: { email: 'sara@x.co', fullName: 'Otra', role: 'agent', password: 'una clave larga 123' },
    });
    expect(duplicate).toMatchObject({ status: 409, body: { code: ErrorCode.Conflict } });
    const weak = await api<{ message: string }>(t.url, 'POST', '/users', {
      token: admin,
      body: { email: 'w@x.co', fullName: 'Weak', role: 'agent', password: 'corta' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('password');
    const [[agent]] = (await t.db.query("SELECT id FROM users WHERE email = 'pedro@x.co'")) as unknown as [
      [{ id: number }],
    ];
    const badTeam = await api(t.url, 'POST', '/teams', {
      token: admin,
      body: { name: 'Equipo X', supervisorId: String(agent.id) },
    });
    expect(badTeam.status).toBe(400);
  });

  it('deactivating a user stops their logins, and a password reset unlocks', async () => {
    const [[agent]] = (await t.db.query("SELECT id FROM users WHERE email = 'pedro@x.co'")) as unknown as [
      [{ id: number }],
    ];
    await api(t.url, 'PATCH', `/users/${agent.id}`, { token: admin, body: { active: false } });
    const refused = await api(t.url, 'POST', '/auth/login', {
      body: { email: 'pedro@x.co', password: 'otra clave larga 456' },
    });
    expect(refused.status).toBe(401);
    await api(t.url, 'PATCH', `/users/${agent.id}`, {
      token: admin,
      body: { active: true, password: 'clave nueva de pedro' },
    });
    expect(await login(t.url, 'pedro@x.co', 'clave nueva de pedro')).toEqual(expect.any(String));
  });

  it('records every change with actor and before/after, browsable and filterable by a manager', async () => {
    const manager = await login(t.url, 'boss@x.co');
    const all = await api<Page<AuditEventResponse>>(t.url, 'GET', '/audit?pageSize=100', { token: manager });
    const actions = all.body.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.created', 'team.created', 'user.updated', 'user.password-reset']),
    );
    const created = await api<Page<AuditEventResponse>>(t.url, 'GET', '/audit?action=user.created', {
      token: manager,
    });
    expect(created.body.items.every((e) => e.action === 'user.created' && e.actorName === 'root')).toBe(true);
    const deactivation = all.body.items.find((e) => e.action === 'user.updated');
    expect(deactivation?.before).toMatchObject({ active: true });
    expect(deactivation?.after).toMatchObject({ active: false });
    expect(JSON.stringify(all.body)).not.toMatch(/passwordHash|argon2/);
    const future = await api<Page<AuditEventResponse>>(
      t.url,
      'GET',
      `/audit?from=${new Date(Date.now() + 3600_000).toISOString()}`,
      { token: manager },
    );
    expect(future.body.total).toBe(0);
  });

  it('keeps user administration to admins', async () => {
    const manager = await login(t.url, 'boss@x.co');
    expect((await api(t.url, 'POST', '/users', { token: manager, body: {} })).status).toBe(403);
    expect((await api(t.url, 'POST', '/teams', { token: manager, body: {} })).status).toBe(403);
  });
});
