import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
} from '@nestjs/websockets';
import {
  ErrorCode,
  WIDGET_NAMESPACE,
  widgetSessionRoom,
  type AckResult,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import { runSocketAction } from '../../common/realtime/socket-action.util';
import { failure, parsePayload } from '../../common/realtime/socket-payload.util';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import type { WidgetSessionRef } from '../conversations/conversation-ports.type';
import { ConversationsService } from '../conversations/conversations.service';
import { WidgetChatDto, WidgetSendDto, WidgetTypingDto } from './widget.dto';
import { WidgetAuthService } from './widget-auth.service';
import { originAllowed, sameOrigin, widgetCors } from './widget-origins.util';
import { WidgetService } from './widget.service';

type WidgetSocket = Socket<WidgetClientToServerEvents, WidgetServerToClientEvents>;

function sessionOf(socket: Socket): WidgetSessionRef | null {
  return (socket.data as { widget?: WidgetSessionRef }).widget ?? null;
}

/**
 * The debtor's side of a web chat. The handshake carries the widget session's token; every request
 * acts on that session's debtor only.
 */
@WebSocketGateway({ namespace: WIDGET_NAMESPACE, cors: { origin: false } })
export class WidgetGateway implements OnGatewayConnection {
  private readonly logger = new Logger(WidgetGateway.name);

  constructor(
    private readonly auth: WidgetAuthService,
    private readonly widget: WidgetService,
    private readonly conversations: ConversationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    // One engine carries every namespace: the creditors' sites may poll it (staff namespaces still
    // want a staff token), and only this namespace admits them.
    namespace.server.engine.use(widgetCors(this.config.widgetAllowedOrigins));
    namespace.use((socket, next) => {
      const origin = socket.handshake.headers.origin;
      if (
        origin &&
        !originAllowed(origin, this.config.widgetAllowedOrigins) &&
        !sameOrigin(origin, socket.handshake.headers.host)
      ) {
        const message = 'The widget is not enabled for this site';
        next(Object.assign(new Error(message), { data: { code: ErrorCode.Forbidden, message } }));
        return;
      }
      const token = (socket.handshake.auth as { token?: unknown }).token;
      this.auth
        .resolve(typeof token === 'string' ? token : undefined, new Date())
        .then((session) => {
          if (!session) throw new Error('The widget session is unknown or has expired');
          socket.data = { widget: session };
          next();
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : 'Authentication failed';
          next(Object.assign(new Error(message), { data: { code: ErrorCode.Unauthenticated, message } }));
        });
    });
  }

  async handleConnection(socket: WidgetSocket): Promise<void> {
    const session = sessionOf(socket);
    if (!session) {
      socket.disconnect(true);
      return;
    }
    await socket.join(widgetSessionRoom(session.sessionId));
    socket.emit('widget.snapshot', await this.widget.snapshot(session));
  }

  @SubscribeMessage('widget.chat-requested')
  async chatRequested(
    @ConnectedSocket() socket: WidgetSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult | { ok: true; conversationId: string }> {
    let conversationId = '';
    const result = await this.act(socket, async (session) => {
      conversationId = await this.conversations.openWebchat(
        session,
        parsePayload(WidgetChatDto, body),
        new Date(),
      );
    });
    return result.ok ? { ok: true, conversationId } : result;
  }

  @SubscribeMessage('widget.send-requested')
  async sendRequested(
    @ConnectedSocket() socket: WidgetSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult | { ok: true; messageId: string }> {
    let messageId = '';
    const result = await this.act(socket, async (session) => {
      messageId = (
        await this.conversations.debtorWebchatMessage(session, parsePayload(WidgetSendDto, body), new Date())
      ).id;
    });
    return result.ok ? { ok: true, messageId } : result;
  }

  @SubscribeMessage('widget.typing')
  typing(@ConnectedSocket() socket: WidgetSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (session) =>
      this.conversations.debtorTyping(session, parsePayload(WidgetTypingDto, body).typing),
    );
  }

  @SubscribeMessage('widget.leave-requested')
  leave(@ConnectedSocket() socket: WidgetSocket): Promise<AckResult> {
    return this.act(socket, (session) => this.conversations.debtorLeft(session, new Date()));
  }

  private act(
    socket: WidgetSocket,
    action: (session: WidgetSessionRef) => Promise<void>,
  ): Promise<AckResult> {
    const session = sessionOf(socket);
    if (!session) return Promise.resolve(failure(ErrorCode.Unauthenticated, 'No widget session'));
    return runSocketAction(this.logger, () => action(session));
  }
}
