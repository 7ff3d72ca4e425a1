import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
} from '@nestjs/websockets';
import { AgentDeskError, type DialerEngine } from '@recupera/dialer';
import {
  SUPERVISOR_NAMESPACE,
  teamRoom,
  type AckResult,
  type SupervisorClientToServerEvents,
  type SupervisorServerToClientEvents,
} from '@recupera/shared';
import type { Namespace, Socket } from 'socket.io';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { runSocketAction } from '../../common/realtime/socket-action.util';
import { requireSocketAuth, socketUser } from '../../common/realtime/socket-auth.util';
import { parsePayload } from '../../common/realtime/socket-payload.util';
import { CallRefDto } from '../agents/agent-events.dto';
import { AuditService } from '../audit/audit.service';
import { AccessTokenService } from '../auth/access-token.service';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { WHOLE_FLOOR_ROOM } from '../realtime/floor-events.service';
import { TeamsService } from '../teams/teams.service';
import { FloorSnapshotRepository } from './floor-snapshot.repository';
import { FloorSnapshotService } from './floor-snapshot.service';
import { ForceAgentStateDto, MonitorDto } from './floor.dto';

type SupervisorSocket = Socket<SupervisorClientToServerEvents, SupervisorServerToClientEvents>;

/** The day's counters, campaigns and alerts are pushed this often; states and calls stream live. */
export const FLOOR_SNAPSHOT_EVERY_MS = 2_000;

interface Watcher {
  socket: SupervisorSocket;
  user: AuthUser;
  teamIds: string[] | null;
}

/**
 * The live floor (/supervisor): a supervisor joins the rooms of the teams they lead and so hears
 * those teams' agents and calls; managers and admins hear the whole floor. Each socket gets the
 * floor's snapshot on connecting and every couple of seconds (computed once per set of teams, for
 * this server's sockets). A supervisor takes the calls their agents transfer to them, and sends
 * their own agents on a break or logs them out.
 */
@WebSocketGateway({ namespace: SUPERVISOR_NAMESPACE, cors: { origin: false } })
export class SupervisorGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(SupervisorGateway.name);
  private readonly watchers = new Map<string, Watcher>();
  private timer: NodeJS.Timeout | null = null;
  private pushing = false;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly teams: TeamsService,
    private readonly snapshots: FloorSnapshotService,
    private readonly floor: FloorSnapshotRepository,
    private readonly audit: AuditService,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
  ) {}

  afterInit(namespace: Namespace): void {
    requireSocketAuth(namespace, this.tokens, ['supervisor', 'manager', 'admin']);
    this.timer = setInterval(() => void this.pushAll(), FLOOR_SNAPSHOT_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watchers.clear();
  }

  async handleConnection(socket: SupervisorSocket): Promise<void> {
    const user = socketUser(socket);
    if (!user) {
      socket.disconnect(true);
      return;
    }
    const visible = await this.teams.visibleTeamIds(user);
    await socket.join(visible === 'all' ? [WHOLE_FLOOR_ROOM] : visible.map(teamRoom));
    const watcher = { socket, user, teamIds: visible === 'all' ? null : visible };
    this.watchers.set(socket.id, watcher);
    try {
      socket.emit('floor.snapshot', await this.snapshots.snapshot(user, watcher.teamIds));
    } catch (error) {
      this.logger.warn(`floor snapshot failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  handleDisconnect(socket: SupervisorSocket): void {
    this.watchers.delete(socket.id);
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

  @SubscribeMessage('call.monitor-requested')
  monitor(@ConnectedSocket() socket: SupervisorSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return runSocketAction(this.logger, async () => {
      const user = socketUser(socket)!;
      const { callId, mode } = parsePayload(MonitorDto, body);
      await this.engine.controls.monitor(user.id, await this.teams.visibleTeamIds(user), callId, mode);
    });
  }

  @SubscribeMessage('agent.force-state')
  forceState(@ConnectedSocket() socket: SupervisorSocket, @MessageBody() body: unknown): Promise<AckResult> {
    return runSocketAction(this.logger, async () => {
      const user = socketUser(socket)!;
      const request = parsePayload(ForceAgentStateDto, body);
      const team = await this.floor.agentTeam(request.agentId);
      const visible = await this.teams.visibleTeamIds(user);
      if (team === undefined || (visible !== 'all' && (team === null || !visible.includes(team))))
        throw new AgentDeskError('not_your_call', 'That agent is not on your team');
      const before = await this.engine.ctx.agents.get(request.agentId);
      const after = await this.engine.desk.forceState(request.agentId, request);
      await this.audit.record({
        actor: user,
        action: 'agent.state-forced',
        entityType: 'user',
        entityId: request.agentId,
        before: { state: before.state },
        after: { state: after.state, breakReason: after.breakReason },
      });
    });
  }

  /** One snapshot per set of teams watched from this server, sent to each of its sockets. */
  private async pushAll(): Promise<void> {
    if (this.pushing || this.watchers.size === 0) return;
    this.pushing = true;
    try {
      const groups = new Map<string, Watcher[]>();
      for (const watcher of this.watchers.values()) {
        const key = watcher.teamIds ? [...watcher.teamIds].sort().join(',') : 'all';
        groups.set(key, [...(groups.get(key) ?? []), watcher]);
      }
      for (const group of groups.values()) {
        const snapshot = await this.snapshots.snapshot(group[0].user, group[0].teamIds);
        for (const watcher of group) watcher.socket.emit('floor.snapshot', snapshot);
      }
    } catch (error) {
      this.logger.warn(`floor snapshot failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      this.pushing = false;
    }
  }
}
