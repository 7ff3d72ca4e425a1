import { ErrorCode, type AuthTokens } from '@recupera/shared';
import {
  api,
  insertUser,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../../testing/test-app.util';

describe('Authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: 3, loginLockSeconds: 60 });
    await insertUser(t.db, { email: 'ana@example.com', role: 'agent' });
    await insertUser(t.db, { email: 'luis@example.com', role: 'manager' });
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns tokens and the user', async () => {
    const { status, body } = await api<AuthTokens>(t.url, 'POST', '/auth/login', {
      body: { email: 'ANA@example.com', password: TEST_PASSWORD },
    });
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ email: 'ana@example.com', role: 'agent' });
    expect(body.expiresIn).toBe(900);
    const me = await api(t.url, 'GET', '/auth/me', { token: body.accessToken });
    expect(me.body).toMatchObject({ email: 'ana@example.com' });
  });

  it('refuses a wrong password and an unknown e-mail the same way', async () => {
    const wrong = await api(t.url, 'POST', '/auth/login', {
      body: { email: 'luis@example.com', password: 'nope' },
    });
    const unknown = await api(t.url, 'POST', '/auth/login', {
      body: { email: 'nobody@example.com', password: 'nope' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: ErrorCode.InvalidCredentials } });
    expect(unknown).toMatchObject({ status: 401, body: { code: ErrorCode.InvalidCredentials } });
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    await insertUser(t.db, { email: 'target@example.com', role: 'agent' });
    for (let i = 0; i < 3; i++)
      await api(t.url, 'POST', '/auth/login', { body: { email: 'target@example.com', password: 'guess' } });
    const locked = await api<{ code: string; details: { retryAfterSeconds: number } }>(
      t.url,
      'POST',
      '/auth/login',
      {
        body: { email: 'target@example.com', password: TEST_PASSWORD },
      },
    );
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe(ErrorCode.AccountLocked);
    expect(locked.body.details.retryAfterSeconds).toBeGreaterThan(50);
    const [rows] = await t.db.query("SELECT action FROM audit_events WHERE action = 'auth.locked'");
    expect(rows).toHaveLength(1);
  });

  it('rotates refresh tokens and ends the whole session when an old one is replayed', async () => {
    const first = await api<AuthTokens>(t.url, 'POST', '/auth/login', {
      body: { email: 'ana@example.com', password: TEST_PASSWORD },
    });
    const second = await api<AuthTokens>(t.url, 'POST', '/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const replay = await api(t.url, 'POST', '/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(replay).toMatchObject({ status: 401, body: { code: ErrorCode.RefreshReused } });
    const afterReplay = await api(t.url, 'POST', '/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(afterReplay.status).toBe(401);
  });

  it('revokes the refresh token on logout', async () => {
    const tokens = await api<AuthTokens>(t.url, 'POST', '/auth/login', {
      body: { email: 'ana@example.com', password: TEST_PASSWORD },
    });
    expect(
      (await api(t.url, 'POST', '/auth/logout', { body: { refreshToken: tokens.body.refreshToken } })).status,
    ).toBe(204);
    expect(
      (await api(t.url, 'POST', '/auth/refresh', { body: { refreshToken: tokens.body.refreshToken } }))
        .status,
    ).toBe(401);
  });

  it('tells a forged token from a missing one', async () => {
    const token = await login(t.url, 'ana@example.com');
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await api(t.url, 'GET', '/auth/me', { token: forged })).body).toMatchObject({
      code: ErrorCode.TokenInvalid,
    });
    expect((await api(t.url, 'GET', '/auth/me')).body).toMatchObject({ code: ErrorCode.Unauthenticated });
  });

  it('rejects malformed input with the validation error code', async () => {
    const { status, body } = await api(t.url, 'POST', '/auth/login', {
      body: { email: 'not-an-email', password: '', extra: 1 },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});
