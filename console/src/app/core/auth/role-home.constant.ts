import type { Role } from '@recupera/shared';

/** Where each role lands after signing in (and when it opens a page it may not see). */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  agent: '/agent',
  supervisor: '/floor',
  manager: '/dashboard',
  admin: '/admin/imports',
  cashier: '/payments',
  field: '/field',
};

export const REFRESH_TOKEN_STORAGE_KEY = 'recupera.refreshToken';
