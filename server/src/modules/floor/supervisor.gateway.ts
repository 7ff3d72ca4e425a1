import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
} from '@nestjs/websockets';
import type { DialerEngine } from '@recupera/dialer';
import {
  SUPERVISOR_NAMESPACE,
  teamRoom,
  type AckResult,
  type SupervisorClientToServerEvents,
  type SupervisorServerToClientEvents,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import { runSocketAction } from '../../common/realtime/socket-action.util';
import { requireSocketAuth, socketUser } from '../../common/realtime/socket-auth.util';
import { parsePayload } from '../../common/realtime/socket-payload.util';
import { CallRefDto } from '../agents/agent-events.dto';
import { AccessTokenService } from '../auth/access-token.service';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { WHOLE_FLOOR_ROOM } from '../realtime/floor-events.service';
import { TeamsService } from '../teams/teams.service';

type SupervisorSocket = Socket<SupervisorClientToServerEvents, SupervisorServerToClientEvents>;

/**
 * The live floor (/supervisor): a supervisor joins the rooms of the teams they lead and so hears
 * those teams' agents and calls; managers and admins hear the whole floor. A supervisor takes the
 * calls their agents transfer to them, and only those of their own teams.
 */
@WebSocketGateway({ namespace: SUPERVISOR_NAMESPACE, cors: { origin: false } })
export class SupervisorGateway implements OnGatewayConnection {
  private readonly logger = new Logger(SupervisorGateway.name);

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly teams: TeamsService,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
  ) {}

  afterInit(namespace: Namespace): void {
    requireSocketAuth(namespace, this.tokens, ['supervisor', 'manager', 'admin']);
  }

  async handleConnection(socket: SupervisorSocket): Promise<void> {
    const user = socketUser(socket);
    if (!user) {
      socket.disconnect(true);
      return;
    }
    const visible = await this.teams.visibleTeamIds(user);
    await socket.join(visible === 'all' ? [WHOLE_FLOOR_ROOM] : visible.map(teamRoom));
  }

  @SubscribeMessage('call.transfer-accepted')
  transferAccepted(
    @ConnectedSocket() socket: SupervisorSocket,
    @MessageBody() body: unknown,
  ): Promise<AckResult> {
    return runSocketAction(this.logger, async () => {
      const user = socketUser(socket)!;
      const { callId } = parsePayload(CallRefDto, body);
      await this.engine.controls.acceptTransfer(user.id, await this.teams.visibleTeamIds(user), callId);
    });
  }

  @SubscribeMessage('call.hang-up-requested')
  hangUp(@ConnectedSocket() socket: SupervisorSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return runSocketAction(this.logger, async () => {
      const user = socketUser(socket)!;
      await this.engine.controls.supervisorHangUp(user.id, parsePayload(CallRefDto, body).callId);
    });
  }
}
