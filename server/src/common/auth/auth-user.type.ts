import type { Role } from '@recupera/shared';

/** The caller, as proved by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  teamId: string | null;
}
