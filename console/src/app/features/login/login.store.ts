import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ErrorCode, type LoginRequest } from '@recupera/shared';
import { AuthService } from '../../core/auth/auth.service';
import { AuthStore } from '../../core/auth/auth.store';
import type { ApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';

function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const value = (details as Record<string, unknown>)['retryAfterSeconds'];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** Only same-site paths: a crafted `?returnUrl=//evil.example` must not take the user away. */
export function safeReturnUrl(url: string | null | undefined): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) return null;
  return url;
}

@Injectable()
export class LoginStore {
  private readonly auth = inject(AuthService);
  private readonly authStore = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  private readonly submittingState = signal(false);
  private readonly errorState = signal<ApiError | null>(null);

  readonly submitting = this.submittingState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly errorMessage = computed(() => {
    const error = this.errorState();
    if (!error) return null;
    if (error.code === ErrorCode.InvalidCredentials) return this.i18n.t('login.invalidCredentials');
    if (error.code === ErrorCode.AccountLocked) {
      const seconds = retryAfterSeconds(error.details);
      return seconds === null
        ? this.i18n.t('login.lockedNoTime')
        : this.i18n.t('login.locked', { time: this.i18n.duration(seconds) });
    }
    return this.i18n.error(error);
  });

  submit(credentials: LoginRequest, returnUrl: string | null | undefined): void {
    if (this.submittingState()) return;
    this.submittingState.set(true);
    this.errorState.set(null);
    this.auth.login(credentials).subscribe({
      next: () => {
        this.submittingState.set(false);
        void this.router.navigateByUrl(safeReturnUrl(returnUrl) ?? this.authStore.homeUrl());
      },
      error: (error: ApiError) => {
        this.submittingState.set(false);
        this.errorState.set(error);
      },
    });
  }

  clearError(): void {
    this.errorState.set(null);
  }
}
