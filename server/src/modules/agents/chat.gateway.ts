import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  AGENT_NAMESPACE,
  ErrorCode,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
} from '@recupera/shared';
import type { Socket } from 'socket.io';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { socketUser } from '../../common/realtime/socket-auth.util';
import { runSocketAction } from '../../common/realtime/socket-action.util';
import { failure, parsePayload } from '../../common/realtime/socket-payload.util';
import { ChatDeskService } from '../conversations/chat-desk.service';
import {
  ChatMatchDto,
  ChatSendDto,
  ChatTransferDto,
  ChatTypingDto,
  ChatWrapUpDto,
  ConversationRefDto,
} from './chat-events.dto';

type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents>;

/**
 * The agent's chats, on the same /agent socket as the softphone (which authenticates it): accept or
 * decline an offer, write, type, transfer, match an unknown number, wrap up.
 */
@WebSocketGateway({ namespace: AGENT_NAMESPACE, cors: { origin: false } })
export class ChatGateway {
  private readonly logger = new Logger(ChatGateway.name);

  constructor(private readonly desk: ChatDeskService) {}

  @SubscribeMessage('chat.accept-requested')
  accept(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) =>
      this.desk.accept(user, parsePayload(ConversationRefDto, body).conversationId, new Date()),
    );
  }

  @SubscribeMessage('chat.decline-requested')
  decline(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) =>
      this.desk.decline(user, parsePayload(ConversationRefDto, body).conversationId),
    );
  }

  @SubscribeMessage('chat.send-requested')
  async send(
    @ConnectedSocket() socket: AgentSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult | { ok: true; messageId: string }> {
    let messageId = '';
    const result = await this.act(socket, async (user) => {
      messageId = await this.desk.send(user, parsePayload(ChatSendDto, body), new Date());
    });
    return result.ok ? { ok: true, messageId } : result;
  }

  @SubscribeMessage('chat.typing')
  typing(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) => this.desk.typing(user, parsePayload(ChatTypingDto, body)));
  }

  @SubscribeMessage('chat.transfer-requested')
  transfer(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) =>
      this.desk.transfer(user, parsePayload(ChatTransferDto, body), new Date()),
    );
  }

  @SubscribeMessage('chat.match-requested')
  match(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) => this.desk.match(user, parsePayload(ChatMatchDto, body), new Date()));
  }

  @SubscribeMessage('chat.wrap-up-finished')
  wrapUp(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) => this.desk.wrapUp(user, parsePayload(ChatWrapUpDto, body), new Date()));
  }

  private act(socket: AgentSocket, action: (user: AuthUser) => Promise<void>): Promise<AckResult> {
    const user = socketUser(socket);
    if (!user || user.role !== 'agent')
      return Promise.resolve(failure(ErrorCode.Forbidden, 'Only agents act on this channel'));
    return runSocketAction(this.logger, () => action(user));
  }
}
