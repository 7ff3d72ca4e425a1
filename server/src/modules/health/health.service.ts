import { Inject, Injectable } from '@nestjs/common';
import type { HealthResponse } from '@recupera/shared';
import type { Redis } from 'ioredis';
import { REDIS } from '../../redis/redis.module';
import { HealthRepository } from './health.repository';

const TIMEOUT_MS = 1500;

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), TIMEOUT_MS).unref()),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    private readonly repository: HealthRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      within(this.repository.ping(), false),
      within(
        this.redis
          .ping()
          .then((reply) => reply === 'PONG')
          .catch(() => false),
        false,
      ),
    ]);
    return {
      status: database && redis ? 'ok' : 'degraded',
      database: database ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
      version: '0.1.0',
    };
  }
}
