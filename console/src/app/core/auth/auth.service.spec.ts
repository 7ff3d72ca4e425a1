import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ErrorCode, type AuthTokens } from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from '../http/auth-interceptor.util';
import { AUTH_URLS, AuthService } from './auth.service';
import { AuthStore } from './auth.store';
import { REFRESH_TOKEN_STORAGE_KEY } from './role-home.constant';

const TOKENS: AuthTokens = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'sara@recupera.test',
    fullName: 'Sara Supervisora',
    role: 'supervisor',
    teamId: 't1',
    locale: 'en',
  },
};

describe(AuthService.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('signs in and starts the session', async () => {
    const user = firstValueFrom(
      TestBed.inject(AuthService).login({ email: 'sara@recupera.test', password: 'secret-pass' }),
    );
    backend.expectOne(AUTH_URLS.login).flush(TOKENS);
    await expect(user).resolves.toMatchObject({ role: 'supervisor' });
    expect(TestBed.inject(AuthStore).accessToken()).toBe('access-1');
  });

  it('turns a refused login into an ApiError with the server code', async () => {
    const result = firstValueFrom(TestBed.inject(AuthService).login({ email: 'a@b.co', password: 'x' }));
    backend.expectOne(AUTH_URLS.login).flush(
      {
        statusCode: 423,
        code: ErrorCode.AccountLocked,
        message: 'locked',
        details: { retryAfterSeconds: 120 },
      },
      { status: 423, statusText: 'Locked' },
    );
    await expect(result).rejects.toEqual({
      status: 423,
      code: ErrorCode.AccountLocked,
      message: 'locked',
      details: { retryAfterSeconds: 120 },
    });
  });

  it('restores a session from the stored refresh token after a reload', async () => {
    localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, 'refresh-0');
    const restored = TestBed.inject(AuthService).restoreSession();
    const refresh = backend.expectOne(AUTH_URLS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-0' });
    refresh.flush(TOKENS);
    await restored;
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(true);
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-1');
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    TestBed.inject(AuthStore).setSession(TOKENS);
    const refresh = firstValueFrom(TestBed.inject(AuthService).refreshAccessToken());
    backend.expectOne(AUTH_URLS.refresh).error(new ProgressEvent('error'));
    await expect(refresh).rejects.toMatchObject({ code: 'network' });
    expect(TestBed.inject(AuthStore).refreshToken()).toBe('refresh-1');
  });

  it('logs out on the server with the refresh token, then forgets the session', async () => {
    TestBed.inject(AuthStore).setSession(TOKENS);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const done = TestBed.inject(AuthService).logout();
    const request = backend.expectOne(AUTH_URLS.logout);
    expect(request.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');
  });
});
