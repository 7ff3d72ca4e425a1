import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type WidgetChallenge, type WidgetSessionToken } from '@recupera/shared';
import type { Redis } from 'ioredis';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { AuditService } from '../audit/audit.service';
import type { WidgetSessionRef } from '../conversations/conversation-ports.type';
import { OutboundMessagesService } from '../messaging/outbound-messages.service';
import { WidgetSessionsRepository } from './widget-sessions.repository';

const CODE_TTL_MS = 5 * 60_000;
const SESSION_TTL_MS = 2 * 3_600_000;
const MAX_CODE_ATTEMPTS = 5;
/** Identifications allowed per account per hour, and per address per 10 minutes. */
const PER_ACCOUNT = { limit: 5, windowSeconds: 3_600 };
const PER_IP = { limit: 5, windowSeconds: 600 };
const NOT_FOUND = 'No encontramos una cuenta con esos datos';

/** +573001234567 → +57 *** *** 4567: enough for the debtor to recognise, too little to learn. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)} *** *** ${e164.slice(-4)}`;
}

export function normalizeNationalId(raw: string): string {
  return raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The debtor proves who they are in the widget: account number and national id, then a one-time
 * code sent to their mobile. Codes and tokens are stored only as hashes.
 */
@Injectable()
export class WidgetAuthService {
  constructor(
    private readonly sessions: WidgetSessionsRepository,
    private readonly outbound: OutboundMessagesService,
    private readonly audit: AuditService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async identify(
    clientCode: string,
    accountNumber: string,
    nationalId: string,
    ip: string | null,
    now: Date,
  ): Promise<WidgetChallenge> {
    await this.throttle(`ip:${ip ?? 'unknown'}`, PER_IP);
    const account = await this.sessions.identify(
      clientCode,
      accountNumber.trim(),
      normalizeNationalId(nationalId),
    );
    if (!account) throw new AppException(ErrorCode.NotFound, HttpStatus.NOT_FOUND, NOT_FOUND);
    await this.throttle(`account:${account.accountId}`, PER_ACCOUNT);
    if (!account.mobile)
      throw new AppException(
        ErrorCode.ValidationFailed,
        HttpStatus.UNPROCESSABLE_ENTITY,
        'No tenemos un celular válido para enviarte el código; comunícate con nosotros por teléfono',
      );
    const challengeId = randomBytes(16).toString('hex');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    const sentTo = maskPhone(account.mobile);
    await this.sessions.insertChallenge(
      account,
      challengeId,
      this.codeHash(challengeId, code),
      expiresAt,
      sentTo,
    );
    await this.outbound.send({
      channel: 'sms',
      to: account.mobile,
      body: `Recupera: tu código es ${code}. Vence en 5 minutos.`,
    });
    await this.audit.record({
      actor: null,
      action: 'widget.identified',
      entityType: 'account',
      entityId: account.accountId,
      after: { challengeId, sentTo },
      ip,
    });
    return { challengeId, sentTo, expiresAt: expiresAt.toISOString() };
  }

  async verify(challengeId: string, code: string, now: Date): Promise<WidgetSessionToken> {
    const challenge = await this.sessions.challenge(challengeId);
    if (!challenge || challenge.verifiedAt) throw AppException.notFound('Challenge');
    if (challenge.attempts >= MAX_CODE_ATTEMPTS)
      throw AppException.conflict('Demasiados intentos: pide un código nuevo');
    if (challenge.codeExpiresAt.getTime() <= now.getTime())
      throw new AppException(ErrorCode.TokenExpired, HttpStatus.GONE, 'El código venció: pide uno nuevo');
    const expected = Buffer.from(challenge.codeHash, 'hex');
    const given = Buffer.from(this.codeHash(challengeId, code.trim()), 'hex');
    if (!timingSafeEqual(expected, given)) {
      const attempts = await this.sessions.countAttempt(challenge.id);
      throw AppException.invalid(
        attempts >= MAX_CODE_ATTEMPTS ? 'Demasiados intentos: pide un código nuevo' : 'El código no coincide',
      );
    }
    const token = randomBytes(32).toString('hex');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    if (!(await this.sessions.open(challenge.id, sha256(token), now, expiresAt)))
      throw AppException.notFound('Challenge');
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** The session behind a widget's token, or null when it is unknown, expired or ended. */
  resolve(token: string | undefined, now: Date): Promise<WidgetSessionRef | null> {
    if (!token || !/^[0-9a-f]{64}$/.test(token)) return Promise.resolve(null);
    return this.sessions.byToken(sha256(token), now);
  }

  private codeHash(challengeId: string, code: string): string {
    return createHmac('sha256', this.config.dataKey).update(`${challengeId}:${code}`).digest('hex');
  }

  private async throttle(subject: string, rule: { limit: number; windowSeconds: number }): Promise<void> {
    const key = `${this.config.queuePrefix}:widget-throttle:${subject}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, rule.windowSeconds, 'NX').exec()) as [
      [unknown, number],
      [unknown, number],
    ];
    if (count > rule.limit)
      throw new AppException(
        ErrorCode.ValidationFailed,
        HttpStatus.TOO_MANY_REQUESTS,
        'Demasiados intentos; vuelve a intentarlo más tarde',
      );
  }
}
