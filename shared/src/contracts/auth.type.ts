import type { Role } from '../domain/roles.constant';

export type Locale = 'es' | 'en';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface UserSummary {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserSummary;
}

/** Claims of the access token. */
export interface AccessClaims {
  sub: string;
  role: Role;
  teamId: string | null;
}
