import { TestBed } from '@angular/core/testing';
import type { AuthTokens, Role } from '@recupera/shared';
import { AuthStore } from './auth.store';
import { REFRESH_TOKEN_STORAGE_KEY } from './role-home.constant';

function tokens(role: Role): AuthTokens {
  return {
    accessToken: 'access',
    refreshToken: 'refresh',
    expiresIn: 900,
    user: { id: 'u1', email: 'x@recupera.test', fullName: 'X', role, teamId: null, locale: 'es' },
  };
}

describe(AuthStore.name, () => {
  beforeEach(() => localStorage.clear());

  it('keeps the access token in memory only and the refresh token in localStorage', () => {
    const store = TestBed.inject(AuthStore);
    store.setSession(tokens('agent'));
    expect(store.accessToken()).toBe('access');
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh');
    expect(JSON.stringify({ ...localStorage })).not.toContain('access');
  });

  it.each<[Role, string]>([
    ['agent', '/agent'],
    ['supervisor', '/floor'],
    ['manager', '/dashboard'],
    ['admin', '/admin/imports'],
  ])('sends a %s home to %s', (role, home) => {
    const store = TestBed.inject(AuthStore);
    store.setSession(tokens(role));
    expect(store.homeUrl()).toBe(home);
  });

  it('forgets everything on clear', () => {
    const store = TestBed.inject(AuthStore);
    store.setSession(tokens('manager'));
    store.clear();
    expect(store.isAuthenticated()).toBe(false);
    expect(store.refreshToken()).toBeNull();
    expect(store.homeUrl()).toBe('/login');
  });
});
