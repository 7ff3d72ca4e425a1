import { Inject, Injectable } from '@nestjs/common';
import type { DialerEngine } from '@recupera/dialer';
import { type ChatCandidate, type ChatCapacityRules, pickChatAgent } from '@recupera/shared';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { type AgentChatProfile, ConversationPartiesRepository } from './conversation-parties.repository';
import type { WaitingConversation } from './conversation-row.type';
import { ConversationsRepository } from './conversations.repository';

/** How long the router keeps a team's agents and their skills before reading them again. */
const PROFILE_CACHE_MS = 10_000;
/** A team is routed by one server at a time; a lock older than this was left by a crash. */
const ROUTE_LOCK_MS = 2_000;
/** How long the router remembers whom it last offered a conversation to (to skip them after a lapse). */
const LAST_OFFER_MS = 3_600_000;
const UNLIMITED: ChatCapacityRules = { maxChats: Number.MAX_SAFE_INTEGER, maxChatsForCall: 0 };

export interface ChatOfferMade {
  conversationId: string;
  agentId: string;
  expiresAt: Date;
}

/**
 * Offers waiting conversations to agents, one offer per agent at a time, and keeps each agent's
 * chat load where the dialer reads it (blending). Offers live in Redis with their expiry, so every
 * server sees the same ones; the load is recounted from the database on every change, so it heals.
 */
