import { Injectable, computed, signal } from '@angular/core';
import type { AuthTokens, Role, UserSummary } from '@recupera/shared';
import { readStorage, removeStorage, writeStorage } from '../browser-storage.util';
import { REFRESH_TOKEN_STORAGE_KEY, ROLE_HOME } from './role-home.constant';

/**
 * The session. The access token lives only in memory (a script injected later cannot read it from
 * storage); the refresh token survives a reload in localStorage, and is read afresh each time
 * because another tab may have rotated it.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly accessTokenState = signal<string | null>(null);
  private readonly userState = signal<UserSummary | null>(null);

  readonly accessToken = this.accessTokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly isAuthenticated = computed(() => this.accessTokenState() !== null && this.userState() !== null);
  readonly role = computed<Role | null>(() => this.userState()?.role ?? null);
  readonly homeUrl = computed(() => {
    const role = this.role();
    return role ? ROLE_HOME[role] : '/login';
  });

  refreshToken(): string | null {
    return readStorage(REFRESH_TOKEN_STORAGE_KEY);
  }

  setSession(tokens: AuthTokens): void {
    writeStorage(REFRESH_TOKEN_STORAGE_KEY, tokens.refreshToken);
    this.accessTokenState.set(tokens.accessToken);
    this.userState.set(tokens.user);
  }

  clear(): void {
    removeStorage(REFRESH_TOKEN_STORAGE_KEY);
    this.accessTokenState.set(null);
    this.userState.set(null);
  }

  hasRole(roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }
}
