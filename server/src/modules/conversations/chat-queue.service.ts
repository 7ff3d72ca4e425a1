import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DialerEngine } from '@recupera/dialer';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { FloorEventsService } from '../realtime/floor-events.service';
import { ChatRouterService } from './chat-router.service';
import { toChatOffer } from './conversation.mapper';
import type { WaitingConversation } from './conversation-row.type';
import { ConversationsRepository } from './conversations.repository';

/** How often waiting conversations are offered again (an agent freed up, an offer lapsed). */
const SWEEP_MS = 1_000;
/** Conversations looked at per sweep, oldest first. */
const SWEEP_BATCH = 200;
/** How often agents logged out while holding chats are looked for. */
const OFFLINE_CHECK_MS = 10_000;

/**
 * The chat queue: a conversation that needs an agent is offered at once, and every second the
 * waiting ones are offered again, lapsed offers pass to the next agent, and the chats of an agent
 * logged out for too long go back to the queue. One server sweeps at a time (a Redis lock).
 */
@Injectable()
export class ChatQueueService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ChatQueueService.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;
  private lastOfflineCheck = 0;
  private readonly lockKey: string;
  private readonly offlineSince = new Map<string, number>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    private readonly router: ChatRouterService,
    private readonly conversations: ConversationsRepository,
    private readonly events: FloorEventsService,
  ) {
    this.lockKey = `${config.queuePrefix}:chat:sweep-lock`;
  }

  onModuleInit(): void {
    if (!this.config.runWorkers) return;
    this.timer = setInterval(() => void this.sweep(new Date()), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Offers the conversation to an agent now, if one has room; it stays queued otherwise. */
  async offer(conversation: WaitingConversation, now: Date): Promise<boolean> {
    const made = await this.router.route(conversation, now);
    if (!made) return false;
    const row = await this.conversations.find(conversation.id);
    if (!row) return false;
    const [last] = await this.conversations.messages(conversation.id, 1);
    const offer = toChatOffer(row, last, made.expiresAt);
    this.events.toAgent(made.agentId, 'chat.offered', offer);
    return true;
  }

  /** One pass over the queue; skipped while another server (or the last pass) is at it. */
  async sweep(now: Date): Promise<void> {
    if (this.sweeping || this.redis.status !== 'ready') return;
    this.sweeping = true;
    try {
      if ((await this.redis.set(this.lockKey, '1', 'PX', SWEEP_MS, 'NX')) !== 'OK') return;
      for (const waiting of await this.conversations.waiting(SWEEP_BATCH)) {
        if (waiting.status === 'offered') {
          if (await this.router.offeredTo(waiting.id)) continue;
          await this.lapse(waiting.id);
        }
        await this.offer({ ...waiting, status: 'queued' }, now);
      }
      if (now.getTime() - this.lastOfflineCheck >= OFFLINE_CHECK_MS) {
        this.lastOfflineCheck = now.getTime();
        await this.requeueAbsentAgents(now);
      }
    } catch (error) {
      this.logger.warn(`chat sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.sweeping = false;
    }
  }

  /** The offer ran out unanswered: the agent is told, and skipped for it from now on. */
  private async lapse(conversationId: string): Promise<void> {
    await this.conversations.update(conversationId, { status: 'queued' }, ['offered']);
    const agentId = await this.router.lapsed(conversationId);
    if (agentId) this.events.toAgent(agentId, 'chat.offer-withdrawn', { conversationId });
  }

  /** Agents logged out past the grace period lose their chats to the queue, so no debtor waits on them. */
  private async requeueAbsentAgents(now: Date): Promise<void> {
    const agents = await this.conversations.assignedAgents();
    const loads = await this.engine.ctx.agents.chatLoads(agents);
    const graceMs = this.config.chatOfflineGraceSeconds * 1000;
    for (const [i, agentId] of agents.entries()) {
      const gone = loads[i]!.state === 'offline' && loads[i]!.sockets <= 0;
      if (!gone) {
        this.offlineSince.delete(agentId);
        continue;
      }
      const since = this.offlineSince.get(agentId) ?? now.getTime();
      this.offlineSince.set(agentId, since);
      if (now.getTime() - since < graceMs) continue;
      this.offlineSince.delete(agentId);
      for (const conversationId of await this.conversations.conversationIdsOf(agentId)) {
        const moved = await this.conversations.update(
          conversationId,
          { status: 'queued', agentId: null, queuedAt: now, assignedAt: null },
          ['assigned'],
        );
        if (moved) this.events.toAgent(agentId, 'chat.closed', { conversationId, reason: 'transferred' });
      }
      await this.router.recountLoad(agentId, now);
    }
  }
}
