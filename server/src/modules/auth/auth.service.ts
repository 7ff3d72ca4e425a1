import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, type AccessClaims, type AuthTokens, type UserSummary } from '@recupera/shared';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { UnitOfWork, type Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../users/password.util';
import type { User } from '../users/user.entity';
import { toUserSummary } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { lockUntil } from './lockout.util';
import { RefreshTokensRepository } from './refresh-tokens.repository';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const invalidCredentials = () =>
  new AppException(ErrorCode.InvalidCredentials, HttpStatus.UNAUTHORIZED, 'E-mail or password is wrong');
const invalidRefresh = () =>
  new AppException(ErrorCode.TokenInvalid, HttpStatus.UNAUTHORIZED, 'Refresh token is not valid');

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so timing does not reveal which e-mails exist. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, ip: string | null, now = new Date()): Promise<AuthTokens> {
    const user = await this.users.findByEmailWithHash(email);
    if (!user || !user.active) {
      await verifyPassword(await this.decoyHash, password);
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new AppException(
        ErrorCode.AccountLocked,
        HttpStatus.LOCKED,
        `Too many failed logins; try again in ${retryAfterSeconds} s`,
        {
          retryAfterSeconds,
        },
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      const until = lockUntil(failures, this.config.loginMaxFailures, this.config.loginLockSeconds, now);
      await this.users.recordFailedLogin(user.id, failures, until);
      if (until) {
        await this.audit.record({
          actor: null,
          action: 'auth.locked',
          entityType: 'user',
          entityId: user.id,
          after: { failures, lockedUntil: until },
          ip,
        });
      }
      throw invalidCredentials();
    }
    await this.users.recordLogin(user.id, now);
    await this.audit.record({
      actor: this.authUser(user),
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      ip,
    });
    return this.issue(user, randomUUID(), now);
  }

  async refresh(refreshToken: string, now = new Date()): Promise<AuthTokens> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret) throw invalidRefresh();
    const outcome = await this.uow.run(async (tx) => {
      const stored = await this.tokens.findForUpdate(id, tx);
      if (!stored || !this.matches(stored.tokenHash, secret)) return 'invalid' as const;
      if (stored.revokedAt) {
        // A rotated token used again means it leaked: end every session of that login.
        await this.tokens.revokeFamily(stored.familyId, now, tx);
        return { reused: stored.userId } as const;
      }
      if (stored.expiresAt <= now) return 'invalid' as const;
      const user = await this.users.findById(stored.userId, tx);
      if (!user || !user.active) return 'invalid' as const;
      return this.issue(user, stored.familyId, now, tx, stored.id);
    });
    if (outcome === 'invalid') throw invalidRefresh();
    if ('reused' in outcome) {
      await this.audit.record({
        actor: null,
        action: 'auth.refresh-reused',
        entityType: 'user',
        entityId: outcome.reused,
      });
      throw new AppException(
        ErrorCode.RefreshReused,
        HttpStatus.UNAUTHORIZED,
        'Refresh token was already used; log in again',
      );
    }
    return outcome;
  }

  async logout(refreshToken: string, now = new Date()): Promise<void> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret) return;
    const stored = await this.tokens.findById(id);
    if (stored && this.matches(stored.tokenHash, secret)) {
      await this.tokens.revokeFamily(stored.familyId, now);
      await this.audit.record({
        actor: null,
        action: 'auth.logout',
        entityType: 'user',
        entityId: stored.userId,
      });
    }
  }

  async me(user: AuthUser): Promise<UserSummary> {
    const found = await this.users.findById(user.id);
    if (!found) throw AppException.notFound('User');
    return toUserSummary(found);
  }

  private matches(hash: string, secret: string): boolean {
    const a = Buffer.from(hash, 'hex');
    const b = Buffer.from(sha256(secret), 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private authUser(user: User): AuthUser {
    return { id: user.id, role: user.role, teamId: user.teamId };
  }

  private async issue(
    user: User,
    familyId: string,
    now: Date,
    tx?: Tx,
    replaces?: string,
  ): Promise<AuthTokens> {
    const claims: AccessClaims = { sub: user.id, role: user.role, teamId: user.teamId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.tokens.insert(
      {
        id,
        userId: user.id,
        familyId,
        tokenHash: sha256(secret),
        expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlSeconds * 1000),
        revokedAt: null,
        replacedBy: null,
      },
      tx,
    );
    if (replaces) await this.tokens.revoke(replaces, now, id, tx);
    return {
      accessToken,
      refreshToken: `${id}.${secret}`,
      expiresIn: this.config.accessTokenTtlSeconds,
      user: toUserSummary(user),
    };
  }
}
