import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ErrorCode, type AuthTokens } from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { AUTH_URLS } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { REFRESH_TOKEN_STORAGE_KEY } from '../auth/role-home.constant';
import { authInterceptor } from './auth-interceptor.util';

function tokens(suffix: string): AuthTokens {
  return {
    accessToken: `access-${suffix}`,
    refreshToken: `refresh-${suffix}`,
    expiresIn: 900,
    user: {
      id: 'u1',
      email: 'ana@recupera.test',
      fullName: 'Ana Agente',
      role: 'agent',
      teamId: 't1',
      locale: 'es',
    },
  };
}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    store.setSession(tokens('1'));
  });

  afterEach(() => backend.verify());

  it('adds the access token to API calls', async () => {
    const result = firstValueFrom(http.get('/api/accounts'));
    const request = backend.expectOne('/api/accounts');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
    request.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('leaves non-API and login/refresh calls alone', () => {
    http.get('/assets/i18n.json').subscribe();
    http.post(AUTH_URLS.login, {}).subscribe();
    expect(backend.expectOne('/assets/i18n.json').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne(AUTH_URLS.login).request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on a 401, stores the rotated tokens and replays the request', async () => {
    const result = firstValueFrom(http.get('/api/accounts'));
    backend
      .expectOne('/api/accounts')
      .flush({ code: ErrorCode.TokenExpired }, { status: 401, statusText: 'Unauthorized' });

    const refresh = backend.expectOne(AUTH_URLS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush(tokens('2'));

    const replay = backend.expectOne('/api/accounts');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-2');
    replay.flush({ ok: true });

    await expect(result).resolves.toEqual({ ok: true });
    expect(store.accessToken()).toBe('access-2');
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between requests that fail together (the refresh token rotates)', async () => {
    const first = firstValueFrom(http.get('/api/accounts'));
    const second = firstValueFrom(http.get('/api/teams'));
    backend.expectOne('/api/accounts').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/teams').flush(null, { status: 401, statusText: 'Unauthorized' });

    backend.expectOne(AUTH_URLS.refresh).flush(tokens('2'));

    backend.expectOne('/api/accounts').flush({ a: 1 });
    backend.expectOne('/api/teams').flush({ b: 2 });
    await expect(first).resolves.toEqual({ a: 1 });
    await expect(second).resolves.toEqual({ b: 2 });
  });

  it('does not loop: a replay that is still 401 fails to the caller', async () => {
    const result = firstValueFrom(http.get('/api/accounts'));
    backend.expectOne('/api/accounts').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne(AUTH_URLS.refresh).flush(tokens('2'));
    backend.expectOne('/api/accounts').flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone(AUTH_URLS.refresh);
  });

  it('ends the session and goes to the login page when the refresh is refused', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/accounts'));
    backend.expectOne('/api/accounts').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne(AUTH_URLS.refresh)
      .flush(
        { statusCode: 401, code: ErrorCode.RefreshReused, message: 'reused' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(store.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('passes other errors through untouched', async () => {
    const result = firstValueFrom(http.get('/api/accounts/x'));
    backend
      .expectOne('/api/accounts/x')
      .flush({ code: ErrorCode.NotFound }, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
    backend.expectNone(AUTH_URLS.refresh);
  });
});
