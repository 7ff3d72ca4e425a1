import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthTokens, Role } from '@recupera/shared';
import { authGuard, guestGuard, roleGuard } from './auth.guard';
import { AuthStore } from './auth.store';

@Component({ selector: 'rc-blank', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankComponent {}

function signIn(role: Role): void {
  const tokens: AuthTokens = {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u', email: 'u@recupera.test', fullName: 'U', role, teamId: null, locale: 'es' },
  };
  TestBed.inject(AuthStore).setSession(tokens);
}

describe('route guards', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: BlankComponent, canActivate: [guestGuard] },
          { path: 'agent', component: BlankComponent, canActivate: [authGuard, roleGuard('agent')] },
          {
            path: 'dashboard',
            component: BlankComponent,
            canActivate: [authGuard, roleGuard('manager', 'admin')],
          },
        ]),
      ],
    });
  });

  it('sends a signed-out user to the login page, remembering where they were going', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/dashboard');
    expect(router.url).toBe('/login?returnUrl=%2Fdashboard');
  });

  it('sends a user to their own home when the page is not for their role', async () => {
    signIn('agent');
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/dashboard');
    expect(router.url).toBe('/agent');
  });

  it('lets the right role in', async () => {
    signIn('manager');
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/dashboard');
    expect(router.url).toBe('/dashboard');
  });

  it('keeps a signed-in user off the login page', async () => {
    signIn('manager');
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/login');
    expect(router.url).toBe('/dashboard');
  });
});
