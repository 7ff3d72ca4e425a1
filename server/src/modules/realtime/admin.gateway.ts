import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection } from '@nestjs/websockets';
import {
  ADMIN_NAMESPACE,
  ErrorCode,
  userRoom,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  type HandshakeError,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import { AppException } from '../../common/errors/app.exception';
import { AccessTokenService } from '../auth/access-token.service';

type AdminSocket = Socket<AdminClientToServerEvents, AdminServerToClientEvents>;

/** Admin events (import progress): authenticated in the handshake, one room per user. */
@WebSocketGateway({ namespace: ADMIN_NAMESPACE, cors: { origin: false } })
export class AdminGateway implements OnGatewayConnection {
  private readonly logger = new Logger(AdminGateway.name);
  @WebSocketServer() private readonly namespace!: Namespace<
    AdminClientToServerEvents,
    AdminServerToClientEvents
  >;

  constructor(private readonly tokens: AccessTokenService) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      this.tokens
        .verify(typeof token === 'string' ? token : undefined)
        .then((user) => {
          if (user.role !== 'admin') throw AppException.forbidden('Only admins receive import events');
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

  handleConnection(socket: AdminSocket): void {
    const user = (socket.data as { user?: { id: string } }).user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    void socket.join(userRoom(user.id));
    this.logger.debug(`admin ${user.id} connected`);
  }

  emitToUser<E extends keyof AdminServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<AdminServerToClientEvents[E]>
  ): void {
    this.namespace.to(userRoom(userId)).emit(event, ...args);
  }
}
