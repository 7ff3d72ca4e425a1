import { ErrorCode, type HandshakeError, type Role } from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user.type';
import { AppException } from '../errors/app.exception';

interface TokenVerifier {
  verify(token: string | undefined): Promise<AuthUser>;
}

/**
 * Authenticates every socket of the namespace in its handshake with the access token, and refuses
 * roles the namespace is not for; the refusal carries a code the client can switch on (expired,
 * forged, forbidden).
 */
export function requireSocketAuth(namespace: Namespace, tokens: TokenVerifier, roles: readonly Role[]): void {
  namespace.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    tokens
      .verify(typeof token === 'string' ? token : undefined)
      .then((user) => {
        if (!roles.includes(user.role))
          throw AppException.forbidden(`This channel is for ${roles.join(', ')}`);
        socket.data = { user };
        next();
      })
      .catch((error: unknown) => {
        const failure: HandshakeError =
          error instanceof AppException
            ? { code: error.code, message: error.message }
            : { code: ErrorCode.Unauthenticated, message: 'Authentication failed' };
        next(Object.assign(new Error(failure.message), { data: failure }));
      });
  });
}

export function socketUser(socket: Socket): AuthUser | null {
  return (socket.data as { user?: AuthUser }).user ?? null;
}
