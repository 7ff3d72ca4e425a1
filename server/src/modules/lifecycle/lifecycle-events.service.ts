import { Injectable, Logger } from '@nestjs/common';
import type { LifecycleEventMap, LifecycleEventName } from './lifecycle-events.type';

type Listener<K extends LifecycleEventName> = (event: LifecycleEventMap[K]) => Promise<void> | void;

/**
 * In-process events between lifecycle features (payments, agreements, field orders, …), emitted
 * after the transaction that caused them committed. A listener's failure is logged, never undoes
 * the emitter's work: listeners must be idempotent and able to catch up on their own.
 */
@Injectable()
export class LifecycleEvents {
  private readonly logger = new Logger(LifecycleEvents.name);
  private readonly listeners = new Map<LifecycleEventName, Listener<LifecycleEventName>[]>();

  on<K extends LifecycleEventName>(name: K, listener: Listener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as Listener<LifecycleEventName>);
    this.listeners.set(name, list);
  }

  async emit<K extends LifecycleEventName>(name: K, event: LifecycleEventMap[K]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error(
          `${name} listener failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
