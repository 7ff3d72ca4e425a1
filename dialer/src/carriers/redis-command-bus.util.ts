import type { Redis } from 'ioredis';
import type { SimulatedCommand, SimulatedCommandBus } from './simulated.carrier';

/** Simulated carriers of every process on one Redis hear each other's commands on one channel. */
export class RedisCommandBus implements SimulatedCommandBus {
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
  ) {}

  async publish(command: SimulatedCommand): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(command));
  }

  async subscribe(handler: (command: SimulatedCommand) => void): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) handler(JSON.parse(message) as SimulatedCommand);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
  }
}
