import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection } from '@nestjs/websockets';
import {
  ADMIN_NAMESPACE,
  userRoom,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import { requireSocketAuth, socketUser } from '../../common/realtime/socket-auth.util';
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
    requireSocketAuth(namespace, this.tokens, ['admin']);
  }

  handleConnection(socket: AdminSocket): void {
    const user = socketUser(socket);
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
