import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ErrorCode, type AuthTokens, type LoginRequest, type UserSummary } from '@recupera/shared';
import { Observable, catchError, finalize, firstValueFrom, map, shareReplay, tap, throwError } from 'rxjs';
import { toApiError, type ApiError } from '../http/api-error.util';
import { I18nService } from '../i18n/i18n.service';
import { AuthStore } from './auth.store';

export const AUTH_URLS = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
} as const;

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private refreshInFlight: Observable<string> | null = null;

  login(request: LoginRequest): Observable<UserSummary> {
    return this.http.post<AuthTokens>(AUTH_URLS.login, request).pipe(
      tap((tokens) => this.startSession(tokens)),
      map((tokens) => tokens.user),
      catchError((error: unknown) => throwError(() => toApiError(error))),
    );
  }

  /**
   * Trades the refresh token for a new pair. Concurrent callers share one request: the server
   * rotates refresh tokens, so a second request with the same token would be taken as reuse.
   */
  refreshAccessToken(): Observable<string> {
    if (this.refreshInFlight) return this.refreshInFlight;
    const refreshToken = this.store.refreshToken();
    if (!refreshToken) {
      const error: ApiError = { status: 401, code: ErrorCode.Unauthenticated, message: 'No refresh token' };
      return throwError(() => error);
    }
    this.refreshInFlight = this.http.post<AuthTokens>(AUTH_URLS.refresh, { refreshToken }).pipe(
      tap((tokens) => this.startSession(tokens)),
      map((tokens) => tokens.accessToken),
      catchError((error: unknown) => {
        const apiError = toApiError(error);
        // A network failure keeps the session so the next request can try again.
        if (apiError.status !== 0) this.store.clear();
        return throwError(() => apiError);
      }),
      finalize(() => {
        this.refreshInFlight = null;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Run before the first navigation: a stored refresh token brings the session back after a reload. */
  async restoreSession(): Promise<void> {
    if (!this.store.refreshToken()) return;
    try {
      await firstValueFrom(this.refreshAccessToken());
    } catch {
      // Expired or revoked: the guards send the user to the login page.
    }
  }

  async logout(): Promise<void> {
    const refreshToken = this.store.refreshToken();
    if (refreshToken) {
      try {
        await firstValueFrom(this.http.post<void>(AUTH_URLS.logout, { refreshToken }));
      } catch {
        // The local session ends regardless; the token expires on its own.
      }
    }
    this.store.clear();
    await this.router.navigateByUrl('/login');
  }

  /** Called when a refresh fails mid-session: back to the login page, coming back here afterwards. */
  async sessionExpired(): Promise<void> {
    const returnUrl = this.router.url;
    this.store.clear();
    await this.router.navigate(['/login'], {
      queryParams:
        returnUrl && returnUrl !== '/login' && !returnUrl.startsWith('/login?') ? { returnUrl } : {},
    });
  }

  private startSession(tokens: AuthTokens): void {
    this.store.setSession(tokens);
    this.i18n.adoptProfileLocale(tokens.user.locale);
  }
}
