import type { AgentState, AgentStateView, BreakReason } from '@recupera/shared';
import type { Redis } from 'ioredis';
import type { LiveKeys } from './live-keys.util';

/**
 * Moves an agent between states atomically, keeping the team's free set (longest idle first) and
 * busy map in step. KEYS: agent hash, team free set, team busy map. ARGV: allowed-from states
 * (comma list), new state, now ms, callId, campaignId, breakReason, teamId.
 * Returns the state before the move, or "!<state>" when the move was not allowed from it.
 */
const TRANSITION = `
local current = redis.call('HGET', KEYS[1], 'state') or 'offline'
local allowed = false
for state in string.gmatch(ARGV[1], '[^,]+') do
  if state == current then allowed = true end
end
if not allowed then return '!' .. current end
local agent = string.match(KEYS[1], '[^:]+$')
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'since', ARGV[3], 'callId', ARGV[4], 'campaignId', ARGV[5],
  'breakReason', ARGV[6], 'teamId', ARGV[7])
redis.call('ZREM', KEYS[2], agent)
redis.call('HDEL', KEYS[3], agent)
if ARGV[2] == 'available' then
  -- An agent holding more chats than the team lets blend with a call waits outside the free set.
  local chats = tonumber(redis.call('HGET', KEYS[1], 'chats') or '0')
  local limit = tonumber(redis.call('HGET', KEYS[1], 'chatMaxForCall') or '-1')
  if limit < 0 or chats <= limit then redis.call('ZADD', KEYS[2], ARGV[3], agent) end
elseif ARGV[2] == 'on_call' or ARGV[2] == 'wrap_up' then
  redis.call('HSET', KEYS[3], agent, ARGV[2] .. ':' .. ARGV[3])
end
return current
`;

/**
 * Takes the longest-idle free agent of any of the teams and marks them reserved for the call.
 * KEYS: the teams' free sets. ARGV: key prefix for agent hashes, now ms, callId, campaignId.
 */
const RESERVE = `
local best, bestScore, bestKey = nil, nil, nil
for _, key in ipairs(KEYS) do
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if first[1] and (bestScore == nil or tonumber(first[2]) < bestScore) then
    best, bestScore, bestKey = first[1], tonumber(first[2]), key
  end
end
if not best then return false end
redis.call('ZREM', bestKey, best)
redis.call('HSET', ARGV[1] .. best, 'state', 'reserved', 'since', ARGV[2], 'callId', ARGV[3], 'campaignId', ARGV[4])
return best
`;

/**
 * Records how many chats the agent holds and the most they may hold and still be offered a call;
 * an available agent over that limit leaves the team's free set (the pacer stops counting them), and
 * returns to it, at the instant they became available, once back under it.
 * KEYS: agent hash, team free set. ARGV: chats, max chats for a call.
 */
const CHAT_LOAD = `
redis.call('HSET', KEYS[1], 'chats', ARGV[1], 'chatMaxForCall', ARGV[2])
if redis.call('HGET', KEYS[1], 'state') ~= 'available' then return 0 end
local agent = string.match(KEYS[1], '[^:]+$')
if tonumber(ARGV[1]) > tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[2], agent)
else
  redis.call('ZADD', KEYS[2], 'NX', redis.call('HGET', KEYS[1], 'since') or '0', agent)
end
return 1
`;

export interface AgentMove {
  callId?: string | null;
  campaignId?: string | null;
  breakReason?: BreakReason | null;
}

export class AgentStateConflict extends Error {
  constructor(readonly current: AgentState) {
    super(`The agent is ${current}`);
  }
}

/** Talking and wrapping-up agents of some teams, as the pacer reads them. */
export interface TeamFloor {
  free: number;
  talkStartedAt: number[];
  wrapStartedAt: number[];
  /** Agents in wrap-up who said when they will be ready: ms instants. */
  readyAt: number[];
}

type Hash = Record<string, string>;

function toView(agentId: string, hash: Hash): AgentStateView {
  return {
    agentId,
    teamId: hash['teamId'] || null,
    state: (hash['state'] as AgentState | undefined) ?? 'offline',
    since: new Date(Number(hash['since'] ?? 0)).toISOString(),
    breakReason: (hash['breakReason'] as BreakReason | undefined) || null,
    callId: hash['callId'] || null,
    campaignId: hash['campaignId'] || null,
  };
}

