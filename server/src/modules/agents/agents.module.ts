import { Module } from '@nestjs/common';
import { DialerModule } from '../dialer/dialer.module';
import { ScriptsModule } from '../scripts/scripts.module';
import { AgentGateway } from './agent.gateway';

/** The agents' real-time desk (/agent): state, call control and wrap-up over socket.io. */
@Module({ imports: [DialerModule, ScriptsModule], providers: [AgentGateway] })
export class AgentsModule {}
