import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Server as SocketIoServer, type Namespace, type Server, type ServerOptions } from 'socket.io';

/** The Redis key prefix of socket events: the deployment's queue prefix, so two deployments never mix. */
export function socketKey(queuePrefix: string): string {
  return `${queuePrefix}:socket.io`;
}

/** Every server instance publishes its socket events through Redis, so any instance can reach any client. */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    /** Deployments (and test runs) sharing one Redis keep their socket traffic apart by key. */
    private readonly key: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.pub = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    await Promise.all([this.pub.connect(), this.sub.connect()]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (!this.pub || !this.sub) throw new Error('RedisIoAdapter.connect() must run before the server starts');
    server.adapter(createAdapter(this.pub, this.sub, { key: this.key }));
    return server;
  }

  /**
   * Nest calls this for every gateway at once: the root server and each namespace. Redis may go
   * only once the root server has closed every namespace's adapter (their unsubscribes are in flight).
   */
  override async close(server: Server | Namespace): Promise<void> {
    await super.close(server as Server);
    if (!(server instanceof SocketIoServer)) return;
    await Promise.allSettled([this.pub?.quit(), this.sub?.quit()]);
  }
}
