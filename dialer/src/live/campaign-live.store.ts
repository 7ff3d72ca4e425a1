import { randomUUID } from 'node:crypto';
import type { CallControls, CallStage, TransferState } from '@recupera/shared';
import type { Redis } from 'ioredis';
import type { AbandonControllerState } from '../pacing/abandon-controller.util';
import type { LiveKeys } from './live-keys.util';

/** One call as the live dialer tracks it, in a Redis hash every process can read. */
export interface LiveCall {
  callId: string;
  campaignId: string;
  accountId: string;
  contactPointId: string;
  phone: string;
  /** `machine`: an answering machine is being hung up on or left a message; `abandoned`: the message plays. */
  stage: CallStage | 'machine' | 'abandoned';
  queuedAt: number;
  carrierSid: string | null;
  answeredAt: number | null;
  connectedAt: number | null;
  agentId: string | null;
  teamId: string | null;
  endedBy: 'debtor' | 'agent' | null;
  /** The value the account and phone locks hold for this call. */
  lockId: string;
  /** The agent who dialled it themselves (manual, preview, their callback): a person who answers is theirs. */
  ownerAgentId: string | null;
  held: boolean;
  muted: boolean;
  transfer: TransferState;
  /** The supervisor who took the call from the agent. */
  transferredTo: string | null;
  /** The carrier's id of the agent's own leg, and of a supervisor's listening in. */
  agentLeg: string | null;
  monitorLeg: string | null;
  monitoredBy: string | null;
}

export function controlsOf(call: LiveCall | null): CallControls {
  return {
    held: call?.held ?? false,
    muted: call?.muted ?? false,
    transfer: call?.transfer ?? 'none',
  };
}

/** A call just reserved for dialling, not yet placed with the carrier. */
export function queuedCall(
  fields: Pick<LiveCall, 'callId' | 'campaignId' | 'lockId'> &
    Partial<Pick<LiveCall, 'teamId' | 'ownerAgentId'>>,
  entry: HopperEntry,
  now: number,
): LiveCall {
  return {
    accountId: entry.accountId,
    contactPointId: entry.contactPointId,
    phone: entry.phone,
    stage: 'queued',
    queuedAt: now,
    carrierSid: null,
    answeredAt: null,
    connectedAt: null,
    agentId: null,
    endedBy: null,
    teamId: null,
    ownerAgentId: null,
    held: false,
    muted: false,
    transfer: 'none',
    transferredTo: null,
    agentLeg: null,
    monitorLeg: null,
    monitoredBy: null,
    ...fields,
  };
}

/** A hopper entry: the account, the number to dial and the contact point it belongs to. */
export interface HopperEntry {
  accountId: string;
  contactPointId: string;
  phone: string;
}

/** Rolling windows kept per campaign (DESIGN.md §4: the pacer trusts only its own recent calls). */
export const STAT_WINDOWS = {
  outcome: 2_000,
  answer: 1_000,
  talk: 1_000,
  wrap: 1_000,
  abandon: 1_000,
} as const;

export interface CampaignMeasurements {
  outcomes: boolean[];
  answerMs: number[];
  talkMs: number[];
  wrapMs: number[];
  abandons: boolean[];
  /** Person-answered calls of the last rolling hour. */
  lastHour: { answered: number; abandoned: number };
}

const HOUR_MS = 3_600_000;
const CALL_TTL_SECONDS = 86_400;
/** A lock outlives any real call; ending the call releases it long before. */
const LOCK_TTL_MS = 2 * HOUR_MS;
const ABANDON_BLOCK_SECONDS = 72 * 3_600;

function encodeEntry(entry: HopperEntry): string {
  return `${entry.accountId}|${entry.contactPointId}|${entry.phone}`;
}

function decodeEntry(member: string): HopperEntry {
  const [accountId, contactPointId, phone] = member.split('|');
  return { accountId, contactPointId, phone };
}

function toNumberOrNull(value: string | undefined): number | null {
  return value === undefined || value === '' ? null : Number(value);
}

