import { Inject, Injectable } from '@nestjs/common';
import type { DialerEventsPort } from '@recupera/dialer';
import {
  AGENT_NAMESPACE,
  SUPERVISOR_NAMESPACE,
  agentRoom,
  campaignRoom,
  teamRoom,
  type AgentEventPayloads,
  type AgentServerToClientEvents,
  type SupervisorServerToClientEvents,
} from '@recupera/shared';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { socketKey } from '../../realtime/redis-io-adapter.util';
import { REDIS } from '../../redis/redis.module';

/** Managers and admins see every team and campaign: one room for the whole floor. */
export const WHOLE_FLOOR_ROOM = 'floor:all';

/**
 * Publishes floor events (the dialer's, agreements awaiting approval…) through Redis to whichever
 * server holds the sockets, so a dialer worker of its own reaches the consoles as the servers do.
 */
@Injectable()
export class FloorEventsService implements DialerEventsPort {
  private readonly agents: Emitter<AgentServerToClientEvents>;
  private readonly supervisors: Emitter<SupervisorServerToClientEvents>;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = config.queuePrefix;
    const emitter = new Emitter(redis, { key: socketKey(config.queuePrefix) });
    this.agents = emitter.of(AGENT_NAMESPACE) as unknown as Emitter<AgentServerToClientEvents>;
    this.supervisors = emitter.of(SUPERVISOR_NAMESPACE) as unknown as Emitter<SupervisorServerToClientEvents>;
  }

  /** The emitter publishes without a promise to catch: after shutdown there is nobody to tell anyway. */
  private ready(): boolean {
    return this.redis.status === 'ready';
  }

  /**
   * Numbers the event in the agent's sequence and sends it. One Redis connection answers INCRs in
   * the order they were sent, so events leave in the order they were raised.
   */
  toAgent<E extends keyof AgentEventPayloads>(
    agentId: string,
    event: E,
    payload: AgentEventPayloads[E],
  ): void {
    if (!this.ready()) return;
    this.redis
      .incr(this.seqKey(agentId))
      .then((seq) =>
        (this.agents.to(agentRoom(agentId)).emit as (e: string, p: unknown) => boolean)(event, {
          ...payload,
          seq,
        }),
      )
      .catch(() => undefined);
  }

  /** The number of the agent's last event: what a snapshot taken now is current to. */
  async currentSeq(agentId: string): Promise<number> {
    return Number((await this.redis.get(this.seqKey(agentId))) ?? 0);
  }

  private seqKey(agentId: string): string {
    return `${this.prefix}:agent-seq:${agentId}`;
  }

  toSupervisors<E extends keyof SupervisorServerToClientEvents>(
    rooms: { campaignId?: string; teamIds?: readonly string[] },
    event: E,
    payload: Parameters<SupervisorServerToClientEvents[E]>[0],
  ): void {
    if (!this.ready()) return;
    const names = [WHOLE_FLOOR_ROOM, ...(rooms.teamIds ?? []).map(teamRoom)];
    if (rooms.campaignId) names.push(campaignRoom(rooms.campaignId));
    (this.supervisors.to(names).emit as (e: string, p: unknown) => boolean)(event, payload);
  }
}