/** The floor's agents in Redis, shared by every server and dialer process. */
export class AgentPoolStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: LiveKeys,
  ) {}

  async get(agentId: string): Promise<AgentStateView> {
    return toView(agentId, await this.redis.hgetall(this.keys.agent(agentId)));
  }

  /** Moves the agent to `to` if they are in one of `from`; throws AgentStateConflict otherwise. */
  async move(
    agentId: string,
    teamId: string | null,
    from: readonly AgentState[],
    to: AgentState,
    now: number,
    extras: AgentMove = {},
  ): Promise<{ before: AgentState; view: AgentStateView }> {
    const team = teamId ?? 'none';
    const result = (await this.redis.eval(
      TRANSITION,
      3,
      this.keys.agent(agentId),
      this.keys.teamFree(team),
      this.keys.teamBusy(team),
      from.join(','),
      to,
      String(now),
      extras.callId ?? '',
      extras.campaignId ?? '',
      extras.breakReason ?? '',
      teamId ?? '',
    )) as string;
    if (result.startsWith('!')) throw new AgentStateConflict(result.slice(1) as AgentState);
    return {
      before: result as AgentState,
      view: {
        agentId,
        teamId,
        state: to,
        since: new Date(now).toISOString(),
        breakReason: extras.breakReason ?? null,
        callId: extras.callId ?? null,
        campaignId: extras.campaignId ?? null,
      },
    };
  }

  /** The longest-idle free agent of the teams, now reserved for the call; null when none is free. */
  async reserveLongestIdle(
    teamIds: readonly string[],
    callId: string,
    campaignId: string,
    now: number,
  ): Promise<string | null> {
    if (teamIds.length === 0) return null;
    const agentPrefix = this.keys.agent('');
    const result = (await this.redis.eval(
      RESERVE,
      teamIds.length,
      ...teamIds.map((t) => this.keys.teamFree(t)),
      agentPrefix,
      String(now),
      callId,
      campaignId,
    )) as string | null;
    return result ?? null;
  }

  /** The chats an agent holds, as the chat router keeps them, with the team's blending limit. */
  async setChatLoad(
    agentId: string,
    teamId: string | null,
    chats: number,
    maxChatsForCall: number,
  ): Promise<void> {
    await this.redis.eval(
      CHAT_LOAD,
      2,
      this.keys.agent(agentId),
      this.keys.teamFree(teamId ?? 'none'),
      String(chats),
      String(maxChatsForCall),
    );
  }

  /** Each agent's state, chats held and open consoles, in the order asked, as the chat router reads them. */
  async chatLoads(
    agentIds: readonly string[],
  ): Promise<{ state: AgentState; chats: number; sockets: number }[]> {
    if (agentIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of agentIds) pipeline.hmget(this.keys.agent(id), 'state', 'chats', 'sockets');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([, value]) => {
      const [state, chats, sockets] = (value ?? []) as (string | null)[];
      return {
        state: (state as AgentState | null) ?? 'offline',
        chats: Number(chats ?? 0),
        sockets: Number(sockets ?? 0),
      };
    });
  }

  /** Keeps a due callback for the agent until they are free to take it. */
  async keepCallback(agentId: string, callbackId: string, dueAt: number): Promise<void> {
    await this.redis.zadd(this.keys.agentCallbacks(agentId), dueAt, callbackId);
  }

  /** The agent's oldest kept callback, taken off their list. */
  async takeKeptCallback(agentId: string): Promise<string | null> {
    const [callbackId] = await this.redis.zpopmin(this.keys.agentCallbacks(agentId));
    return callbackId ?? null;
  }

  /** True for the one caller that took this callback off the agent's list. */
  async dropKeptCallback(agentId: string, callbackId: string): Promise<boolean> {
    return (await this.redis.zrem(this.keys.agentCallbacks(agentId), callbackId)) === 1;
  }

  /** Counts the agent's open consoles across every server; returns how many are open now. */
  async socketOpened(agentId: string): Promise<number> {
    return this.redis.hincrby(this.keys.agent(agentId), 'sockets', 1);
  }

  async socketClosed(agentId: string): Promise<number> {
    return this.redis.hincrby(this.keys.agent(agentId), 'sockets', -1);
  }

  /** Records the agent's "ready in N seconds" against their wrap-up entry. */
  async readyAt(agentId: string, teamId: string, at: number): Promise<boolean> {
    const busy = await this.redis.hget(this.keys.teamBusy(teamId), agentId);
    if (!busy?.startsWith('wrap_up:')) return false;
    const [state, since] = busy.split(':');
    await this.redis.hset(this.keys.teamBusy(teamId), agentId, `${state}:${since}:${at}`);
    return true;
  }

  async floor(teamIds: readonly string[]): Promise<TeamFloor> {
    const floor: TeamFloor = { free: 0, talkStartedAt: [], wrapStartedAt: [], readyAt: [] };
    if (teamIds.length === 0) return floor;
    const pipeline = this.redis.pipeline();
    for (const team of teamIds) pipeline.zcard(this.keys.teamFree(team)).hgetall(this.keys.teamBusy(team));
    const results = (await pipeline.exec()) ?? [];
    for (let i = 0; i < results.length; i += 2) {
      floor.free += Number(results[i][1] ?? 0);
      const busy = (results[i + 1][1] ?? {}) as Hash;
      for (const entry of Object.values(busy)) {
        const [state, since, ready] = entry.split(':');
        if (state === 'on_call') floor.talkStartedAt.push(Number(since));
        else if (state === 'wrap_up') {
          floor.wrapStartedAt.push(Number(since));
          if (ready) floor.readyAt.push(Number(ready));
        }
      }
    }
    return floor;
  }

  /** Agents of a team by state, for the supervisor's live view. */
  async countsByState(
    teamIds: readonly string[],
  ): Promise<Record<'available' | 'onCall' | 'wrapUp', number>> {
    const floor = await this.floor(teamIds);
    return { available: floor.free, onCall: floor.talkStartedAt.length, wrapUp: floor.wrapStartedAt.length };
  }
}
