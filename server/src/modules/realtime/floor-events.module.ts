import { Global, Module } from '@nestjs/common';
import { FloorEventsService } from './floor-events.service';

/** Floor events for every feature and for dialer workers, which have no sockets of their own. */
@Global()
@Module({ providers: [FloorEventsService], exports: [FloorEventsService] })
export class FloorEventsModule {}
