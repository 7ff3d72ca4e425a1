import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
} from '@nestjs/websockets';
import type { DialerEngine } from '@recupera/dialer';
import {
  AGENT_NAMESPACE,
  ErrorCode,
  agentRoom,
  type AckResult,
  type AgentClientToServerEvents,
  type AgentSnapshot,
  type Sequenced,
  type AgentServerToClientEvents,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import { requireSocketAuth, socketUser } from '../../common/realtime/socket-auth.util';
import { runSocketAction } from '../../common/realtime/socket-action.util';
import { failure, parsePayload } from '../../common/realtime/socket-payload.util';
import { AccessTokenService } from '../auth/access-token.service';
import { ChatDeskService } from '../conversations/chat-desk.service';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { FloorEventsService } from '../realtime/floor-events.service';
import { ScriptsService } from '../scripts/scripts.service';
import {
  AgentStateRequestDto,
  CallRefDto,
  CallSwitchDto,
  DialRequestDto,
  PreviewSkipDto,
  ReadyInDto,
  ScriptStepRecordDto,
  WrapUpDto,
} from './agent-events.dto';

type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents>;

/**
 * The agent's line to the floor: state changes, call control and wrap-up. Only agents connect;
 * every payload is validated and every action is checked against the agent's own state and call.
 */
@WebSocketGateway({ namespace: AGENT_NAMESPACE, cors: { origin: false } })
export class AgentGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(AgentGateway.name);
  @WebSocketServer() private readonly namespace!: Namespace<
    AgentClientToServerEvents,
    AgentServerToClientEvents
  >;

  constructor(
    private readonly tokens: AccessTokenService,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    private readonly scripts: ScriptsService,
    private readonly events: FloorEventsService,
    private readonly chats: ChatDeskService,
  ) {}

  afterInit(namespace: Namespace): void {
    requireSocketAuth(namespace, this.tokens, ['agent']);
  }

  async handleConnection(socket: AgentSocket): Promise<void> {
    const user = socketUser(socket);
    if (!user) {
      socket.disconnect(true);
      return;
    }
    await socket.join(agentRoom(user.id));
    await this.engine.ctx.agents.socketOpened(user.id);
    socket.emit('agent.snapshot', await this.snapshot(user.id));
  }

  async handleDisconnect(socket: AgentSocket): Promise<void> {
    const user = socketUser(socket);
    if (!user) return;
    try {
      if ((await this.engine.ctx.agents.socketClosed(user.id)) <= 0)
        await this.engine.desk.disconnected(user.id, user.teamId);
    } catch (error) {
      // A server shutting down loses its Redis before its last sockets; the state expires with it.
      this.logger.warn(
        `agent ${user.id} disconnect not recorded: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  @SubscribeMessage('agent.state-requested')
  stateRequested(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, async (user) => {
      const request = parsePayload(AgentStateRequestDto, body);
      await this.engine.desk.requestState(user.id, user.teamId, request);
    });
  }

  @SubscribeMessage('call.hang-up-requested')
  hangUp(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) =>
      this.engine.desk.hangUp(user.id, parsePayload(CallRefDto, body).callId),
    );
  }

  @SubscribeMessage('call.wrap-up-finished')
  wrapUpFinished(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, async (user) => {
      await this.engine.desk.finishWrapUp(user.id, user.teamId, parsePayload(WrapUpDto, body));
    });
  }

  @SubscribeMessage('agent.ready-in')
  readyIn(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, async (user) => {
      await this.engine.desk.readyIn(user.id, user.teamId, parsePayload(ReadyInDto, body).seconds);
    });
  }

  /** A console that saw a gap in the numbering catches up here. */
  @SubscribeMessage('agent.snapshot-requested')
  async snapshotRequested(
    @ConnectedSocket() socket: AgentSocket,
  ): Promise<AckResult | Sequenced<AgentSnapshot>> {
    const user = socketUser(socket);
    if (!user || user.role !== 'agent')
      return failure(ErrorCode.Forbidden, 'Only agents act on this channel');
    return this.snapshot(user.id);
  }

  /** The number first, then the state: an event raised in between is one the snapshot may already show. */
  private async snapshot(agentId: string): Promise<Sequenced<AgentSnapshot>> {
    const seq = await this.events.currentSeq(agentId);
    const [desk, chats] = await Promise.all([
      this.engine.desk.snapshot(agentId),
      this.chats.snapshot(agentId),
    ]);
    return { ...desk, ...chats, seq };
  }

  /** The agent's own dial of an account they may work; the ack carries the call's id. */
  @SubscribeMessage('call.dial-requested')
  async dialRequested(
    @ConnectedSocket() socket: AgentSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult | { ok: true; callId: string }> {
    let callId = '';
    const result = await this.act(socket, async (user) => {
      callId = await this.engine.desk.manualDial(user.id, user.teamId, parsePayload(DialRequestDto, body));
    });
    return result.ok ? { ok: true, callId } : result;
  }

  @SubscribeMessage('script.step-recorded')
  stepRecorded(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, (user) =>
      this.scripts.recordStep(user.id, parsePayload(ScriptStepRecordDto, body)),
    );
  }

  @SubscribeMessage('call.hold-requested')
  holdRequested(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, async (user) => {
      await this.engine.controls.setSwitch(user.id, 'held', parsePayload(CallSwitchDto, body));
    });
  }

  @SubscribeMessage('call.mute-requested')
  muteRequested(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return this.act(socket, async (user) => {
      await this.engine.controls.setSwitch(user.id, 'muted', parsePayload(CallSwitchDto, body));
    });
  }

  @SubscribeMessage('call.transfer-requested')
  transferRequested(
    @ConnectedSocket() socket: AgentSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult> {
    return this.act(socket, async (user) => {
      await this.engine.controls.requestTransfer(user.id, parsePayload(CallRefDto, body).callId);
    });
  }

  @SubscribeMessage('preview.dial-requested')
  async previewDialRequested(
    @ConnectedSocket() socket: AgentSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult | { ok: true; callId: string }> {
    let callId = '';
    const result = await this.act(socket, async (user) => {
      callId = await this.engine.desk.previewDial(user.id, parsePayload(CallRefDto, body).callId);
    });
    return result.ok ? { ok: true, callId } : result;
  }

  @SubscribeMessage('preview.skip-requested')
  previewSkipRequested(
    @ConnectedSocket() socket: AgentSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult> {
    return this.act(socket, (user) =>
      this.engine.desk.previewSkip(user.id, user.teamId, parsePayload(PreviewSkipDto, body)),
    );
  }

  /** Runs an agent's action; only agents act on this channel. */
  private act(
    socket: AgentSocket,
    action: (user: NonNullable<ReturnType<typeof socketUser>>) => Promise<void>,
  ): Promise<AckResult> {
    const user = socketUser(socket);
    if (!user || user.role !== 'agent')
      return Promise.resolve(failure(ErrorCode.Forbidden, 'Only agents act on this channel'));
    return runSocketAction(this.logger, () => action(user));
  }
}
