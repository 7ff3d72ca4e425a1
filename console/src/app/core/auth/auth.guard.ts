import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Role } from '@recupera/shared';
import { AuthStore } from './auth.store';

export const authGuard: CanActivateFn = (_route, state) => {
  const store = inject(AuthStore);
  if (store.isAuthenticated()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** A page for some roles only; anyone else is sent to their own home page. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const store = inject(AuthStore);
    const router = inject(Router);
    if (!store.isAuthenticated())
      return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    return store.hasRole(roles) ? true : router.parseUrl(store.homeUrl());
  };
}

/** The login page is for signed-out users only. */
export const guestGuard: CanActivateFn = () => {
  const store = inject(AuthStore);
  return store.isAuthenticated() ? inject(Router).parseUrl(store.homeUrl()) : true;
};