export class CampaignLiveStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: LiveKeys,
  ) {}

  // ---- hopper ----

  /** Lower scores are dialled first; `priorityClass` 0 beats 1 beats 2…, then first come first served. */
  async pushHopper(
    campaignId: string,
    entries: readonly HopperEntry[],
    priorityClass: number,
  ): Promise<void> {
    if (entries.length === 0) return;
    const last = await this.redis.incrby(this.keys.hopperSequence(campaignId), entries.length);
    const first = last - entries.length + 1;
    const args: (string | number)[] = [];
    entries.forEach((entry, i) => args.push(priorityClass * 1e12 + first + i, encodeEntry(entry)));
    await this.redis.zadd(this.keys.hopper(campaignId), ...args);
  }

  async popHopper(campaignId: string, count: number): Promise<HopperEntry[]> {
    if (count <= 0) return [];
    const result = await this.redis.zpopmin(this.keys.hopper(campaignId), count);
    const entries: HopperEntry[] = [];
    for (let i = 0; i < result.length; i += 2) entries.push(decodeEntry(result[i]));
    return entries;
  }

  hopperSize(campaignId: string): Promise<number> {
    return this.redis.zcard(this.keys.hopper(campaignId));
  }

  /** Which of these accounts are already waiting in the hopper. */
  async inHopper(campaignId: string, entries: readonly HopperEntry[]): Promise<boolean[]> {
    if (entries.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.hopper(campaignId), ...entries.map(encodeEntry));
    return scores.map((score) => score !== null);
  }

  async markRefillIdle(campaignId: string, ms: number): Promise<void> {
    await this.redis.set(this.keys.refillIdle(campaignId), '1', 'PX', ms);
  }

  async isRefillIdle(campaignId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.refillIdle(campaignId))) > 0;
  }

  async clearHopper(campaignId: string): Promise<void> {
    await this.redis.del(this.keys.hopper(campaignId));
  }

  // ---- locks: an account and a number are never dialled twice at once, whatever the process ----

  /** Takes both locks or neither. */
  async lockForDial(entry: HopperEntry, callId: string): Promise<boolean> {
    const account = this.keys.accountLock(entry.accountId);
    const phone = this.keys.phoneLock(entry.phone);
    if ((await this.redis.set(account, callId, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return false;
    if ((await this.redis.set(phone, callId, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      await this.releaseIfOwner(account, callId);
      return false;
    }
    return true;
  }

  async unlock(entry: HopperEntry, callId: string): Promise<void> {
    await Promise.all([
      this.releaseIfOwner(this.keys.accountLock(entry.accountId), callId),
      this.releaseIfOwner(this.keys.phoneLock(entry.phone), callId),
    ]);
  }

  async isLocked(entry: HopperEntry): Promise<boolean> {
    return (
      (await this.redis.exists(this.keys.accountLock(entry.accountId), this.keys.phoneLock(entry.phone))) > 0
    );
  }

  private async releaseIfOwner(key: string, owner: string): Promise<void> {
    await this.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      key,
      owner,
    );
  }

  async blockPhone(phone: string): Promise<void> {
    await this.redis.set(this.keys.phoneBlock(phone), '1', 'EX', ABANDON_BLOCK_SECONDS);
  }

  async isPhoneBlocked(phone: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.phoneBlock(phone))) > 0;
  }

  // ---- calls ----

  async createCall(call: LiveCall, now: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.call(call.callId), serialize(call))
      .expire(this.keys.call(call.callId), CALL_TTL_SECONDS)
      .zadd(this.keys.inFlight(call.campaignId), now, call.callId)
      .sadd(this.keys.lines(call.campaignId), call.callId)
      .sadd(this.keys.carrierLines(), call.callId)
      .zadd(this.keys.carrierDials(), now, `${now}:${call.callId}`)
      .exec();
  }

  /**
   * A previewed account: held (and locked) for the agent, but not a line yet — it counts against
   * no line or calls-per-second limit until the agent dials it (then `createCall`).
   */
  async holdPreview(call: LiveCall): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.call(call.callId), serialize(call))
      .expire(this.keys.call(call.callId), CALL_TTL_SECONDS)
      .exec();
  }

  async deleteCall(callId: string): Promise<void> {
    await this.redis.del(this.keys.call(callId));
  }

  /**
   * Sets one field only if it still holds `expected` (a transfer taken by one supervisor of many).
   */
  async swapField(callId: string, field: keyof LiveCall, expected: string, value: string): Promise<boolean> {
    const ok = (await this.redis.eval(
      `if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) return 1 end
       return 0`,
      1,
      this.keys.call(callId),
      field,
      expected,
      value,
    )) as number;
    return ok === 1;
  }

  async getCall(callId: string): Promise<LiveCall | null> {
    const hash = await this.redis.hgetall(this.keys.call(callId));
    return hash['callId'] ? deserialize(hash) : null;
  }

  async updateCall(callId: string, changes: Partial<LiveCall>): Promise<void> {
    await this.redis.hset(this.keys.call(callId), serialize(changes));
  }

  /**
   * Moves the call from `from` to `to` only if it is still in one of `from`: the one place where a
   * retried webhook, a timer and an agent's action racing on one call are told apart.
   */
  async advance(
    callId: string,
    from: readonly LiveCall['stage'][],
    to: LiveCall['stage'],
    changes: Partial<LiveCall> = {},
  ): Promise<LiveCall | null> {
    const ok = (await this.redis.eval(
      `local s = redis.call('HGET', KEYS[1], 'stage')
       if not s then return 0 end
       for st in string.gmatch(ARGV[1], '[^,]+') do
         if st == s then redis.call('HSET', KEYS[1], 'stage', ARGV[2]) return 1 end
       end
       return 0`,
      1,
      this.keys.call(callId),
      from.join(','),
      to,
    )) as number;
    if (ok !== 1) return null;
    if (Object.keys(changes).length > 0) await this.updateCall(callId, changes);
    return this.getCall(callId);
  }

  async markAnswered(campaignId: string, callId: string): Promise<void> {
    await this.redis.zrem(this.keys.inFlight(campaignId), callId);
  }

  async addWaiting(campaignId: string, callId: string, at: number): Promise<void> {
    await this.redis.zadd(this.keys.waiting(campaignId), at, callId);
  }

  /** True for the one caller that took the call off the waiting list (an agent, or the abandon timer). */
  async takeWaiting(campaignId: string, callId: string): Promise<boolean> {
    return (await this.redis.zrem(this.keys.waiting(campaignId), callId)) === 1;
  }

  async oldestWaiting(campaignId: string): Promise<string | null> {
    const [first] = await this.redis.zrange(this.keys.waiting(campaignId), 0, 0);
    return first ?? null;
  }

  /** How many people wait for an agent, and since when the first of them has (ms; null: nobody). */
  async waitingSummary(campaignId: string): Promise<{ count: number; oldestAt: number | null }> {
    const [count, first] = await Promise.all([
      this.redis.zcard(this.keys.waiting(campaignId)),
      this.redis.zrange(this.keys.waiting(campaignId), 0, 0, 'WITHSCORES'),
    ]);
    return { count, oldestAt: first[1] === undefined ? null : Number(first[1]) };
  }

  async releaseLine(campaignId: string, callId: string): Promise<void> {
    await this.redis
      .multi()
      .zrem(this.keys.inFlight(campaignId), callId)
      .zrem(this.keys.waiting(campaignId), callId)
      .srem(this.keys.lines(campaignId), callId)
      .srem(this.keys.carrierLines(), callId)
      .exec();
  }

  // ---- measurements ----

  async recordOutcome(campaignId: string, person: boolean, answerMs: number | null): Promise<void> {
    const pipeline = this.redis.pipeline();
    push(pipeline, this.keys.stat(campaignId, 'outcome'), person ? '1' : '0', STAT_WINDOWS.outcome);
    if (answerMs !== null)
      push(pipeline, this.keys.stat(campaignId, 'answer'), String(answerMs), STAT_WINDOWS.answer);
    await pipeline.exec();
  }

  /** A person answered and was either bridged in time or abandoned. */
  async recordAnswered(campaignId: string, callId: string, abandoned: boolean, at: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    push(pipeline, this.keys.stat(campaignId, 'abandon'), abandoned ? '1' : '0', STAT_WINDOWS.abandon);
    pipeline.zadd(this.keys.guard(campaignId), at, `${callId}:${abandoned ? 1 : 0}`);
    pipeline.zremrangebyscore(this.keys.guard(campaignId), '-inf', at - HOUR_MS);
    await pipeline.exec();
  }

  async recordDuration(campaignId: string, name: 'talk' | 'wrap', ms: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    push(pipeline, this.keys.stat(campaignId, name), String(Math.round(ms)), STAT_WINDOWS[name]);
    await pipeline.exec();
  }

  async measurements(campaignId: string, now: number): Promise<CampaignMeasurements> {
    const results =
      (await this.redis
        .pipeline()
        .lrange(this.keys.stat(campaignId, 'outcome'), 0, -1)
        .lrange(this.keys.stat(campaignId, 'answer'), 0, -1)
        .lrange(this.keys.stat(campaignId, 'talk'), 0, -1)
        .lrange(this.keys.stat(campaignId, 'wrap'), 0, -1)
        .lrange(this.keys.stat(campaignId, 'abandon'), 0, -1)
        .zrangebyscore(this.keys.guard(campaignId), now - HOUR_MS, '+inf')
        .exec()) ?? [];
    const list = (i: number) => (results[i]?.[1] ?? []) as string[];
    const lastHour = list(5);
    return {
      outcomes: list(0).map((v) => v === '1'),
      answerMs: list(1).map(Number),
      talkMs: list(2).map(Number),
      wrapMs: list(3).map(Number),
      abandons: list(4).map((v) => v === '1'),
      lastHour: { answered: lastHour.length, abandoned: lastHour.filter((m) => m.endsWith(':1')).length },
    };
  }

  // ---- lines and the carrier's limits ----

  async lineCounts(
    campaignId: string,
    now: number,
    cpsWindowMs: number,
  ): Promise<{
    inFlightStartedAt: number[];
    waiting: number;
    campaignLines: number;
    carrierLines: number;
    recentDialsAt: number[];
  }> {
    const results =
      (await this.redis
        .pipeline()
        .zrange(this.keys.inFlight(campaignId), 0, -1, 'WITHSCORES')
        .zcard(this.keys.waiting(campaignId))
        .scard(this.keys.lines(campaignId))
        .scard(this.keys.carrierLines())
        .zremrangebyscore(this.keys.carrierDials(), '-inf', now - 10 * cpsWindowMs)
        .zrangebyscore(this.keys.carrierDials(), now - cpsWindowMs, '+inf', 'WITHSCORES')
        .exec()) ?? [];
    const inFlight = (results[0]?.[1] ?? []) as string[];
    const dials = (results[5]?.[1] ?? []) as string[];
    const inFlightStartedAt: number[] = [];
    for (let i = 1; i < inFlight.length; i += 2) inFlightStartedAt.push(Number(inFlight[i]));
    const recentDialsAt: number[] = [];
    for (let i = 1; i < dials.length; i += 2) recentDialsAt.push(Number(dials[i]));
    return {
      inFlightStartedAt,
      waiting: Number(results[1]?.[1] ?? 0),
      campaignLines: Number(results[2]?.[1] ?? 0),
      carrierLines: Number(results[3]?.[1] ?? 0),
      recentDialsAt,
    };
  }

  // ---- pacing state ----

  async controller(campaignId: string): Promise<AbandonControllerState | null> {
    const hash = await this.redis.hgetall(this.keys.controller(campaignId));
    if (hash['offset'] === undefined) return null;
    return { offset: Number(hash['offset']), updatedAt: toNumberOrNull(hash['updatedAt']) };
  }

  async saveController(campaignId: string, state: AbandonControllerState): Promise<void> {
    await this.redis.hset(this.keys.controller(campaignId), {
      offset: String(state.offset),
      updatedAt: state.updatedAt === null ? '' : String(state.updatedAt),
    });
  }

  async saveDecision(campaignId: string, decision: unknown): Promise<void> {
    await this.redis.set(this.keys.lastDecision(campaignId), JSON.stringify(decision), 'EX', 3_600);
  }

  async lastDecision<T>(campaignId: string): Promise<T | null> {
    const raw = await this.redis.get(this.keys.lastDecision(campaignId));
    return raw ? (JSON.parse(raw) as T) : null;
  }

  /** One pacer per campaign at a time, whichever process's tick or event asked. */
  async tryLock(key: 'pace' | 'refill', campaignId: string, ttlMs: number): Promise<string | null> {
    const token = randomUUID();
    const lockKey = key === 'pace' ? this.keys.paceLock(campaignId) : this.keys.refillLock(campaignId);
    return (await this.redis.set(lockKey, token, 'PX', ttlMs, 'NX')) === 'OK' ? token : null;
  }

  async unlockKey(key: 'pace' | 'refill', campaignId: string, token: string): Promise<void> {
    await this.releaseIfOwner(
      key === 'pace' ? this.keys.paceLock(campaignId) : this.keys.refillLock(campaignId),
      token,
    );
  }

  /** Counts an attempt of the account on this local day; returns the count including it. */
  async countTry(campaignId: string, accountId: string, day: string): Promise<number> {
    const key = this.keys.tries(campaignId, accountId, day);
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, 2 * 86_400)
      .exec()) as [[null, number]];
    return count;
  }
}

