import type { UserResponse, UserSummary } from '@recupera/shared';
import type { User } from './user.entity';

export function toUserSummary(user: User): UserSummary {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    teamId: user.teamId,
    locale: user.locale,
  };
}

export function toUserResponse(user: User, teamName: string | null): UserResponse {
  return {
    ...toUserSummary(user),
    teamName,
    active: user.active,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