@Injectable()
export class ChatRouterService {
  private readonly prefix: string;
  private readonly offerMs: number;
  private readonly profiles = new Map<string, { at: number; agents: AgentChatProfile[] }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    private readonly conversations: ConversationsRepository,
    private readonly parties: ConversationPartiesRepository,
  ) {
    this.prefix = `${config.queuePrefix}:chat`;
    this.offerMs = config.chatOfferSeconds * 1000;
  }

  /**
   * Offers the conversation to the best agent with room for it; null when nobody can take it now
   * (it stays queued) or another server is routing the team.
   */
  async route(conversation: WaitingConversation, now: Date): Promise<ChatOfferMade | null> {
    const lock = this.key('route-lock', conversation.teamId ?? 'none');
    if ((await this.redis.set(lock, '1', 'PX', ROUTE_LOCK_MS, 'NX')) !== 'OK') return null;
    try {
      if (await this.redis.exists(this.key('offer', conversation.id))) return null;
      const candidates = await this.candidates(conversation.teamId, conversation.id, now);
      // Each candidate was already held to their own team's limit; here only skills, state and idle time count.
      const chosen = pickChatAgent(candidates, conversation.queue, UNLIMITED);
      if (!chosen) return null;
      const expiresAt = new Date(now.getTime() + this.offerMs);
      const taken = await this.redis.set(
        this.key('offering', chosen.agentId),
        conversation.id,
        'PX',
        this.offerMs,
        'NX',
      );
      if (taken !== 'OK') return null;
      await this.redis
        .multi()
        .set(this.key('offer', conversation.id), chosen.agentId, 'PX', this.offerMs)
        .set(this.key('last-offer', conversation.id), chosen.agentId, 'PX', LAST_OFFER_MS)
        .exec();
      const moved = await this.conversations.update(conversation.id, { status: 'offered' }, [
        'queued',
        'offered',
      ]);
      if (!moved) {
        await this.clearOffer(conversation.id, chosen.agentId);
        return null;
      }
      return { conversationId: conversation.id, agentId: chosen.agentId, expiresAt };
    } finally {
      await this.redis.del(lock);
    }
  }

  /** The agent the conversation is offered to now, if the offer has not lapsed. */
  async offeredTo(conversationId: string): Promise<string | null> {
    return this.redis.get(this.key('offer', conversationId));
  }

  /** The conversation offered to the agent now, with the instant the offer lapses. */
  async offerOf(agentId: string): Promise<{ conversationId: string; expiresAt: Date } | null> {
    const key = this.key('offering', agentId);
    const [conversationId, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    if (!conversationId || ttl <= 0) return null;
    return { conversationId, expiresAt: new Date(Date.now() + ttl) };
  }

  async clearOffer(conversationId: string, agentId: string | null): Promise<void> {
    const keys = [this.key('offer', conversationId)];
    if (agentId && (await this.redis.get(this.key('offering', agentId))) === conversationId)
      keys.push(this.key('offering', agentId));
    await this.redis.del(...keys);
  }

  /** The agent declined or let the offer lapse: the conversation is not offered to them again. */
  async decline(conversationId: string, agentId: string): Promise<void> {
    const key = this.key('declined', conversationId);
    await this.redis.multi().sadd(key, agentId).pexpire(key, 3_600_000).exec();
    await this.clearOffer(conversationId, agentId);
  }

  /** Whom the lapsed offer was made to, now skipped for the conversation. */
  async lapsed(conversationId: string): Promise<string | null> {
    const agentId = await this.redis.getdel(this.key('last-offer', conversationId));
    if (agentId) await this.decline(conversationId, agentId);
    return agentId;
  }

  /** Forgets a conversation's routing (it was taken or it closed). */
  async forget(conversationId: string): Promise<void> {
    await this.redis.del(
      this.key('offer', conversationId),
      this.key('declined', conversationId),
      this.key('last-offer', conversationId),
    );
  }

  /**
   * Recounts the agent's chats from the database and hands the count to the dialer, which keeps an
   * agent over the team's blending limit out of the calls; returns the count.
   */
  async recountLoad(agentId: string, now: Date): Promise<number> {
    const [counts, [profile]] = await Promise.all([
      this.conversations.assignedCounts([agentId]),
      this.parties.profiles([agentId]),
    ]);
    const chats = counts.get(agentId) ?? 0;
    if (profile)
      await this.engine.ctx.agents.setChatLoad(agentId, profile.teamId, chats, profile.rules.maxChatsForCall);
    await this.redis.hset(this.key('idle'), agentId, String(now.getTime()));
    return chats;
  }

  private async candidates(
    teamId: string | null,
    conversationId: string,
    now: Date,
  ): Promise<ChatCandidate[]> {
    const profiles = await this.teamProfiles(teamId, now);
    if (profiles.length === 0) return [];
    const ids = profiles.map((p) => p.agentId);
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.exists(this.key('offering', id));
    pipeline.hmget(this.key('idle'), ...ids);
    pipeline.smembers(this.key('declined', conversationId));
    const [loads, results] = await Promise.all([
      this.engine.ctx.agents.chatLoads(ids),
      pipeline.exec().then((r) => (r ?? []).map(([, value]) => value)),
    ]);
    const idle = results[ids.length] as (string | null)[];
    const declined = results[ids.length + 1] as string[];
    const out: ChatCandidate[] = [];
    profiles.forEach((profile, i) => {
      const load = loads[i]!;
      const offering = Number(results[i]) === 1;
      // Room by the agent's own team's limit, so agents of teams with different limits compare fairly.
      if (offering || load.sockets <= 0 || load.chats >= profile.rules.maxChats) return;
      out.push({
        agentId: profile.agentId,
        state: load.state,
        chats: load.chats,
        skills: profile.skills,
        idleSince: Number(idle[i] ?? 0),
        declined: declined.includes(profile.agentId),
      });
    });
    return out;
  }

  private async teamProfiles(teamId: string | null, now: Date): Promise<AgentChatProfile[]> {
    const cacheKey = teamId ?? 'none';
    const cached = this.profiles.get(cacheKey);
    if (cached && now.getTime() - cached.at < PROFILE_CACHE_MS) return cached.agents;
    const agents = await this.parties.profiles(await this.parties.agentsOf(teamId));
    this.profiles.set(cacheKey, { at: now.getTime(), agents });
    return agents;
  }

  private key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }
}
