import { Global, Module } from '@nestjs/common';
import { LifecycleEvents } from './lifecycle-events.service';

/** The lifecycle features' event bus, one per process. */
@Global()
@Module({ providers: [LifecycleEvents], exports: [LifecycleEvents] })
export class LifecycleEventsModule {}
