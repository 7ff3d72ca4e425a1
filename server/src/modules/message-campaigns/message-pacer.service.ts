import { Inject, Injectable } from '@nestjs/common';
import { paceSlot } from '@recupera/shared';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';

/**
 * The carrier's throughput (MESSAGES_PER_SECOND), shared by every campaign and reminder this process
 * sends: each message waits for its slot. Direct messages from people do not wait.
 */
@Injectable()
export class MessagePacerService {
  private nextFree = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async take(): Promise<void> {
    const now = Date.now();
    const slot = paceSlot(this.nextFree, now, this.config.messagesPerSecond);
    this.nextFree = slot.nextFree;
    if (slot.at > now) await new Promise((resolve) => setTimeout(resolve, slot.at - now));
  }
}
