import type { Role } from '../domain/roles.constant';
import type { Locale } from './auth.type';

export interface UserResponse {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  locale: Locale;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface CreateUserRequest {
  email: string;
  fullName: string;
  role: Role;
  password: string;
  teamId?: string | null;
  locale?: Locale;
}

export interface UpdateUserRequest {
  fullName?: string;
  role?: Role;
  password?: string;
  teamId?: string | null;
  locale?: Locale;
  active?: boolean;
}

export interface TeamResponse {
  id: string;
  name: string;
  supervisorId: string;
  supervisorName: string;
  agentCount: number;
}

export interface CreateTeamRequest {
  name: string;
  supervisorId: string;
}

export type UpdateTeamRequest = Partial<CreateTeamRequest>;

export const PASSWORD_MIN_LENGTH = 10;
