import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AUTH_URLS, AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { I18nService } from '../i18n/i18n.service';
import { toApiError } from './api-error.util';

function withBearer<T>(request: HttpRequest<T>, token: string): HttpRequest<T> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

/** The server words some labels (dispositions) in the console's language, not the browser's. */
function withLanguage<T>(request: HttpRequest<T>, locale: string): HttpRequest<T> {
  return request.clone({ setHeaders: { 'Accept-Language': locale } });
}

/**
 * Adds the access token to API calls and, when one comes back 401, refreshes the session once and
 * replays the request. The replay goes straight to the next handler, so it cannot loop.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (
    !request.url.startsWith('/api/') ||
    request.url === AUTH_URLS.login ||
    request.url === AUTH_URLS.refresh
  ) {
    return next(request);
  }
  const store = inject(AuthStore);
  const auth = inject(AuthService);
  const token = store.accessToken();
  request = withLanguage(request, inject(I18nService).locale());
  return next(token ? withBearer(request, token) : request).pipe(
    catchError((error: unknown) => {
      const canRefresh =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        request.url !== AUTH_URLS.logout &&
        store.refreshToken() !== null;
      if (!canRefresh) return throwError(() => error);
      return auth.refreshAccessToken().pipe(
        catchError((refreshError: unknown) => {
          // Offline is not a dead session: keep it and let the caller show a network error.
          if (toApiError(refreshError).status !== 0) void auth.sessionExpired();
          return throwError(() => error);
        }),
        switchMap((fresh) => next(withBearer(request, fresh))),
      );
    }),
  );
};
