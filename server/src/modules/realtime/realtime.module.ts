import { Global, Module } from '@nestjs/common';
import { AdminGateway } from './admin.gateway';

@Global()
@Module({ providers: [AdminGateway], exports: [AdminGateway] })
export class RealtimeModule {}
