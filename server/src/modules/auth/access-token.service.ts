import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { ErrorCode, isRole, type AccessClaims } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';

/** Verifies access tokens for HTTP guards and socket handshakes alike. */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  async verify(token: string | undefined): Promise<AuthUser> {
    if (!token) throw new AppException(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, 'Log in first');
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token);
      if (!claims.sub || !isRole(claims.role)) throw new Error('claims');
      return { id: claims.sub, role: claims.role, teamId: claims.teamId ?? null };
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new AppException(ErrorCode.TokenExpired, HttpStatus.UNAUTHORIZED, 'Access token expired');
      }
      throw new AppException(ErrorCode.TokenInvalid, HttpStatus.UNAUTHORIZED, 'Access token is not valid');
    }
  }
}
