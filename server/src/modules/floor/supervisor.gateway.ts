import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import {
  SUPERVISOR_NAMESPACE,
  teamRoom,
  type SupervisorClientToServerEvents,
  type SupervisorServerToClientEvents,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import { requireSocketAuth, socketUser } from '../../common/realtime/socket-auth.util';
import { AccessTokenService } from '../auth/access-token.service';
import { WHOLE_FLOOR_ROOM } from '../realtime/floor-events.service';
import { TeamsService } from '../teams/teams.service';

type SupervisorSocket = Socket<SupervisorClientToServerEvents, SupervisorServerToClientEvents>;

/**
 * The live floor (/supervisor): a supervisor joins the rooms of the teams they lead and so hears
 * those teams' agents and calls; managers and admins hear the whole floor.
 */
@WebSocketGateway({ namespace: SUPERVISOR_NAMESPACE, cors: { origin: false } })
export class SupervisorGateway implements OnGatewayConnection {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly teams: TeamsService,
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
}