function push(pipeline: ReturnType<Redis['pipeline']>, key: string, value: string, window: number): void {
  pipeline.lpush(key, value).ltrim(key, 0, window - 1);
}

function serialize(call: Partial<LiveCall>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(call))
    out[key] = value === null || value === undefined ? '' : String(value);
  return out;
}

function deserialize(hash: Record<string, string>): LiveCall {
  const text = (key: string) => hash[key] || null;
  return {
    callId: hash['callId'],
    campaignId: hash['campaignId'],
    accountId: hash['accountId'],
    contactPointId: hash['contactPointId'],
    phone: hash['phone'],
    stage: hash['stage'] as LiveCall['stage'],
    queuedAt: Number(hash['queuedAt']),
    carrierSid: text('carrierSid'),
    answeredAt: toNumberOrNull(hash['answeredAt']),
    connectedAt: toNumberOrNull(hash['connectedAt']),
    agentId: text('agentId'),
    teamId: text('teamId'),
    endedBy: text('endedBy') as LiveCall['endedBy'],
    lockId: hash['lockId'],
    ownerAgentId: text('ownerAgentId'),
    held: hash['held'] === 'true',
    muted: hash['muted'] === 'true',
    transfer: (hash['transfer'] as TransferState | undefined) || 'none',
    transferredTo: text('transferredTo'),
    agentLeg: text('agentLeg'),
    monitorLeg: text('monitorLeg'),
    monitoredBy: text('monitoredBy'),
  };
}
