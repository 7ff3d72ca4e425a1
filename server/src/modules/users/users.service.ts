import { Injectable } from '@nestjs/common';
import type { UserResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { TeamsRepository } from '../teams/teams.repository';
import { hashPassword } from './password.util';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserResponse } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<UserResponse[]> {
    const [users, teams] = await Promise.all([this.users.list(), this.teams.list()]);
    const names = new Map(teams.map((t) => [t.id, t.name]));
    return users.map((u) => toUserResponse(u, u.teamId ? (names.get(u.teamId) ?? null) : null));
  }

  async create(actor: AuthUser, dto: CreateUserDto, ip: string | null): Promise<UserResponse> {
    const email = dto.email.toLowerCase();
    if (await this.users.findByEmail(email))
      throw AppException.conflict(`A user with e-mail ${email} already exists`);
    const teamName = await this.teamName(dto.teamId ?? null);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.uow.run(async (tx) => {
      const saved = await this.users.save(
        {
          email,
          fullName: dto.fullName,
          role: dto.role,
          teamId: dto.teamId ?? null,
          locale: dto.locale ?? 'es',
          passwordHash,
          active: true,
          failedLogins: 0,
        },
        tx,
      );
      const created = (await this.users.findById(saved.id, tx))!;
      await this.audit.record(
        { actor, action: 'user.created', entityType: 'user', entityId: saved.id, after: created, ip },
        tx,
      );
      return created;
    });
    return toUserResponse(user, teamName);
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto, ip: string | null): Promise<UserResponse> {
    const before = await this.users.findById(id);
    if (!before) throw AppException.notFound('User');
    if (actor.id === id && (dto.active === false || (dto.role && dto.role !== before.role))) {
      throw AppException.invalid('You cannot deactivate yourself or change your own role');
    }
    const teamId = dto.teamId === undefined ? before.teamId : dto.teamId;
    const teamName = await this.teamName(teamId);
    const changes = {
      ...(dto.fullName !== undefined && { fullName: dto.fullName }),
      ...(dto.role !== undefined && { role: dto.role }),
      ...(dto.locale !== undefined && { locale: dto.locale }),
      ...(dto.active !== undefined && { active: dto.active }),
      ...(dto.teamId !== undefined && { teamId: dto.teamId }),
      ...(dto.password !== undefined && {
        passwordHash: await hashPassword(dto.password),
        failedLogins: 0,
        lockedUntil: null,
      }),
    };
    const after = await this.uow.run(async (tx) => {
      await this.users.save({ id, ...changes }, tx);
      const updated = (await this.users.findById(id, tx))!;
      await this.audit.record(
        {
          actor,
          action: dto.password ? 'user.password-reset' : 'user.updated',
          entityType: 'user',
          entityId: id,
          before,
          after: updated,
          ip,
        },
        tx,
      );
      return updated;
    });
    return toUserResponse(after, teamName);
  }

  private async teamName(teamId: string | null): Promise<string | null> {
    if (!teamId) return null;
    const team = await this.teams.findById(teamId);
    if (!team) throw AppException.invalid(`Team ${teamId} does not exist`);
    return team.name;
  }
}
